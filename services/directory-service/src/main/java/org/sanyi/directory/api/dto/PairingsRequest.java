package org.sanyi.directory.api.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The complete list of pairings the institution gives, past, present and planned")
public record PairingsRequest(
        @NotNull(message = "is required (an empty list removes every pairing)") @Size(max = 500)
                List<@NotNull(message = "must not be null") @Valid PairingRequest> pairings) {}
