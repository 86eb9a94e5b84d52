package org.sanyi.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.referral.ReferralOutcome;

@Schema(name = "CompleteRequest", description = "The summary returned to the sender, which closes the loop")
public record CompleteRequest(
        @NotNull ReferralOutcome outcome,
        @NotBlank
                @Size(max = 8000)
                @Schema(description = "For the sender only; never in events", example = "血压控制达标，建议回基层随访，继续原方案用药")
                String summary) {}
