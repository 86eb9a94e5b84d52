package org.sanyi.result.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.result.ClinicalContext;
import org.sanyi.platform.patient.PatientDto;

@Schema(name = "RecognitionCheckRequest", description = "The items a clinician is about to order for a patient")
public record CheckRequest(
        @NotNull @Valid PatientDto patient,
        @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 40) String> itemCodes,
        @Schema(description = "ROUTINE (default), EMERGENCY or PRE_OPERATIVE") ClinicalContext clinicalContext) {}
