package org.sanyi.result.infrastructure.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.sanyi.events.result.ResultStatus;
import org.sanyi.platform.groupcommit.WriteSet;
import org.sanyi.result.domain.RecognitionCheck;
import org.sanyi.result.domain.RecognitionDecision;
import org.sanyi.result.domain.Result;
import org.sanyi.result.domain.ResultSummary;

/** Every query of results, checks and decisions, so the use cases read as business steps. */
@ApplicationScoped
public class ResultRepository {

    private static final String INSERT_CHECK = "insert into recognition_check (id, orderer_code, person_id,"
            + " patient_pseudonym, clinical_context, item_codes, candidates, checked_at, checked_by, open_until)"
            + " values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)";

    private static final String SUMMARIES = "select id, issuer_code, performer_code, item_code, status, specimen_at,"
            + " reported_at from (select id, issuer_code, performer_code, item_code, status, specimen_at, reported_at,"
            + " row_number() over (partition by item_code order by specimen_at desc) as position"
            + " from result where person_id = ? and item_code = any(?)) newest"
            + " where position <= ? order by item_code, specimen_at desc";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /** Adds a new check to {@code writes} (GroupCommit); Hibernate reads it back as the entity. */
    public void insert(WriteSet writes, RecognitionCheck check) {
        writes.insertRow(
                INSERT_CHECK,
                check.id,
                check.ordererCode,
                check.personId,
                check.patientPseudonym,
                check.clinicalContext.name(),
                WriteSet.json(mapper, check.itemCodes),
                WriteSet.json(mapper, check.candidates),
                Timestamp.from(check.checkedAt),
                check.checkedBy,
                Timestamp.from(check.openUntil));
    }

    public Optional<Result> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Result.class, id));
    }

    /** The issuer's results published under any of {@code reportIds}, by report id: one query for a batch. */
    public Map<String, Result> byReports(String issuerCode, Collection<String> reportIds) {
        return entityManager
                .createQuery("from Result where issuerCode = :issuer and reportId in :reports", Result.class)
                .setParameter("issuer", issuerCode)
                .setParameter("reports", reportIds)
                .getResultStream()
                .collect(Collectors.toMap(result -> result.reportId, result -> result));
    }

    public void insert(Object entity) {
        entityManager.persist(entity);
    }

    /** Writes pending changes now, so a concurrent change surfaces here (409) and events carry the new version. */
    public void flush() {
        entityManager.flush();
    }

    /**
     * For the rest of the transaction, queries do not flush pending changes first: a batch's new results are inserted
     * at commit in JDBC batches, and a query of the batch never dirty-checks the results stored before it. Only for a
     * use case whose queries need not see its own unflushed inserts.
     */
    public void flushAtCommit() {
        entityManager.setFlushMode(FlushModeType.COMMIT);
    }

    /**
     * A person's results of {@code itemCodes}, newest specimen first, at most {@code limit} per item, by item: one query
     * on the index result_person_item, and only the columns an assessment reads (no entity is loaded).
     */
    public Map<String, List<ResultSummary>> summaries(UUID personId, Collection<String> itemCodes, int limit) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, List<ResultSummary>> byItem = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(SUMMARIES)) {
                select.setObject(1, personId);
                select.setArray(2, connection.createArrayOf("text", itemCodes.toArray()));
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ResultSummary summary = new ResultSummary(
                                rows.getObject(1, UUID.class),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                ResultStatus.valueOf(rows.getString(5)),
                                rows.getObject(6, OffsetDateTime.class).toInstant(),
                                rows.getObject(7, OffsetDateTime.class).toInstant());
                        byItem.computeIfAbsent(summary.itemCode(), item -> new ArrayList<>())
                                .add(summary);
                    }
                }
            }
            return byItem;
        });
    }

    public Optional<RecognitionCheck> check(UUID id) {
        return Optional.ofNullable(entityManager.find(RecognitionCheck.class, id));
    }

    public List<RecognitionDecision> decisionsOf(UUID checkId) {
        return entityManager
                .createQuery(
                        "from RecognitionDecision where checkId = :check order by decidedAt", RecognitionDecision.class)
                .setParameter("check", checkId)
                .getResultList();
    }

    /** Recognitions citing the result that are not void yet. */
    public List<RecognitionDecision> recognitionsCiting(UUID resultId) {
        return entityManager
                .createQuery(
                        "from RecognitionDecision where resultId = :result and outcome = :outcome and voidedAt is null",
                        RecognitionDecision.class)
                .setParameter("result", resultId)
                .setParameter("outcome", RecognitionDecision.Outcome.RECOGNISED)
                .getResultList();
    }

    /** Whether the orderer declined, with a reason, to recognise a result of the item for the person since then. */
    public boolean declinedSince(String ordererCode, UUID personId, String itemCode, Instant since) {
        return !entityManager
                .createQuery(
                        "select d.id from RecognitionDecision d where d.ordererCode = :orderer and d.personId = :person"
                                + " and d.itemCode = :item and d.outcome = :outcome and d.decidedAt >= :since",
                        UUID.class)
                .setParameter("orderer", ordererCode)
                .setParameter("person", personId)
                .setParameter("item", itemCode)
                .setParameter("outcome", RecognitionDecision.Outcome.DECLINED)
                .setParameter("since", since)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Whether an open check of the institution for the person offered the result as recognisable. */
    public boolean openCheckOffers(String institutionCode, UUID personId, UUID resultId, Instant now) {
        List<?> found = entityManager
                .createNativeQuery("select 1 from recognition_check where orderer_code = ?1 and person_id = ?2"
                        + " and open_until > ?3 and candidates @> cast(?4 as jsonb) limit 1")
                .setParameter(1, institutionCode)
                .setParameter(2, personId)
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, "[{\"resultId\": \"" + resultId + "\", \"recognisable\": true}]")
                .getResultList();
        return !found.isEmpty();
    }

    /** Whether an accepted referral to the institution attached the result. */
    public boolean granted(String institutionCode, UUID resultId) {
        return !entityManager
                .createNativeQuery("select 1 from result_grant where result_id = ?1 and institution_code = ?2 limit 1")
                .setParameter(1, resultId)
                .setParameter(2, institutionCode)
                .getResultList()
                .isEmpty();
    }

    /** Whether the institution issued or performed a result for the person, or checked the person. */
    public boolean treats(String institutionCode, UUID personId) {
        return !entityManager
                .createNativeQuery("select 1 from result where person_id = ?1 and (issuer_code = ?2 or performer_code"
                        + " = ?2) union all select 1 from recognition_check where person_id = ?1 and orderer_code = ?2"
                        + " limit 1")
                .setParameter(1, personId)
                .setParameter(2, institutionCode)
                .getResultList()
                .isEmpty();
    }
}
