package org.sanyi.result.application;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.EventType;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.result.Analyte;
import org.sanyi.events.result.AnalyteType;
import org.sanyi.events.result.ResultKind;
import org.sanyi.events.result.ResultStatus;
import org.sanyi.events.result.VoidedRecognition;
import org.sanyi.kernel.TimeOrderedIds;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.groupcommit.GroupCommit;
import org.sanyi.platform.groupcommit.WriteSet;
import org.sanyi.platform.http.IdempotencyKeys;
import org.sanyi.platform.identity.Person;
import org.sanyi.platform.identity.PersonIdentities;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.result.config.ResultConfig;
import org.sanyi.result.domain.Observation;
import org.sanyi.result.domain.RecognitionDecision;
import org.sanyi.result.domain.RecognitionItem;
import org.sanyi.result.domain.RecognitionPolicy;
import org.sanyi.result.domain.Result;
import org.sanyi.result.domain.ResultProblem;
import org.sanyi.result.domain.ResultSummary;
import org.sanyi.result.infrastructure.persistence.ResultRepository;

/**
 * Publishing results (BR-E1): one or a batch in one transaction with their events and audit entries, idempotent by
 * (issuer, report id), amended as new versions, withdrawn by their issuer only, which voids every recognition that
 * cited them. A new result that repeats a recognisable one of another institution, with no decline recorded by its
 * issuer, is marked as a repeat without reason for the insurer.
 */
@ApplicationScoped
@Transactional
public class ResultPublishing {

    public static final String AUDIT_RESOURCE = "Result";

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

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
    IdempotencyKeys digests;

    @Inject
    ResultConfig config;

    @Inject
    ResultAssessor assessor;

    @Inject
    GroupCommit groupCommit;

    /** What publishing did: created, amended, or nothing (a retry of the same content). */
    public enum Outcome {
        CREATED,
        AMENDED,
        UNCHANGED
    }

    public record Published(Result result, Outcome outcome) {}

    public Published publish(NewResult request) {
        return publishAll(List.of(request)).get(0);
    }

