package org.sanyi.referral.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.referral.RejectionReason;

@Schema(name = "RejectRequest", description = "The receiver declines, with a coded reason (BR-R10)")
public record RejectRequest(
        @NotNull RejectionReason reason,
        @Size(max = 1000) @Schema(description = "For the two parties only; never in events") String note) {}
