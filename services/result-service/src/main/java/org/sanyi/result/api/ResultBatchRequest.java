package org.sanyi.result.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResultBatch", description = "Up to 500 results, published all or none")
public record ResultBatchRequest(@NotEmpty @Size(max = 500) List<@NotNull @Valid PublishResultRequest> results) {}
