package org.sanyi.imaging.infrastructure.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.sanyi.events.imaging.ReportStatus;
import org.sanyi.events.imaging.StudyStatus;
import org.sanyi.imaging.application.StudyFilter;
import org.sanyi.imaging.domain.PersonName;
import org.sanyi.imaging.domain.Relationships.ConsentGrant;
import org.sanyi.imaging.domain.Relationships.ReferralLink;
import org.sanyi.imaging.domain.Series;
import org.sanyi.imaging.domain.Study;
import org.sanyi.imaging.domain.StudyReport;
import org.sanyi.platform.groupcommit.WriteSet;

/**
 * The study index in SQL: one row per study with its series as jsonb. Plain JDBC on the transaction's connection,
 * because every query here is a search with optional conditions and new studies go in as multi-row inserts.
 */
@ApplicationScoped
public class StudyRepository {

    private static final String COLUMNS = "id, study_uid, version, status, source_code, accession_number, person_id,"
            + " patient_pseudonym, patient_id_system, patient_id_value, patient_name, patient_birth_date, patient_sex,"
            + " study_date, study_time, started_at, dicom_study_id, description, referring_physician, modalities,"
            + " body_part, series, series_count, instance_count, referring_code, retrieve_base, claim_refs,"
            + " storage_credit_code, nhsa_index_id, reading_centre_code, routed_at, report_status, report_findings,"
            + " report_impression, reported_at, reported_by, content_hash, registered_at, updated_at, retracted_at,"
            + " retraction_reason";

    private static final String INSERT = "insert into study (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?)";

    private static final String UPDATE = "update study set version = ?, status = ?, accession_number = ?,"
            + " person_id = ?, patient_pseudonym = ?, patient_id_system = ?, patient_id_value = ?,"
            + " patient_name = ?::jsonb, patient_birth_date = ?, patient_sex = ?, study_date = ?, study_time = ?,"
            + " started_at = ?, dicom_study_id = ?, description = ?, referring_physician = ?, modalities = ?,"
            + " body_part = ?, series = ?::jsonb, series_count = ?, instance_count = ?, referring_code = ?,"
            + " retrieve_base = ?, claim_refs = ?, storage_credit_code = ?, nhsa_index_id = ?,"
            + " reading_centre_code = ?, routed_at = ?, report_status = ?, report_findings = ?,"
            + " report_impression = ?, reported_at = ?, reported_by = ?, content_hash = ?, updated_at = ?,"
            + " retracted_at = ?, retraction_reason = ? where id = ? and version = ?";

    private static final TypeReference<List<Series>> SERIES = new TypeReference<>() {};

    /**
     * Reads the jsonb this repository wrote: a plain mapper, without the platform's checks of request bodies (which
     * scan every string for control characters), since nothing else writes these columns.
     */
    private static final ObjectMapper STORED_JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /** Adds the new study to {@code writes}: inserted with the other rows of its batch. */
    public void insert(WriteSet writes, Study study) {
        Object[] values = values(study);
        writes.insertRow(INSERT, values);
    }

