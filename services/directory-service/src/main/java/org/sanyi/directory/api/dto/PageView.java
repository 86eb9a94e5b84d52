package org.sanyi.directory.api.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of results")
public record PageView<T>(
        List<T> items,
        @Schema(example = "0", description = "0-based page number") int page,
        @Schema(example = "50") int size,
        @Schema(example = "37", description = "Results on all pages") long total) {}
