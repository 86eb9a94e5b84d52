package org.sanyi.result.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.result.RecognitionScope;

@Schema(name = "RecognitionPolicyRequest", description = "The next version of a region's recognition policy")
public record PolicyRequest(
        @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit GB/T 2260 region code") String regionCode,
        @NotNull LocalDate effectiveFrom,
        LocalDate effectiveTo,
        @NotBlank @Size(max = 200) String title,
        @NotEmpty @Size(max = 5) List<@NotNull RecognitionScope> scopes,
        @Size(max = 200) Map<String, @NotNull @Min(1) @Max(3650) Integer> validityDays,
        @Min(1) @Max(720) int openCheckHours) {}
