package org.sanyi.referral.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.referral.DownReferralIndication;
import org.sanyi.events.referral.ReferralUrgency;
import org.sanyi.kernel.DicomUid;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.InstitutionCode;
import org.sanyi.kernel.InvalidIdentifierException;
import org.sanyi.kernel.PatientIdentifiers;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.referral.application.NewReferral;
import org.sanyi.referral.domain.AttachmentKind;
import org.sanyi.referral.domain.Icd10Code;

/**
 * POST /v1/referrals. There is deliberately no sender and no direction: the sender is the calling institution and
 * the direction follows from the directory, so neither can be claimed (an unknown field is refused).
 */
@Schema(name = "CreateReferralRequest")
public record CreateReferralRequest(
        @NotBlank
                @Pattern(regexp = InstitutionCode.PATTERN, message = "must be a directory institution code")
                @Schema(description = "Directory code of the receiving institution", example = "NDXP-H01")
                String receiverInstitution,
        @NotNull @Valid PatientDto patient,
        @NotNull @Valid DiagnosisDto diagnosis,
        @NotBlank @Size(max = 2000) @Schema(example = "血压控制不佳，需上级医院调整用药") String reason,
        @NotBlank @Size(max = 100) @Schema(example = "心血管内科") String requestedDepartment,
        @NotNull ReferralUrgency urgency,
        @Size(max = 50) List<@NotNull @Valid AttachmentDto> attachments,
        @NotNull @Valid @Schema(description = "The referring clinician (e.g. 医师执业证书编码)") IdentifierDto sendingClinician,
        @Valid FamilyDoctorDto familyDoctor,
        @Schema(description = "下转指征: needed on a downward referral to grassroots for the proper-referral flag")
                DownReferralIndication downReferralIndication,
        @Size(max = 1000) String downReferralNote,
        @Size(max = 50) List<@NotNull @Valid MedicationDto> dischargeMedications) {

    /** Checks what Bean Validation cannot (identifier rules, DICOM UIDs) and names every offending field. */
    NewReferral toCommand() {
        List<FieldViolation> violations = new ArrayList<>();
        Identifier patientIdentifier = null;
        try {
            patientIdentifier =
                    PatientIdentifiers.normalise(patient.identifier().toIdentifier());
        } catch (InvalidIdentifierException e) {
            String field = e.system() == null ? "patient.identifier.system" : "patient.identifier.value";
            violations.add(new FieldViolation(field, e.getMessage()));
        }
        List<AttachmentDto> attached = attachments == null ? List.of() : attachments;
        for (int i = 0; i < attached.size(); i++) {
            AttachmentDto attachment = attached.get(i);
            if (attachment.kind() == AttachmentKind.IMAGING_STUDY && !DicomUid.isValid(attachment.reference())) {
                violations.add(new FieldViolation(
                        "attachments[" + i + "].reference",
                        "must be a DICOM Study Instance UID: digits and dots, at most 64 characters"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        return new NewReferral(
                receiverInstitution,
                patientIdentifier,
                patient.name().strip(),
                blankToNull(patient.contact()),
                Icd10Code.parse(diagnosis.code()),
                blankToNull(diagnosis.display()),
                reason.strip(),
                requestedDepartment.strip(),
                urgency,
                attached.stream().map(AttachmentDto::toAttachment).toList(),
                sendingClinician.toIdentifier(),
                familyDoctor == null ? null : familyDoctor.involvement(),
                familyDoctor == null ? null : familyDoctor.practitioner().toIdentifier(),
                downReferralIndication,
                blankToNull(downReferralNote),
                dischargeMedications == null
                        ? List.of()
                        : dischargeMedications.stream()
                                .map(MedicationDto::toMedication)
                                .toList());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