    /** Writes the changed study; it was read at {@code version - 1}, else someone changed it meanwhile. */
    public boolean update(Study study) {
        Object[] values = values(study);
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
                int i = 1;
                statement.setObject(i++, study.version);
                // Every column of values() but id, study_uid, source_code and registered_at, in UPDATE's order.
                for (int column : UPDATED_COLUMNS) {
                    bind(connection, statement, i++, values[column]);
                }
                statement.setObject(i++, study.id);
                statement.setObject(i, study.version - 1);
                return statement.executeUpdate() == 1;
            }
        });
    }

    private static final int[] UPDATED_COLUMNS = {
        3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
        33, 34, 35, 36, 38, 39, 40
    };

    private Object[] values(Study s) {
        StudyReport report = s.report;
        return new Object[] {
            s.id,
            s.studyUid,
            s.version,
            s.status.name(),
            s.sourceCode,
            s.accessionNumber,
            s.personId,
            s.patientPseudonym,
            s.patientIdSystem,
            s.patientIdValue,
            s.patientName == null ? null : WriteSet.json(mapper, s.patientName),
            s.patientBirthDate == null ? null : Date.valueOf(s.patientBirthDate),
            s.patientSex,
            Date.valueOf(s.studyDate),
            s.studyTime,
            Timestamp.from(s.startedAt),
            s.dicomStudyId,
            s.description,
            s.referringPhysician,
            s.modalities.toArray(String[]::new),
            s.bodyPart,
            WriteSet.json(mapper, s.series),
            s.seriesCount,
            s.instanceCount,
            s.referringCode,
            s.retrieveBase,
            s.claimRefs.toArray(String[]::new),
            s.storageCreditCode,
            s.nhsaIndexId,
            s.readingCentreCode,
            timestamp(s.routedAt),
            report == null ? null : report.status().name(),
            report == null ? null : report.findings(),
            report == null ? null : report.impression(),
            report == null ? null : timestamp(report.reportedAt()),
            report == null ? null : report.reportedBy(),
            s.contentHash,
            Timestamp.from(s.registeredAt),
            Timestamp.from(s.updatedAt),
            timestamp(s.retractedAt),
            s.retractionReason
        };
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value instanceof String[] texts) {
            statement.setArray(index, connection.createArrayOf("text", texts));
        } else {
            statement.setObject(index, value);
        }
    }

    public Optional<Study> byUid(String studyUid) {
        return Optional.ofNullable(byUids(List.of(studyUid)).get(studyUid));
    }

    /** The studies registered under any of {@code studyUids}, retracted ones too, by UID: one query for a batch. */
    public Map<String, Study> byUids(Collection<String> studyUids) {
        List<Study> studies =
                query("select " + COLUMNS + " from study where study_uid = any(?)", List.<Object>of((Object)
                        studyUids.toArray(String[]::new)));
        Map<String, Study> byUid = new HashMap<>();
        studies.forEach(study -> byUid.put(study.studyUid, study));
        return byUid;
    }

    /** A patient's studies in force that match {@code filter}, newest first. */
    public List<Study> forPerson(UUID personId, StudyFilter filter) {
        List<Object> parameters = new ArrayList<>(List.of(personId));
        String sql = "select " + COLUMNS + " from study where person_id = ? and status = 'REGISTERED'"
                + conditions(filter, parameters) + " order by started_at desc, id";
        return query(sql, parameters);
    }

    /** Studies in force matching {@code filter}, which names their UIDs (at most a page of them). */
    public List<Study> matching(StudyFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select " + COLUMNS + " from study where status = 'REGISTERED'" + conditions(filter, parameters)
                + " order by started_at desc, id limit 1000";
        return query(sql, parameters);
    }

    /** Studies in force that {@code institution} registered or was sent to read, matching {@code filter}. */
    public List<Study> ofInstitution(String institution, StudyFilter filter, int limit, int offset) {
        List<Object> parameters = new ArrayList<>(List.of(institution, institution));
        String sql = "select " + COLUMNS + " from study where (source_code = ? or reading_centre_code = ?)"
                + " and status = 'REGISTERED'" + conditions(filter, parameters)
                + " order by started_at desc, id limit ? offset ?";
        parameters.add(limit);
        parameters.add(offset);
        return query(sql, parameters);
    }

    /** Studies in force linked to a 医保 claim (settlement or visit id) by their source. */
    public List<Study> forClaim(String claimRef) {
        return query(
                "select " + COLUMNS + " from study where cardinality(claim_refs) > 0 and claim_refs @> ?"
                        + " and status = 'REGISTERED'"
                        + " order by started_at desc, id",
                List.of((Object) new String[] {claimRef}));
    }

    private static String conditions(StudyFilter filter, List<Object> parameters) {
        StringBuilder sql = new StringBuilder();
        if (!filter.studyUids().isEmpty()) {
            sql.append(" and study_uid = any(?)");
            parameters.add(filter.studyUids().toArray(String[]::new));
        }
        if (filter.dateFrom() != null) {
            sql.append(" and study_date >= ?");
            parameters.add(Date.valueOf(filter.dateFrom()));
        }
        if (filter.dateTo() != null) {
            sql.append(" and study_date <= ?");
            parameters.add(Date.valueOf(filter.dateTo()));
        }
        if (!filter.modalities().isEmpty()) {
            sql.append(" and modalities && ?");
            parameters.add(filter.modalities().toArray(String[]::new));
        }
        if (filter.accessionNumber() != null) {
            sql.append(" and accession_number = ?");
            parameters.add(filter.accessionNumber());
        }
        if (filter.descriptionPattern() != null) {
            sql.append(" and description ilike ?");
            parameters.add(filter.descriptionPattern());
        }
        if (filter.seriesUid() != null) {
            sql.append(" and series @> jsonb_build_array(jsonb_build_object('seriesInstanceUid', ?::text))");
            parameters.add(filter.seriesUid());
        }
        if (filter.seriesModality() != null) {
            sql.append(" and series @> jsonb_build_array(jsonb_build_object('modality', ?::text))");
            parameters.add(filter.seriesModality());
        }
        return sql.toString();
    }

    /** Accepted referrals of the person (under any identifier linked to it) since {@code since}, not ended. */
    public List<ReferralLink> referrals(UUID personId, Instant since) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select r.referral_id, r.sender_code, r.receiver_code, r.accepted_at from referral_relation r"
                            + " join person_identifier i on i.identifier_key = r.patient_key"
                            + " where i.person_id = ? and r.accepted_at >= ? and r.ended_at is null"
                            + " order by r.accepted_at desc")) {
                statement.setObject(1, personId);
                statement.setTimestamp(2, Timestamp.from(since));
                List<ReferralLink> links = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        links.add(new ReferralLink(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getTimestamp(4).toInstant()));
                    }
                }
                return links;
            }
        });
    }

    /** Consents of the person in force at {@code at}. */
    public List<ConsentGrant> consents(UUID personId, Instant at) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select id, grantee_code, study_uids from consent where person_id = ? and revoked_at is null"
                            + " and granted_at <= ? and expires_at > ?")) {
                statement.setObject(1, personId);
                statement.setTimestamp(2, Timestamp.from(at));
                statement.setTimestamp(3, Timestamp.from(at));
                List<ConsentGrant> grants = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Array uids = rows.getArray(3);
                        grants.add(new ConsentGrant(
                                rows.getString(1),
                                rows.getString(2),
                                uids == null ? null : List.of((String[]) uids.getArray())));
                    }
                }
                return grants;
            }
        });
    }

    /** Whether {@code institution} registered a study of the person or was sent one to read. */
    public boolean holdsStudyOf(String institution, UUID personId) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select exists (select 1 from study where person_id = ? and (source_code = ?"
                            + " or reading_centre_code = ?))")) {
                statement.setObject(1, personId);
                statement.setString(2, institution);
                statement.setString(3, institution);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getBoolean(1);
                }
            }
        });
    }

    private List<Study> query(String sql, List<Object> parameters) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    bind(connection, statement, i + 1, parameters.get(i));
                }
                List<Study> studies = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        studies.add(study(rows));
                    }
                }
                return studies;
            }
        });
    }

    private Study study(ResultSet rows) throws SQLException {
        Study s = new Study();
        s.id = rows.getObject("id", UUID.class);
        s.studyUid = rows.getString("study_uid");
        s.version = rows.getLong("version");
        s.status = StudyStatus.valueOf(rows.getString("status"));
        s.sourceCode = rows.getString("source_code");
        s.accessionNumber = rows.getString("accession_number");
        s.personId = rows.getObject("person_id", UUID.class);
        s.patientPseudonym = rows.getString("patient_pseudonym");
        s.patientIdSystem = rows.getString("patient_id_system");
        s.patientIdValue = rows.getString("patient_id_value");
        s.patientName = json(rows.getString("patient_name"), PersonName.class);
        Date birthDate = rows.getDate("patient_birth_date");
        s.patientBirthDate = birthDate == null ? null : birthDate.toLocalDate();
        s.patientSex = rows.getString("patient_sex");
        s.studyDate = rows.getDate("study_date").toLocalDate();
        s.studyTime = rows.getString("study_time");
        s.startedAt = rows.getTimestamp("started_at").toInstant();
        s.dicomStudyId = rows.getString("dicom_study_id");
        s.description = rows.getString("description");
        s.referringPhysician = rows.getString("referring_physician");
        s.modalities = List.of((String[]) rows.getArray("modalities").getArray());
        s.bodyPart = rows.getString("body_part");
        s.series = seriesOf(rows.getString("series"));
        s.seriesCount = rows.getInt("series_count");
        s.instanceCount = rows.getInt("instance_count");
        s.referringCode = rows.getString("referring_code");
        s.retrieveBase = rows.getString("retrieve_base");
        s.claimRefs = List.of((String[]) rows.getArray("claim_refs").getArray());
        s.storageCreditCode = rows.getString("storage_credit_code");
        s.nhsaIndexId = rows.getString("nhsa_index_id");
        s.readingCentreCode = rows.getString("reading_centre_code");
        s.routedAt = instant(rows.getTimestamp("routed_at"));
        String reportStatus = rows.getString("report_status");
        s.report = reportStatus == null
                ? null
                : new StudyReport(
                        ReportStatus.valueOf(reportStatus),
                        rows.getString("report_findings"),
                        rows.getString("report_impression"),
                        instant(rows.getTimestamp("reported_at")),
                        rows.getString("reported_by"));
        s.contentHash = rows.getString("content_hash");
        s.registeredAt = rows.getTimestamp("registered_at").toInstant();
        s.updatedAt = rows.getTimestamp("updated_at").toInstant();
        s.retractedAt = instant(rows.getTimestamp("retracted_at"));
        s.retractionReason = rows.getString("retraction_reason");
        return s;
    }

    private List<Series> seriesOf(String json) {
        try {
            return STORED_JSON.readValue(json, SERIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("study.series is not a series list", e);
        }
    }

    private <T> T json(String json, Class<T> type) {
        try {
            return json == null ? null : STORED_JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored jsonb is not a " + type.getSimpleName(), e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Work on the transaction's connection. */
    public <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
