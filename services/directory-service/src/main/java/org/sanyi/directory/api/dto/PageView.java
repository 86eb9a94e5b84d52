package org.sanyi.directory.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of results, in code order")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageView<T>(
        List<T> items,
        @Schema(description = "Pass as `cursor` for the next page; absent on the last page") String nextCursor) {}
