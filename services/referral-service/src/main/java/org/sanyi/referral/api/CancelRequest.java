package org.sanyi.referral.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.referral.CancellationReason;

@Schema(name = "CancelRequest", description = "The sender withdraws the referral before the patient arrives")
public record CancelRequest(
        @NotNull CancellationReason reason,
        @Size(max = 1000) @Schema(description = "For the two parties only; never in events") String note) {}
