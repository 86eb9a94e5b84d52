package org.sanyi.directory.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HistoryEntry", description = "One version of an institution or group, as it was published")
public record HistoryEntryView(
        @Schema(example = "2") long version,
        Instant changedAt,
        @Schema(example = "admin-1", description = "Token subject, or the migration that made the change")
                String changedBySubject,
        @Schema(example = "ND-PLATFORM", nullable = true) String changedByInstitution,
        @Schema(description = "The snapshot published for this version (the event's data)") JsonNode snapshot) {}
