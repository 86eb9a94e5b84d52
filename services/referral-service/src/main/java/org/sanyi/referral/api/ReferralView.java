package org.sanyi.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.referral.AppliedPolicy;
import org.sanyi.events.referral.CancellationReason;
import org.sanyi.events.referral.DownReferralIndication;
import org.sanyi.events.referral.ReferralDirection;
import org.sanyi.events.referral.ReferralFlags;
import org.sanyi.events.referral.ReferralOutcome;
import org.sanyi.events.referral.ReferralStatus;
import org.sanyi.events.referral.ReferralTimeline;
import org.sanyi.events.referral.ReferralUrgency;
import org.sanyi.events.referral.RejectionReason;

/** A referral's full details, for its sending and receiving institutions only. Steps not taken are absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Referral")
public record ReferralView(
        UUID id,
        @Schema(description = "Increases with every step; optimistic-locking version") long version,
        ReferralStatus status,
        @Schema(description = "Derived from the directory's care levels, never from the caller")
                ReferralDirection direction,
        ReferralUrgency urgency,
        Party sender,
        Party receiver,
        Patient patient,
        DiagnosisDto diagnosis,
        String reason,
        String requestedDepartment,
        List<AttachmentDto> attachments,
        IdentifierDto sendingClinician,
        FamilyDoctorDto familyDoctor,
        DownReferralIndication downReferralIndication,
        String downReferralNote,
        List<MedicationDto> dischargeMedications,
        @Schema(description = "Computed once at creation from the directory and the region's policy")
                ReferralFlags flags,
        @Schema(description = "Medical groups both parties belonged to on the referral date")
                List<String> commonGroupIds,
        @Schema(description = "The policy version that computed the flags") AppliedPolicy policy,
        ReferralTimeline timeline,
        Review review,
        Acceptance acceptance,
        Rejection rejection,
        Arrival arrival,
        Completion completion,
        Cancellation cancellation) {

    @Schema(name = "ReferralParty")
    public record Party(
            @Schema(example = "NDXP-H01") String institutionCode,
            @Schema(example = "霞浦县医院") String name,
            CareLevel level,
            @Schema(example = "350921") String countyCode) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "ReferralPatient",
            description =
                    "The patient as the hospitals know them. No pseudonym: the regional pseudonym is for insurers'"
                            + " and regulators' feeds, and a hospital must not be able to turn an ID number into it")
    public record Patient(IdentifierDto identifier, String name, String contact) {}

    @Schema(name = "ReferralReview")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Review(
            IdentifierDto reviewer,
            String note,
            @Schema(description = "Reviewed after the receiver was involved (green channel)") boolean retrospective) {}

    @Schema(name = "ReferralAcceptance")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Acceptance(Instant appointmentAt, String note) {}

    @Schema(name = "ReferralRejection")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rejection(RejectionReason reason, String note) {}

    @Schema(name = "ReferralArrival")
    public record Arrival(boolean admittedAsInpatient, boolean jointWard) {}

    @Schema(name = "ReferralCompletion")
    public record Completion(ReferralOutcome outcome, String summary) {}

    @Schema(name = "ReferralCancellation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cancellation(CancellationReason reason, String note) {}
}
