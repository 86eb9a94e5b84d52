package org.sanyi.referral.infrastructure.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanyi.events.referral.ReferralStatus;
import org.sanyi.platform.groupcommit.WriteSet;
import org.sanyi.referral.domain.Referral;
import org.sanyi.referral.domain.ReferralSide;

/** Where referrals are stored: every query of the referral table, so the use cases read as business steps. */
@ApplicationScoped
public class ReferralRepository {

    private static final String INSERT = "insert into referral ("
            + "id, version, status, direction, urgency, sender_code, sender_level, sender_county, "
            + "receiver_code, receiver_level, receiver_county, patient_id_system, patient_id_value, "
            + "patient_pseudonym, patient_name, patient_contact, diagnosis_code, diagnosis_category, "
            + "diagnosis_display, reason, requested_department, attachments, clinician_system, clinician_value, "
            + "family_doctor_involvement, family_doctor_system, family_doctor_value, down_referral_indication, "
            + "down_referral_note, discharge_medications, green_channel, same_group_episode, "
            + "second_deductible_waived, proper_referral, reimbursement_uplift_points, bypassed_grassroots, "
            + "out_of_county, out_of_city, family_doctor_involved, elderly_care_transfer, common_group_ids, "
            + "policy_region, policy_version, requested_at, requested_by, answer_due_at"
            + ") values ("
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, "
            + "?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?"
            + ")";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /**
     * Adds a new referral to {@code writes}: the columns a referral has when it is requested (the later steps' columns
     * stay null). Plain SQL, so concurrent creates go out as one multi-row insert; Hibernate reads the row as usual.
     */
    public void insert(WriteSet writes, Referral referral) {
        writes.insertRow(
                INSERT,
                referral.id,
                referral.version,
                referral.status.name(),
                referral.direction.name(),
                referral.urgency.name(),
                referral.senderCode,
                referral.senderLevel.name(),
                referral.senderCounty,
                referral.receiverCode,
                referral.receiverLevel.name(),
                referral.receiverCounty,
                referral.patientIdSystem,
                referral.patientIdValue,
                referral.patientPseudonym,
                referral.patientName,
                referral.patientContact,
                referral.diagnosisCode,
                referral.diagnosisCategory,
                referral.diagnosisDisplay,
                referral.reason,
                referral.requestedDepartment,
                WriteSet.json(mapper, referral.attachments),
                referral.clinicianSystem,
                referral.clinicianValue,
                nameOf(referral.familyDoctorInvolvement),
                referral.familyDoctorSystem,
                referral.familyDoctorValue,
                nameOf(referral.downReferralIndication),
                referral.downReferralNote,
                WriteSet.json(mapper, referral.dischargeMedications),
                referral.greenChannel,
                referral.sameGroupEpisode,
                referral.secondDeductibleWaived,
                referral.properReferral,
                referral.reimbursementUpliftPoints,
                referral.bypassedGrassroots,
                referral.outOfCounty,
                referral.outOfCity,
                referral.familyDoctorInvolved,
                referral.elderlyCareTransfer,
                WriteSet.json(mapper, referral.commonGroupIds),
                referral.policyRegion,
                referral.policyVersion,
                Timestamp.from(referral.requestedAt),
                referral.requestedBy,
                Timestamp.from(referral.answerDueAt));
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public Optional<Referral> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Referral.class, id));
    }

    /** Writes pending changes now, so a concurrent change surfaces here (409) and events carry the new version. */
    public void flush() {
        entityManager.flush();
    }

    /**
     * The institution's referrals on {@code side}, newest first, after the position {@code (before, beforeId)} when
     * given, at most {@code limit}.
     */
    public List<Referral> ofInstitution(
            String institution, ReferralSide side, ReferralStatus status, int limit, Instant before, UUID beforeId) {
        StringBuilder query = new StringBuilder(
                switch (side) {
                    case SENT -> "senderCode = :institution";
                    case RECEIVED -> "receiverCode = :institution";
                    case BOTH -> "(senderCode = :institution or receiverCode = :institution)";
                });
        if (status != null) {
            query.append(" and status = :status");
        }
        if (before != null) {
            query.append(" and (requestedAt < :before or (requestedAt = :before and id < :beforeId))");
        }
        var select = entityManager
                .createQuery("from Referral where " + query + " order by requestedAt desc, id desc", Referral.class)
                .setParameter("institution", institution)
                .setMaxResults(limit);
        if (status != null) {
            select.setParameter("status", status);
        }
        if (before != null) {
            select.setParameter("before", before).setParameter("beforeId", beforeId);
        }
        return select.getResultList();
    }

    /**
     * Up to {@code limit} unanswered referrals whose answer was due by {@code now}, locked for this transaction;
     * rows another transaction holds (an answer in flight) are skipped, so several instances share the work, and so
     * are the {@code excluded} ones (those whose expiry failed in this sweep).
     */
    public List<Referral> dueForExpiry(Instant now, int limit, Set<UUID> excluded) {
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager
                .createNativeQuery("select id from referral where status in ('REQUESTED', 'REVIEWED')"
                        + " and answer_due_at <= :now and id not in (:excluded)"
                        + " order by answer_due_at limit :limit for update skip locked")
                .setParameter("now", now)
                // "not in ()" is not SQL: an id no referral has stands for "none excluded".
                .setParameter("excluded", excluded.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(excluded))
                .setParameter("limit", limit)
                .getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        return entityManager
                .createQuery("from Referral where id in :ids", Referral.class)
                .setParameter("ids", due)
                .getResultList();
    }
}
