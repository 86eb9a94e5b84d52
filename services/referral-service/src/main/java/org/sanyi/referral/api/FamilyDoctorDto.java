package org.sanyi.referral.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.referral.domain.FamilyDoctorInvolvement;

@Schema(name = "FamilyDoctor", description = "The signed family doctor who initiated or assisted the referral (REF-06)")
public record FamilyDoctorDto(
        @NotNull FamilyDoctorInvolvement involvement, @NotNull @Valid IdentifierDto practitioner) {}
