package org.sanyi.result.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.EventType;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.result.CheckEvent;
import org.sanyi.events.result.CheckedItem;
import org.sanyi.events.result.ClinicalContext;
import org.sanyi.events.result.DecisionEvent;
import org.sanyi.events.result.DeclineReason;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.TimeOrderedIds;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.groupcommit.GroupCommit;
import org.sanyi.platform.groupcommit.WriteSet;
import org.sanyi.platform.identity.Person;
import org.sanyi.platform.identity.PersonIdentities;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.result.config.ResultConfig;
import org.sanyi.result.domain.Assessment;
import org.sanyi.result.domain.Candidate;
import org.sanyi.result.domain.RecognitionCheck;
import org.sanyi.result.domain.RecognitionDecision;
import org.sanyi.result.domain.RecognitionItem;
import org.sanyi.result.domain.RecognitionPolicy;
import org.sanyi.result.domain.Result;
import org.sanyi.result.domain.ResultProblem;
import org.sanyi.result.domain.ResultSummary;
import org.sanyi.result.infrastructure.persistence.ResultRepository;

/**
 * Check before ordering, decide, and read what a check offered (BR-E3, BR-F3). A check finds the patient's results of
 * each item by any linked identifier and assesses each under the orderer's regional policy; the orderer may then
 * read the recognisable ones and record, per item, a recognition citing one or a decline with a coded reason.
 */
@ApplicationScoped
@Transactional
public class RecognitionChecks {

    public static final String CHECK_AUDIT_RESOURCE = "RecognitionCheck";

    @Inject
    ResultRepository repository;

    @Inject
    ReferenceData referenceData;

    @Inject
    DirectoryReplica directory;

    @Inject
    PersonIdentities identities;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    CallerContext callerContext;

    @Inject
    ResultEvents events;

    @Inject
    ResultConfig config;

    @Inject
    ResultAssessor assessor;

    @Inject
    GroupCommit groupCommit;

    /** One result a check found, with the assessment. */
    public record Finding(ResultSummary result, Assessment assessment) {}

    public record CheckOutcome(RecognitionCheck check, Map<String, List<Finding>> findingsByItem) {}

