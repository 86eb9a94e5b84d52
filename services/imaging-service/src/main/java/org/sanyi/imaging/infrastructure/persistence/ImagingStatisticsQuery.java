package org.sanyi.imaging.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Counts for regulators (IMG-01, IMG-02, IMG-05, X-10): never a patient, never a study. */
@ApplicationScoped
public class ImagingStatisticsQuery {

    @Inject
    StudyRepository repository;

    /** Looks by an institution at studies of another source, per month (in {@code zone}). */
    public record PairMonth(String month, String accessor, String source, long looks, long studies) {}

    public record ReviewCount(String reviewStatus, long looks) {}

    /** Hours from acquisition to report at a reading centre: median and 90th percentile. */
    public record ReadingTime(String readingCentre, long reports, double medianHours, double p90Hours) {}

    public List<PairMonth> crossInstitutionLooks(Instant from, Instant to, ZoneId zone) {
        return repository.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select to_char(a.accessed_at at time zone"
                    + " ?, 'YYYY-MM'), a.institution_code, s.source, count(distinct a.id), count(*)"
                    + " from study_access a cross join lateral unnest(a.source_codes) s(source)"
                    + " where a.accessed_at >= ? and a.accessed_at < ? and s.source <> a.institution_code"
                    + " and a.role = 'hospital' group by 1, 2, 3 order by 1, 2, 3")) {
                statement.setString(1, zone.getId());
                statement.setTimestamp(2, Timestamp.from(from));
                statement.setTimestamp(3, Timestamp.from(to));
                List<PairMonth> rows = new ArrayList<>();
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        rows.add(new PairMonth(
                                r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5)));
                    }
                }
                return rows;
            }
        });
    }

    /** Institutions that registered at least one study in the period. */
    public Set<String> registeringSources(Instant from, Instant to) {
        return repository.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select distinct source_code from study where registered_at >= ? and registered_at < ?")) {
                statement.setTimestamp(1, Timestamp.from(from));
                statement.setTimestamp(2, Timestamp.from(to));
                Set<String> sources = new TreeSet<>();
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        sources.add(r.getString(1));
                    }
                }
                return sources;
            }
        });
    }

    public List<ReviewCount> breakGlass(Instant from, Instant to) {
        return repository.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select review_status, count(*) from"
                    + " study_access where review_status is not null and accessed_at >= ? and accessed_at < ?"
                    + " group by 1 order by 1")) {
                statement.setTimestamp(1, Timestamp.from(from));
                statement.setTimestamp(2, Timestamp.from(to));
                List<ReviewCount> rows = new ArrayList<>();
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        rows.add(new ReviewCount(r.getString(1), r.getLong(2)));
                    }
                }
                return rows;
            }
        });
    }

    public List<ReadingTime> readingTimes(Instant from, Instant to) {
        return repository.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select reading_centre_code, count(*),"
                    + " percentile_cont(0.5) within group (order by extract(epoch from reported_at - started_at)),"
                    + " percentile_cont(0.9) within group (order by extract(epoch from reported_at - started_at))"
                    + " from study where reading_centre_code is not null and reported_by = reading_centre_code"
                    + " and reported_at >= ? and reported_at < ? group by 1 order by 1")) {
                statement.setTimestamp(1, Timestamp.from(from));
                statement.setTimestamp(2, Timestamp.from(to));
                List<ReadingTime> rows = new ArrayList<>();
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        rows.add(new ReadingTime(
                                r.getString(1), r.getLong(2), hours(r.getDouble(3)), hours(r.getDouble(4))));
                    }
                }
                return rows;
            }
        });
    }

    private static double hours(double seconds) {
        return Math.round(seconds / 36.0) / 100.0;
    }
}
