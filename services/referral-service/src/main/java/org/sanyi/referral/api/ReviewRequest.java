package org.sanyi.referral.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewRequest", description = "转诊审核 by the sender's accountable reviewer (REF-13)")
public record ReviewRequest(
        @NotNull
                @Valid
                @Schema(description = "The reviewing clinician or referral coordinator; not the sending clinician")
                IdentifierDto reviewer,
        @Size(max = 1000) @Schema(description = "For the two parties only; never in events") String note) {}
