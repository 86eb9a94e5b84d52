package org.sanyi.result.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Aggregates over decisions and results for regulators and insurers: counts and sums, never values. */
@ApplicationScoped
public class RecognitionStatisticsQuery {

    @Inject
    EntityManager entityManager;

    /** Decisions of one month, item and ordering institution. Void recognitions (withdrawn results) are not counted. */
    public record DecisionRow(
            String month,
            String itemCode,
            String ordererCode,
            long recognised,
            long declined,
            BigDecimal avoidedFees) {}

    public record ReasonRow(String reason, long declines) {}

    public record RepeatRow(String month, String itemCode, String issuerCode, boolean largeEquipment, long repeats) {}

    /** A repeat ordered without a recognised reason, as an insurer may query a duplicate-exam claim. */
    public record RepeatExam(
            UUID resultId,
            String issuerCode,
            String itemCode,
            boolean largeEquipment,
            Instant specimenAt,
            String patientPseudonym,
            UUID repeatOf,
            String repeatOfIssuerCode,
            BigDecimal referencePrice) {}

    @SuppressWarnings("unchecked")
    public List<DecisionRow> decisions(Instant from, Instant to, String zone) {
        List<Object[]> rows = entityManager
                .createNativeQuery("select to_char(decided_at at time zone ?3, 'YYYY-MM'), item_code, orderer_code,"
                        + " count(*) filter (where outcome = 'RECOGNISED' and voided_at is null),"
                        + " count(*) filter (where outcome = 'DECLINED'),"
                        + " coalesce(sum(avoided_fee) filter (where outcome = 'RECOGNISED' and voided_at is null), 0)"
                        + " from recognition_decision where decided_at >= ?1 and decided_at < ?2"
                        + " group by 1, 2, 3 order by 1, 2, 3")
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(to))
                .setParameter(3, zone)
                .getResultList();
        return rows.stream()
                .map(r -> new DecisionRow(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(),
                        (BigDecimal) r[5]))
                .toList();
    }

    @SuppressWarnings("unchecked")
    public List<ReasonRow> declineReasons(Instant from, Instant to) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select decline_reason, count(*) from recognition_decision where outcome = 'DECLINED'"
                                + " and decided_at >= ?1 and decided_at < ?2 group by 1 order by 2 desc, 1")
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(to))
                .getResultList();
        return rows.stream()
                .map(r -> new ReasonRow((String) r[0], ((Number) r[1]).longValue()))
                .toList();
    }

    public long checks(Instant from, Instant to) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from recognition_check where checked_at >= ?1 and checked_at < ?2")
                        .setParameter(1, Timestamp.from(from))
                        .setParameter(2, Timestamp.from(to))
                        .getSingleResult())
                .longValue();
    }

    /** Repeats within the validity window of a recognisable result, without a decline reason (EXR-07 for CT/MRI). */
    @SuppressWarnings("unchecked")
    public List<RepeatRow> repeatsWithoutReason(Instant from, Instant to, String zone) {
        List<Object[]> rows = entityManager
                .createNativeQuery("select to_char(r.published_at at time zone ?3, 'YYYY-MM'), r.item_code,"
                        + " r.issuer_code, i.large_equipment, count(*) from result r"
                        + " join recognition_item i on i.code = r.item_code"
                        + " where r.repeat_without_reason and r.status <> 'WITHDRAWN'"
                        + " and r.published_at >= ?1 and r.published_at < ?2 group by 1, 2, 3, 4 order by 1, 2, 3")
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(to))
                .setParameter(3, zone)
                .getResultList();
        return rows.stream()
                .map(r -> new RepeatRow(
                        (String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], ((Number) r[4]).longValue()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    public List<RepeatExam> repeatExams(Instant from, Instant to, int limit) {
        List<Object[]> rows = entityManager
                .createNativeQuery("select r.id, r.issuer_code, r.item_code, i.large_equipment, r.specimen_at,"
                        + " r.patient_pseudonym, r.repeat_of, e.issuer_code, i.reference_price from result r"
                        + " join recognition_item i on i.code = r.item_code join result e on e.id = r.repeat_of"
                        + " where r.repeat_without_reason and r.status <> 'WITHDRAWN'"
                        + " and r.published_at >= ?1 and r.published_at < ?2 order by r.published_at, r.id limit ?3")
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(to))
                .setParameter(3, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new RepeatExam(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (Boolean) r[3],
                        toInstant(r[4]),
                        (String) r[5],
                        (UUID) r[6],
                        (String) r[7],
                        (BigDecimal) r[8]))
                .toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
