package org.sanyi.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.referral.CancellationReason;
import org.sanyi.events.referral.DownReferralIndication;
import org.sanyi.events.referral.ReferralDirection;
import org.sanyi.events.referral.ReferralFlags;
import org.sanyi.events.referral.ReferralOutcome;
import org.sanyi.events.referral.ReferralStatus;
import org.sanyi.events.referral.ReferralTimeline;
import org.sanyi.events.referral.ReferralUrgency;
import org.sanyi.events.referral.RejectionReason;
import org.sanyi.kernel.Identifier;
import org.sanyi.platform.problem.ApiProblem;

/**
 * A referral of one patient from a sending to a receiving institution: the FHIR ServiceRequest (what is asked)
 * together with the Task that tracks its fulfilment (status, owner, reasons). The transitions below are the only way
 * its status changes, so the closed loop of IHE 360X / BSeR is enforced here and nowhere else. {@link #version}
 * gives optimistic locking: of two concurrent transitions only the first to commit wins.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralUrgency urgency;

    // Parties, as the directory described them when the referral was requested.
    @Column(name = "sender_code", nullable = false)
    public String senderCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "sender_level", nullable = false)
    public CareLevel senderLevel;

    @Column(name = "sender_county")
    public String senderCounty;

    @Column(name = "receiver_code", nullable = false)
    public String receiverCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "receiver_level", nullable = false)
    public CareLevel receiverLevel;

    @Column(name = "receiver_county")
    public String receiverCounty;

    // Patient: identity for the two parties only; events carry just the pseudonym.
    @Column(name = "patient_id_system", nullable = false)
    public String patientIdSystem;

    @Column(name = "patient_id_value", nullable = false)
    public String patientIdValue;

    @Column(name = "patient_pseudonym", nullable = false)
    public String patientPseudonym;

    @Column(name = "patient_name", nullable = false)
    public String patientName;

    @Column(name = "patient_contact")
    public String patientContact;

    // Clinical request.
    @Column(name = "diagnosis_code", nullable = false)
    public String diagnosisCode;

    @Column(name = "diagnosis_category", nullable = false)
    public String diagnosisCategory;

    @Column(name = "diagnosis_display")
    public String diagnosisDisplay;

    @Column(nullable = false)
    public String reason;

    @Column(name = "requested_department", nullable = false)
    public String requestedDepartment;

    // The JSON lists are set once, as unmodifiable lists of records: declaring them immutable spares Hibernate a
    // serialise-and-parse deep copy of each on every persist and flush.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Attachment> attachments = List.of();

    @Column(name = "clinician_system", nullable = false)
    public String clinicianSystem;

    @Column(name = "clinician_value", nullable = false)
    public String clinicianValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "family_doctor_involvement")
    public FamilyDoctorInvolvement familyDoctorInvolvement;

    @Column(name = "family_doctor_system")
    public String familyDoctorSystem;

    @Column(name = "family_doctor_value")
    public String familyDoctorValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "down_referral_indication")
    public DownReferralIndication downReferralIndication;

    @Column(name = "down_referral_note")
    public String downReferralNote;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "discharge_medications", nullable = false, columnDefinition = "jsonb")
    public List<DischargeMedication> dischargeMedications = List.of();

    // Policy flags, fixed at creation.
    @Column(name = "green_channel", nullable = false)
    public boolean greenChannel;

    @Column(name = "same_group_episode", nullable = false)
    public boolean sameGroupEpisode;

    @Column(name = "second_deductible_waived", nullable = false)
    public boolean secondDeductibleWaived;

    @Column(name = "proper_referral", nullable = false)
    public boolean properReferral;

    @Column(name = "reimbursement_uplift_points", nullable = false)
    public int reimbursementUpliftPoints;

    @Column(name = "bypassed_grassroots", nullable = false)
    public boolean bypassedGrassroots;

    @Column(name = "out_of_county", nullable = false)
    public boolean outOfCounty;

    @Column(name = "out_of_city", nullable = false)
    public boolean outOfCity;

    @Column(name = "family_doctor_involved", nullable = false)
    public boolean familyDoctorInvolved;

    @Column(name = "elderly_care_transfer", nullable = false)
    public boolean elderlyCareTransfer;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "common_group_ids", nullable = false, columnDefinition = "jsonb")
    public List<String> commonGroupIds = List.of();

    @Column(name = "policy_region", nullable = false)
    public String policyRegion;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    // Timeline.
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "answer_due_at", nullable = false)
    public Instant answerDueAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewer_system")
    public String reviewerSystem;

    @Column(name = "reviewer_value")
    public String reviewerValue;

    @Column(name = "review_note")
    public String reviewNote;

    @Column(name = "retrospective_review")
    public Boolean retrospectiveReview;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "appointment_at")
    public Instant appointmentAt;

    @Column(name = "acceptance_note")
    public String acceptanceNote;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason")
    public RejectionReason rejectionReason;

    @Column(name = "rejection_note")
    public String rejectionNote;

    @Column(name = "arrived_at")
    public Instant arrivedAt;

    @Column(name = "admitted_as_inpatient")
    public Boolean admittedAsInpatient;

    @Column(name = "joint_ward")
    public Boolean jointWard;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    public ReferralOutcome outcome;

    @Column(name = "completion_summary")
    public String completionSummary;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_reason")
    public CancellationReason cancellationReason;

    @Column(name = "cancellation_note")
    public String cancellationNote;

    @Column(name = "expired_at")
    public Instant expiredAt;

    /** Statuses in which the receiver has not answered yet, so the referral can still expire. */
    public static final Set<ReferralStatus> AWAITING_ANSWER =
            EnumSet.of(ReferralStatus.REQUESTED, ReferralStatus.REVIEWED);

    public Identifier patientIdentifier() {
        return new Identifier(patientIdSystem, patientIdValue);
    }

    public Identifier sendingClinician() {
        return new Identifier(clinicianSystem, clinicianValue);
    }

    public ReferralFlags flags() {
        return new ReferralFlags(
                greenChannel,
                sameGroupEpisode,
                secondDeductibleWaived,
                properReferral,
                reimbursementUpliftPoints,
                bypassedGrassroots,
                outOfCounty,
                outOfCity,
                familyDoctorInvolved,
                elderlyCareTransfer);
    }

    public ReferralTimeline timeline() {
        return new ReferralTimeline(
                requestedAt,
                answerDueAt,
                reviewedAt,
                acceptedAt,
                rejectedAt,
                arrivedAt,
                completedAt,
                cancelledAt,
                expiredAt);
    }

    /**
     * 转诊审核 by the sender's reviewer. Before the receiver is involved it moves the referral to REVIEWED; a
     * green-channel referral went to the receiver at once (BR-R2), so its review is recorded afterwards in whatever
     * status it has reached, and the status stays.
     */
    public void review(Identifier reviewer, String note, String actor, Instant now) {
        if (reviewedAt != null) {
            throw illegal("review", "it was already reviewed at " + reviewedAt);
        }
        boolean beforeReceiver = status == ReferralStatus.REQUESTED;
        if (!beforeReceiver && (urgency != ReferralUrgency.GREEN_CHANNEL || status == ReferralStatus.EXPIRED)) {
            throw illegal("review", "only a green-channel referral is reviewed after the receiver was involved");
        }
        if (reviewer.equals(sendingClinician())) {
            throw new ApiProblem(
                    ReferralProblem.REVIEWER_IS_REQUESTER,
                    "The sending clinician cannot review their own referral; another accountable reviewer must");
        }
        if (beforeReceiver) {
            status = ReferralStatus.REVIEWED;
        }
        retrospectiveReview = !beforeReceiver;
        reviewedAt = now;
        reviewedBy = actor;
        reviewerSystem = reviewer.system();
        reviewerValue = reviewer.value();
        reviewNote = note;
    }

    public void accept(Instant appointment, String note, Instant now) {
        requireAwaitingReceiver("accept", now);
        status = ReferralStatus.ACCEPTED;
        acceptedAt = now;
        appointmentAt = appointment;
        acceptanceNote = note;
    }

    public void reject(RejectionReason reason, String note, Instant now) {
        requireAwaitingReceiver("reject", now);
        status = ReferralStatus.REJECTED;
        rejectedAt = now;
        rejectionReason = reason;
        rejectionNote = note;
    }

    public void arrive(Instant at, boolean admitted, boolean inJointWard) {
        requireStatus("record the arrival of", ReferralStatus.ACCEPTED);
        status = ReferralStatus.ARRIVED;
        arrivedAt = at;
        admittedAsInpatient = admitted;
        jointWard = inJointWard;
    }

    public void complete(ReferralOutcome result, String summary, Instant now) {
        requireStatus("complete", ReferralStatus.ARRIVED);
        status = ReferralStatus.COMPLETED;
        completedAt = now;
        outcome = result;
        completionSummary = summary;
    }

    public void cancel(CancellationReason reason, String note, Instant now) {
        requireStatus("cancel", ReferralStatus.REQUESTED, ReferralStatus.REVIEWED, ReferralStatus.ACCEPTED);
        status = ReferralStatus.CANCELLED;
        cancelledAt = now;
        cancellationReason = reason;
        cancellationNote = note;
    }

    /** The receiver did not answer in time. */
    public void expire(Instant now) {
        requireStatus("expire", ReferralStatus.REQUESTED, ReferralStatus.REVIEWED);
        if (now.isBefore(answerDueAt)) {
            throw illegal("expire", "its answer is due only at " + answerDueAt);
        }
        status = ReferralStatus.EXPIRED;
        expiredAt = now;
    }

    /**
     * The receiver answers a reviewed referral, or a green-channel one at once, and only until its answer is due: an
     * overdue referral is expired, whether or not the sweep has got to it yet.
     */
    private void requireAwaitingReceiver(String step, Instant now) {
        if (status == ReferralStatus.REVIEWED
                || status == ReferralStatus.REQUESTED && urgency == ReferralUrgency.GREEN_CHANNEL) {
            if (answerDueAt != null && !now.isBefore(answerDueAt)) {
                throw illegal(step, "its answer was due at " + answerDueAt + "; it expires, send a new referral");
            }
            return;
        }
        if (status == ReferralStatus.REQUESTED) {
            throw illegal(step, "the sender's referral reviewer has not reviewed it yet");
        }
        throw illegal(step, "the receiver answers only a reviewed (or green-channel) referral");
    }

    private void requireStatus(String step, ReferralStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw illegal(step, "that is possible only in status " + Arrays.toString(allowed));
        }
    }

    private ApiProblem illegal(String step, String why) {
        return new ApiProblem(
                ReferralProblem.ILLEGAL_TRANSITION,
                "Cannot " + step + " referral " + id + " in status " + status + ": " + why);
    }
}
