package org.sanyi.result.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Withdrawal",
        description = "Why the issuer withdraws the result (entered in error); kept, never published")
public record WithdrawRequest(@NotBlank @Size(max = 1000) String reason) {}