    /** All or nothing: any invalid result refuses the whole batch, naming its fields. */
    public List<Published> publishAll(List<NewResult> requests) {
        String issuer = callerContext.institutionCode();
        ReferenceData.Snapshot reference = referenceData.current();
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> reportIds = new HashSet<>();
        for (NewResult request : requests) {
            validate(request, issuer, reference, violations);
            if (!reportIds.add(request.reportId())) {
                violations.add(new FieldViolation(
                        request.field() + "reportId",
                        "'" + request.reportId() + "' appears more than once in the batch; send one version of a"
                                + " report per batch"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        // New results are inserted at commit, as JDBC batches: no query of the batch flushes (or dirty-checks) the
        // results stored before it. Their events and audit records go in as multi-row inserts too.
        repository.flushAtCommit();
        WriteSet writes = new WriteSet();
        Map<String, Result> earlier = repository.byReports(issuer, reportIds);
        List<Published> published = new ArrayList<>(requests.size());
        for (NewResult request : requests) {
            published.add(
                    store(request, issuer, reference, writes, Optional.ofNullable(earlier.get(request.reportId()))));
        }
        groupCommit.insertInTransaction(writes);
        return published;
    }

    /** @param existing the result published earlier under the request's report id */
    private Published store(
            NewResult request,
            String issuer,
            ReferenceData.Snapshot reference,
            WriteSet writes,
            Optional<Result> existing) {
        RecognitionItem item = reference.activeItem(request.itemCode()).orElseThrow();
        String contentHash = digests.digest(request.content());
        Person person = identities.link(request.patientIdentifiers(), issuer);
        Instant now = Timestamps.now();
        if (existing.isPresent()) {
            Result result = existing.get();
            if (result.contentHash.equals(contentHash)) {
                audit.stage(writes, AuditAction.READ, AUDIT_RESOURCE, result.id.toString(), result.patientPseudonym);
                return new Published(result, Outcome.UNCHANGED);
            }
            if (result.withdrawn()) {
                throw new ApiProblem(
                        ResultProblem.RESULT_WITHDRAWN,
                        "Report " + request.reportId() + " was withdrawn; publish a correction under a new report id");
            }
            if (request.status() != ResultStatus.AMENDED) {
                throw new ApiProblem(
                        ResultProblem.CONTENT_CONFLICT,
                        "Report " + request.reportId() + " was published with other content; send the change with"
                                + " status AMENDED");
            }
            fill(result, request, person, contentHash);
            result.status = ResultStatus.AMENDED;
            result.updatedAt = now;
            repository.flush();
            record(EventType.RESULT_AMENDED, result, item, AuditAction.UPDATE, reference, writes);
            return new Published(result, Outcome.AMENDED);
        }
        Result result = new Result();
        result.id = TimeOrderedIds.next();
        result.issuerCode = issuer;
        result.reportId = request.reportId();
        fill(result, request, person, contentHash);
        result.status = request.status();
        result.publishedAt = now;
        result.updatedAt = now;
        markRepeat(result, item, reference);
        repository.insert(result);
        record(EventType.RESULT_PUBLISHED, result, item, AuditAction.CREATE, reference, writes);
        return new Published(result, Outcome.CREATED);
    }

    /** Withdraws the caller's own result (entered in error) and voids the recognitions that cited it. */
    public Result withdraw(UUID id, String reason) {
        Result result = repository
                .find(id)
                .orElseThrow(() -> new ApiProblem(ResultProblem.RESULT_NOT_FOUND, "No result " + id));
        callerContext.requireInstitution(java.util.Set.of(result.issuerCode), "withdraw result " + id);
        if (result.withdrawn()) {
            throw new ApiProblem(ResultProblem.RESULT_WITHDRAWN, "Result " + id + " is withdrawn already");
        }
        Instant now = Timestamps.now();
        result.status = ResultStatus.WITHDRAWN;
        result.withdrawnAt = now;
        result.withdrawalReason = reason;
        result.updatedAt = now;
        List<VoidedRecognition> voided = new ArrayList<>();
        for (RecognitionDecision decision : repository.recognitionsCiting(id)) {
            decision.voidedAt = now;
            voided.add(new VoidedRecognition(decision.id.toString(), decision.ordererCode));
        }
        repository.flush();
        ReferenceData.Snapshot reference = referenceData.current();
        RecognitionItem item = reference.items().get(result.itemCode);
        outbox.publish(
                EventType.RESULT_WITHDRAWN,
                result.id.toString(),
                events.of(result, item, assessor.eqaSatisfied(result.summary(), item, reference), voided));
        audit.record(AuditAction.UPDATE, AUDIT_RESOURCE, result.id.toString(), result.patientPseudonym);
        return result;
    }

    private void record(
            EventType type,
            Result result,
            RecognitionItem item,
            AuditAction action,
            ReferenceData.Snapshot reference,
            WriteSet writes) {
        outbox.stage(
                writes,
                type,
                result.id.toString(),
                events.of(result, item, assessor.eqaSatisfied(result.summary(), item, reference), null));
        audit.stage(writes, action, AUDIT_RESOURCE, result.id.toString(), result.patientPseudonym);
    }

    /**
     * A repeat: an earlier result of another institution for the person and item that the issuer could have
     * recognised on the specimen date. Without a decline by the issuer since that result, the repeat had no reason.
     */
    private void markRepeat(Result result, RecognitionItem item, ReferenceData.Snapshot reference) {
        LocalDate on = assessor.date(result.specimenAt);
        Optional<InstitutionSnapshot> orderer = directory.institution(result.issuerCode);
        RecognitionPolicy policy = assessor.policy(orderer, on, reference);
        List<ResultSummary> earlierResults = repository
                .summaries(result.personId, List.of(item.code), config.check().maxResultsPerItem())
                .getOrDefault(item.code, List.of());
        for (ResultSummary earlier : earlierResults) {
            if (earlier.isOwnedBy(result.issuerCode) || !earlier.specimenAt().isBefore(result.specimenAt)) {
                continue;
            }
            if (assessor.assess(earlier, item, policy, result.issuerCode, orderer, on, reference)
                    .recognisable()) {
                result.repeatOf = earlier.id();
                result.repeatWithoutReason =
                        !repository.declinedSince(result.issuerCode, result.personId, item.code, earlier.reportedAt());
                return;
            }
        }
    }

    private static void fill(Result result, NewResult request, Person person, String contentHash) {
        result.itemCode = request.itemCode();
        result.performerCode = request.performerCode() == null ? result.issuerCode : request.performerCode();
        result.personId = person.id();
        result.patientPseudonym = person.pseudonym();
        result.patientIdSystem = request.patientIdentifiers().get(0).system();
        result.patientIdValue = request.patientIdentifiers().get(0).value();
        result.specimenAt = request.specimenAt();
        result.reportedAt = request.reportedAt();
        result.observations = request.observations().isEmpty() ? null : request.observations();
        result.findings = request.findings();
        result.conclusion = request.conclusion();
        result.contentHash = contentHash;
    }

    /** What Bean Validation cannot check: the catalogue, the directory, times and the analytes' units and types. */
    private void validate(
            NewResult request, String issuer, ReferenceData.Snapshot reference, List<FieldViolation> violations) {
        String field = request.field();
        Optional<RecognitionItem> item = reference.activeItem(request.itemCode());
        if (item.isEmpty()) {
            violations.add(new FieldViolation(
                    field + "itemCode", "'" + request.itemCode() + "' is not an active item of the catalogue"));
        }
        String performer = request.performerCode() == null ? issuer : request.performerCode();
        if (!performer.equals(issuer)
                && directory.institution(performer).map(i -> !i.active()).orElse(true)) {
            violations.add(new FieldViolation(
                    field + "performerInstitution",
                    "'" + performer + "' is not an active institution of the directory"));
        }
        Instant latest = Timestamps.now().plus(CLOCK_SKEW);
        if (request.specimenAt().isAfter(latest)) {
            violations.add(new FieldViolation(field + "specimenAt", "must not lie in the future"));
        }
        if (request.reportedAt().isAfter(latest)) {
            violations.add(new FieldViolation(field + "reportedAt", "must not lie in the future"));
        }
        if (request.specimenAt().isAfter(request.reportedAt())) {
            violations.add(new FieldViolation(field + "specimenAt", "must not lie after reportedAt"));
        }
        if (item.isEmpty()) {
            return;
        }
        if (item.get().kind == ResultKind.EXAM) {
            if (request.findings() == null && request.conclusion() == null) {
                violations.add(
                        new FieldViolation(field + "conclusion", "an exam result needs findings or a conclusion"));
            }
            if (!request.observations().isEmpty()) {
                violations.add(new FieldViolation(field + "observations", "an exam result has no lab observations"));
            }
            return;
        }
        if (request.observations().isEmpty()) {
            violations.add(new FieldViolation(field + "observations", "a lab result needs at least one observation"));
        }
        List<Observation> observations = request.observations();
        for (int i = 0; i < observations.size(); i++) {
            validate(observations.get(i), item.get(), field + "observations[" + i + "].", violations);
        }
    }

    private static void validate(
            Observation observation, RecognitionItem item, String field, List<FieldViolation> violations) {
        Optional<Analyte> analyte = item.analyte(observation.analyte());
        if (analyte.isEmpty()) {
            violations.add(new FieldViolation(
                    field + "analyte",
                    "'" + observation.analyte() + "' is not an analyte of " + item.code + "; known: "
                            + item.analytes.stream().map(Analyte::code).toList()));
            return;
        }
        JsonNode value = observation.value();
        if (analyte.get().type() == AnalyteType.QUANTITY) {
            if (!value.isNumber()) {
                violations.add(new FieldViolation(field + "value", "must be a number for " + observation.analyte()));
            }
            if (!analyte.get().units().contains(observation.unit())) {
                violations.add(new FieldViolation(
                        field + "unit",
                        (observation.unit() == null ? "is required" : "'" + observation.unit() + "' does not fit")
                                + " for " + observation.analyte() + "; allowed: "
                                + analyte.get().units()));
            }
        } else if (!value.isTextual()
                || value.asText().isBlank()
                || value.asText().length() > 200) {
            violations.add(new FieldViolation(
                    field + "value", "must be a text of 1 to 200 characters for " + observation.analyte()));
        }
    }
}