    /** A decision as the clinician states it; checked against the check here. */
    public record NewDecision(
            String itemCode, RecognitionDecision.Outcome outcome, UUID resultId, DeclineReason reason, String note) {}

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CheckOutcome check(List<Identifier> identifiers, List<String> itemCodes, ClinicalContext context) {
        String orderer = callerContext.institutionCode();
        ReferenceData.Snapshot reference = referenceData.current();
        List<FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < itemCodes.size(); i++) {
            if (reference.activeItem(itemCodes.get(i)).isEmpty()) {
                unknown.add(new FieldViolation(
                        "itemCodes[" + i + "]", "'" + itemCodes.get(i) + "' is not an active item of the catalogue"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(
                    ResultProblem.ITEM_UNKNOWN,
                    "Unknown item codes: "
                            + unknown.stream().map(FieldViolation::message).toList(),
                    unknown);
        }
        Instant now = Timestamps.now();
        String checkedBy = callerContext.caller().subject();
        // Reads (and the identity link, which may write) in one transaction; the check's own rows then commit with
        // the checks of concurrent requests (GroupCommit): they depend on nothing but what was read here.
        Assessed assessed =
                QuarkusTransaction.requiringNew().call(() -> assess(identifiers, itemCodes, orderer, now, reference));

        RecognitionCheck check = new RecognitionCheck();
        check.id = TimeOrderedIds.next();
        check.ordererCode = orderer;
        check.personId = assessed.person().id();
        check.patientPseudonym = assessed.person().pseudonym();
        check.clinicalContext = context == null ? ClinicalContext.ROUTINE : context;
        check.itemCodes = List.copyOf(assessed.findings().keySet());
        check.candidates = assessed.candidates();
        check.checkedAt = now;
        check.checkedBy = checkedBy;
        check.openUntil =
                now.plus(Duration.ofHours(assessed.policy().parameters().openCheckHours()));
        WriteSet writes = new WriteSet();
        repository.insert(writes, check);
        outbox.stage(
                writes,
                EventType.RESULT_CHECK_MADE,
                check.id.toString(),
                new CheckEvent(
                        check.id.toString(),
                        events.party(orderer),
                        check.patientPseudonym,
                        check.clinicalContext,
                        now,
                        assessed.counts()));
        audit.stage(writes, AuditAction.SEARCH, CHECK_AUDIT_RESOURCE, check.id.toString(), check.patientPseudonym);
        groupCommit.commit(writes);
        return new CheckOutcome(check, assessed.findings());
    }

    /** What a check found for a person, assessed under the orderer's policy. */
    private record Assessed(
            Person person,
            RecognitionPolicy policy,
            Map<String, List<Finding>> findings,
            List<Candidate> candidates,
            List<CheckedItem> counts) {}

    private Assessed assess(
            List<Identifier> identifiers,
            List<String> itemCodes,
            String orderer,
            Instant now,
            ReferenceData.Snapshot reference) {
        Person person = identities.link(identifiers, orderer);
        LocalDate today = assessor.date(now);
        Optional<InstitutionSnapshot> ordering = directory.institution(orderer);
        RecognitionPolicy policy = assessor.policy(ordering, today, reference);
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        List<CheckedItem> counts = new ArrayList<>();
        List<String> codes = itemCodes.stream().distinct().toList();
        Map<String, List<ResultSummary>> results =
                repository.summaries(person.id(), codes, config.check().maxResultsPerItem());
        for (String code : codes) {
            RecognitionItem item = reference.activeItem(code).orElseThrow();
            List<Finding> found = new ArrayList<>();
            for (ResultSummary result : results.getOrDefault(code, List.of())) {
                Assessment assessment = assessor.assess(result, item, policy, orderer, ordering, today, reference);
                found.add(new Finding(result, assessment));
                candidates.add(new Candidate(
                        result.id(), code, assessment.recognisable(), assessment.basis(), assessment.reason()));
            }
            findings.put(code, found);
            counts.add(new CheckedItem(
                    code,
                    (int) found.stream()
                            .filter(f -> f.assessment().recognisable())
                            .count(),
                    (int) found.stream()
                            .filter(f -> !f.assessment().recognisable())
                            .count(),
                    found.stream()
                            .map(f -> f.assessment().reason())
                            .filter(java.util.Objects::nonNull)
                            .distinct()
                            .sorted()
                            .toList()));
        }
        return new Assessed(person, policy, findings, candidates, counts);
    }

    /** The check with what it offers now (results may have been withdrawn since), for its orderer only. */
    public CheckOutcome read(UUID checkId) {
        RecognitionCheck check = ownCheck(checkId, "read");
        ReferenceData.Snapshot reference = referenceData.current();
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        LocalDate day = assessor.date(check.checkedAt);
        Optional<InstitutionSnapshot> ordering = directory.institution(check.ordererCode);
        RecognitionPolicy policy = assessor.policy(ordering, day, reference);
        for (String code : check.itemCodes) {
            RecognitionItem item = reference.items().get(code);
            List<Finding> found = new ArrayList<>();
            for (Candidate candidate : check.candidates) {
                if (candidate.itemCode().equals(code)) {
                    repository
                            .find(candidate.resultId())
                            .map(Result::summary)
                            .ifPresent(result -> found.add(new Finding(
                                    result,
                                    assessor.assess(
                                            result, item, policy, check.ordererCode, ordering, day, reference))));
                }
            }
            findings.put(code, found);
        }
        audit.record(AuditAction.READ, CHECK_AUDIT_RESOURCE, check.id.toString(), check.patientPseudonym);
        return new CheckOutcome(check, findings);
    }

    public List<RecognitionDecision> decide(UUID checkId, List<NewDecision> decisions) {
        RecognitionCheck check = ownCheck(checkId, "decide on");
        Instant now = Timestamps.now();
        if (!check.isOpenAt(now)) {
            throw new ApiProblem(
                    ResultProblem.CHECK_CLOSED, "Check " + checkId + " closed at " + check.openUntil + "; check again");
        }
        ReferenceData.Snapshot reference = referenceData.current();
        List<RecognitionDecision> existing = repository.decisionsOf(checkId);
        List<RecognitionDecision> recorded = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            NewDecision decision = decisions.get(i);
            String field = "decisions[" + i + "].";
            if (!check.itemCodes.contains(decision.itemCode())) {
                throw new ApiProblem(
                        ResultProblem.ITEM_NOT_CHECKED,
                        "Item " + decision.itemCode() + " was not part of check " + checkId,
                        List.of(new FieldViolation(field + "itemCode", "was not part of the check")));
            }
            boolean decided = existing.stream().anyMatch(d -> d.itemCode.equals(decision.itemCode()))
                    || recorded.stream().anyMatch(d -> d.itemCode.equals(decision.itemCode()));
            if (decided) {
                throw new ApiProblem(
                        ResultProblem.DECISION_EXISTS,
                        "Item " + decision.itemCode() + " of check " + checkId + " was decided already",
                        List.of(new FieldViolation(field + "itemCode", "was decided already")));
            }
            RecognitionItem item = reference.items().get(decision.itemCode());
            RecognitionDecision row = new RecognitionDecision();
            row.id = UUID.randomUUID();
            row.checkId = checkId;
            row.itemCode = decision.itemCode();
            row.outcome = decision.outcome();
            row.note = decision.note();
            row.ordererCode = check.ordererCode;
            row.personId = check.personId;
            row.patientPseudonym = check.patientPseudonym;
            row.decidedAt = now;
            row.decidedBy = callerContext.caller().subject();
            Candidate cited = null;
            if (decision.resultId() != null) {
                cited = check.recognisable(decision.resultId(), decision.itemCode())
                        .orElseThrow(() -> new ApiProblem(
                                ResultProblem.NOT_RECOGNISABLE,
                                "Result " + decision.resultId() + " is not a recognisable " + decision.itemCode()
                                        + " result of check " + checkId + " for this patient",
                                List.of(new FieldViolation(field + "resultId", "is not recognisable for this check"))));
                Result result = repository.find(decision.resultId()).orElseThrow();
                if (result.withdrawn()) {
                    throw new ApiProblem(
                            ResultProblem.RESULT_WITHDRAWN,
                            "Result " + result.id + " was withdrawn after the check",
                            List.of(new FieldViolation(field + "resultId", "was withdrawn")));
                }
                row.resultId = result.id;
                row.issuerCode = result.issuerCode;
            }
            if (decision.outcome() == RecognitionDecision.Outcome.RECOGNISED) {
                if (cited == null) {
                    throw ApiProblem.invalidFields(
                            List.of(new FieldViolation(field + "resultId", "a recognition cites the result it uses")));
                }
                row.avoidedFee = item.referencePrice;
            } else {
                row.declineReason = decision.reason();
            }
            repository.insert(row);
            recorded.add(row);
            outbox.publish(
                    row.outcome == RecognitionDecision.Outcome.RECOGNISED
                            ? EventType.RESULT_RECOGNISED
                            : EventType.RESULT_DECLINED,
                    checkId.toString(),
                    new DecisionEvent(
                            row.id.toString(),
                            checkId.toString(),
                            events.party(check.ordererCode),
                            check.patientPseudonym,
                            row.itemCode,
                            item.largeEquipment,
                            row.resultId == null ? null : row.resultId.toString(),
                            row.issuerCode,
                            cited == null || row.outcome != RecognitionDecision.Outcome.RECOGNISED
                                    ? null
                                    : cited.basis(),
                            row.declineReason,
                            row.avoidedFee,
                            now));
        }
        audit.record(AuditAction.UPDATE, CHECK_AUDIT_RESOURCE, check.id.toString(), check.patientPseudonym);
        return recorded;
    }

    public List<RecognitionDecision> decisionsOf(UUID checkId) {
        RecognitionCheck check = ownCheck(checkId, "read the decisions of");
        return repository.decisionsOf(check.id);
    }

    /**
     * A result's values (BR-F3): for its issuer and performer; for another hospital through an open check of that
     * patient that offered it as recognisable, an accepted referral to it that attached it, or membership of one
     * medical group with the issuer today. Every read is audited with the declared purpose.
     */
    public Result readResult(UUID id) {
        Result result = repository
                .find(id)
                .orElseThrow(() -> new ApiProblem(ResultProblem.RESULT_NOT_FOUND, "No result " + id));
        String caller = callerContext.institutionCode();
        Instant now = Timestamps.now();
        boolean allowed = result.isOwnedBy(caller)
                || repository.openCheckOffers(caller, result.personId, id, now)
                || repository.granted(caller, id)
                || directory.sameGroup(result.issuerCode, caller, assessor.date(now));
        if (!allowed) {
            throw new ApiProblem(
                    PlatformProblem.FORBIDDEN,
                    "Institution " + caller + " may read result " + id + " only through an open recognition check of"
                            + " this patient that offered it, a referral that attached it, or its medical group");
        }
        audit.record(AuditAction.READ, ResultPublishing.AUDIT_RESOURCE, id.toString(), result.patientPseudonym);
        return result;
    }

    private RecognitionCheck ownCheck(UUID checkId, String what) {
        RecognitionCheck check = repository
                .check(checkId)
                .orElseThrow(() -> new ApiProblem(ResultProblem.CHECK_NOT_FOUND, "No check " + checkId));
        callerContext.requireInstitution(Set.of(check.ordererCode), what + " check " + checkId);
        return check;
    }
}
