package org.sanyi.directory.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RepublishResult", description = "How many snapshot events were written to the outbox")
public record RepublishView(@Schema(example = "36") long institutions, @Schema(example = "8") long groups) {}
