package org.sanyi.referral.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.sanyi.referral.config.ReferralConfig;

/**
 * Aggregates over the service's own referral table for regulators (REF-04, REF-18, MON-04). Only counts, rates and
 * codes leave: no referral id, no patient. A referral counts in the period in which it was requested.
 */
@ApplicationScoped
public class ReferralStatisticsQuery {

    @Inject
    EntityManager entityManager;

    @Inject
    ReferralConfig config;

    /** Totals of the period; rates are null when their denominator is zero. */
    public record Totals(
            long requested,
            long upward,
            long downward,
            long lateral,
            long reviewed,
            long accepted,
            long rejected,
            long arrived,
            long completed,
            long cancelled,
            long expired,
            long awaitingAnswer,
            long properReferral,
            long sameGroupEpisode,
            long bypassedGrassroots,
            long outOfCounty,
            long outOfCity,
            long greenChannel,
            long familyDoctorInvolved,
            Double medianSecondsToAcceptance) {}

    public record PairCount(
            String senderInstitution,
            String receiverInstitution,
            String direction,
            long total,
            long accepted,
            long completed) {}

    public record MonthCount(String month, long total, long upward, long downward, long lateral) {}

    public record DiagnosisCount(String diagnosisCategory, long total) {}

    public record Result(
            ZoneId zone,
            Totals totals,
            List<PairCount> byPair,
            List<MonthCount> byMonth,
            List<DiagnosisCount> outOfCountyByDiagnosis) {}

    /** Referrals requested from {@code from} to {@code to}, both days included, optionally of one institution. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Result compute(LocalDate from, LocalDate to, String institution) {
        ZoneId zone = config.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        String where = " from referral where requested_at >= :start and requested_at < :end"
                + (institution == null ? "" : " and (sender_code = :institution or receiver_code = :institution)");

        Object[] row = (Object[]) bind(
                        entityManager.createNativeQuery("select count(*),"
                                + " count(*) filter (where direction = 'UPWARD'),"
                                + " count(*) filter (where direction = 'DOWNWARD'),"
                                + " count(*) filter (where direction = 'LATERAL'),"
                                + " count(reviewed_at), count(accepted_at), count(rejected_at), count(arrived_at),"
                                + " count(completed_at), count(cancelled_at), count(expired_at),"
                                + " count(*) filter (where status in ('REQUESTED', 'REVIEWED')),"
                                + " count(*) filter (where proper_referral),"
                                + " count(*) filter (where same_group_episode),"
                                + " count(*) filter (where bypassed_grassroots),"
                                + " count(*) filter (where out_of_county),"
                                + " count(*) filter (where out_of_city),"
                                + " count(*) filter (where green_channel),"
                                + " count(*) filter (where family_doctor_involved),"
                                + " percentile_cont(0.5) within group"
                                + " (order by extract(epoch from accepted_at - requested_at))"
                                + where),
                        start,
                        end,
                        institution)
                .getSingleResult();
        Totals totals = new Totals(
                count(row[0]),
                count(row[1]),
                count(row[2]),
                count(row[3]),
                count(row[4]),
                count(row[5]),
                count(row[6]),
                count(row[7]),
                count(row[8]),
                count(row[9]),
                count(row[10]),
                count(row[11]),
                count(row[12]),
                count(row[13]),
                count(row[14]),
                count(row[15]),
                count(row[16]),
                count(row[17]),
                count(row[18]),
                row[19] == null ? null : ((Number) row[19]).doubleValue());

        List<PairCount> pairs = new ArrayList<>();
        for (Object result : bind(
                        entityManager.createNativeQuery("select sender_code, receiver_code, direction, count(*),"
                                + " count(accepted_at), count(completed_at)"
                                + where
                                + " group by sender_code, receiver_code, direction"
                                + " order by count(*) desc, sender_code, receiver_code"),
                        start,
                        end,
                        institution)
                .getResultList()) {
            Object[] pair = (Object[]) result;
            pairs.add(new PairCount(
                    (String) pair[0],
                    (String) pair[1],
                    (String) pair[2],
                    count(pair[3]),
                    count(pair[4]),
                    count(pair[5])));
        }

        List<MonthCount> months = new ArrayList<>();
        for (Object result : bind(
                        entityManager.createNativeQuery(
                                "select to_char(requested_at at time zone :zone, 'YYYY-MM') as month, count(*),"
                                        + " count(*) filter (where direction = 'UPWARD'),"
                                        + " count(*) filter (where direction = 'DOWNWARD'),"
                                        + " count(*) filter (where direction = 'LATERAL')"
                                        + where
                                        + " group by month order by month"),
                        start,
                        end,
                        institution)
                .setParameter("zone", zone.getId())
                .getResultList()) {
            Object[] month = (Object[]) result;
            months.add(new MonthCount(
                    (String) month[0], count(month[1]), count(month[2]), count(month[3]), count(month[4])));
        }

        List<DiagnosisCount> outOfCounty = new ArrayList<>();
        for (Object result : bind(
                        entityManager.createNativeQuery("select diagnosis_category, count(*)"
                                + where
                                + " and out_of_county group by diagnosis_category"
                                + " order by count(*) desc, diagnosis_category"),
                        start,
                        end,
                        institution)
                .getResultList()) {
            Object[] diagnosis = (Object[]) result;
            outOfCounty.add(new DiagnosisCount((String) diagnosis[0], count(diagnosis[1])));
        }
        return new Result(zone, totals, pairs, months, outOfCounty);
    }

    private static Query bind(Query query, Instant start, Instant end, String institution) {
        query.setParameter("start", start).setParameter("end", end);
        if (institution != null) {
            query.setParameter("institution", institution);
        }
        return query;
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
