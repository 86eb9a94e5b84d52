package org.sanyi.referral.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.referral.AppliedPolicy;
import org.sanyi.referral.domain.Referral;

/** Entity to API shapes; institution names come from the directory replica, so they stay current. */
@ApplicationScoped
public class ReferralViews {

    @Inject
    DirectoryReplica directory;

    ReferralView details(Referral referral) {
        return new ReferralView(
                referral.id,
                referral.version,
                referral.status,
                referral.direction,
                referral.urgency,
                party(referral.senderCode, referral.senderLevel, referral.senderCounty),
                party(referral.receiverCode, referral.receiverLevel, referral.receiverCounty),
                new ReferralView.Patient(
                        IdentifierDto.of(referral.patientIdentifier()), referral.patientName, referral.patientContact),
                new DiagnosisDto(referral.diagnosisCode, referral.diagnosisDisplay),
                referral.reason,
                referral.requestedDepartment,
                referral.attachments.stream().map(AttachmentDto::of).toList(),
                IdentifierDto.of(referral.sendingClinician()),
                referral.familyDoctorInvolvement == null
                        ? null
                        : new FamilyDoctorDto(
                                referral.familyDoctorInvolvement,
                                IdentifierDto.of(referral.familyDoctorSystem, referral.familyDoctorValue)),
                referral.downReferralIndication,
                referral.downReferralNote,
                referral.dischargeMedications.stream().map(MedicationDto::of).toList(),
                referral.flags(),
                referral.commonGroupIds,
                new AppliedPolicy(referral.policyRegion, referral.policyVersion),
                referral.timeline(),
                referral.reviewedAt == null
                        ? null
                        : new ReferralView.Review(
                                IdentifierDto.of(referral.reviewerSystem, referral.reviewerValue),
                                referral.reviewNote,
                                Boolean.TRUE.equals(referral.retrospectiveReview)),
                referral.acceptedAt == null
                        ? null
                        : new ReferralView.Acceptance(referral.appointmentAt, referral.acceptanceNote),
                referral.rejectedAt == null
                        ? null
                        : new ReferralView.Rejection(referral.rejectionReason, referral.rejectionNote),
                referral.arrivedAt == null
                        ? null
                        : new ReferralView.Arrival(
                                Boolean.TRUE.equals(referral.admittedAsInpatient),
                                Boolean.TRUE.equals(referral.jointWard)),
                referral.completedAt == null
                        ? null
                        : new ReferralView.Completion(referral.outcome, referral.completionSummary),
                referral.cancelledAt == null
                        ? null
                        : new ReferralView.Cancellation(referral.cancellationReason, referral.cancellationNote));
    }

    ReferralSummary summary(Referral referral) {
        return new ReferralSummary(
                referral.id,
                referral.status,
                referral.direction,
                referral.urgency,
                referral.senderCode,
                referral.receiverCode,
                referral.diagnosisCode,
                referral.requestedAt,
                referral.answerDueAt,
                referral.flags());
    }

    private ReferralView.Party party(String code, CareLevel level, String county) {
        String name = directory.institution(code).map(InstitutionSnapshot::name).orElse(null);
        return new ReferralView.Party(code, name, level, county);
    }
}
