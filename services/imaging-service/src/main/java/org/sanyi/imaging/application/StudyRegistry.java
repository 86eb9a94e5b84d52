package org.sanyi.imaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.EventType;
import org.sanyi.events.imaging.StudyStatus;
import org.sanyi.imaging.config.ImagingConfig;
import org.sanyi.imaging.domain.ImagingProblem;
import org.sanyi.imaging.domain.NhsaIndexId;
import org.sanyi.imaging.domain.Series;
import org.sanyi.imaging.domain.Study;
import org.sanyi.imaging.domain.StudyReport;
import org.sanyi.imaging.infrastructure.persistence.StudyRepository;
import org.sanyi.kernel.DicomUid;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.TimeOrderedIds;
import org.sanyi.kernel.Timestamps;
import org.sanyi.kernel.UnifiedSocialCreditCode;
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
import org.sanyi.platform.problem.PlatformProblem;

/**
 * Registration in the regional index (IMG-01, BR-I2): idempotent by Study Instance UID, a later registration with
 * other content updates the study as a new version, a study belongs to the institution that registered it first.
 * A batch is all or nothing; new studies, their events and audit records go in as multi-row inserts.
 */
@ApplicationScoped
public class StudyRegistry {

    public static final String AUDIT_RESOURCE = "ImagingStudy";

    /** How far a sender's clock may run ahead of ours: a time later than now plus this lies in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    StudyRepository repository;

    @Inject
    PersonIdentities identities;

    @Inject
    DirectoryReplica directory;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    GroupCommit groupCommit;

    @Inject
    IdempotencyKeys digests;

    @Inject
    StudyEvents events;

    @Inject
    ImagingConfig config;

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Registered(Study study, Outcome outcome) {}

    @Transactional
    public List<Registered> registerAll(Actor actor, List<NewStudy> requests) {
        String source = actor.institutionCode();
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        for (NewStudy request : requests) {
            validate(request, violations);
            if (!uids.add(request.studyUid())) {
                violations.add(new FieldViolation(
                        request.field() + "studyInstanceUid",
                        "'" + request.studyUid() + "' appears more than once; send one registration per study"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        Map<String, Study> earlier = repository.byUids(uids);
        for (Study study : earlier.values()) {
            if (!study.sourceCode.equals(source)) {
                throw new ApiProblem(
                        ImagingProblem.STUDY_OF_ANOTHER_SOURCE,
                        "Study " + study.studyUid + " is registered by another institution; nothing was stored");
            }
            if (study.retracted()) {
                throw new ApiProblem(
                        ImagingProblem.STUDY_RETRACTED,
                        "Study " + study.studyUid + " was retracted; register a corrected study under a new UID");
            }
        }
        WriteSet writes = new WriteSet();
        // Patients are linked in one order (by their identifier) in every batch: two concurrent batches that create
        // the same new persons then lock them in the same order instead of deadlocking.
        Map<NewStudy, Registered> registered = new java.util.IdentityHashMap<>();
        requests.stream()
                .sorted(java.util.Comparator.comparing((NewStudy request) ->
                        request.patientIdentifiers().get(0).toString()))
                .forEach(request ->
                        registered.put(request, store(request, actor, earlier.get(request.studyUid()), writes)));
        groupCommit.insertInTransaction(writes);
        return requests.stream().map(registered::get).toList();
    }

    private Registered store(NewStudy request, Actor actor, Study existing, WriteSet writes) {
        String contentHash = digests.digest(request.content());
        Instant now = Timestamps.now();
        if (existing != null && existing.contentHash.equals(contentHash)) {
            return new Registered(existing, Outcome.UNCHANGED);
        }
        Person person = identities.link(request.patientIdentifiers(), actor.institutionCode());
        Study study = existing == null ? new Study() : existing;
        StudyReport reportBefore = study.report;
        fill(study, request, person, contentHash, actor.institutionCode());
        study.updatedAt = now;
        if (existing == null) {
            study.id = TimeOrderedIds.next();
            study.studyUid = request.studyUid();
            study.version = 1;
            study.status = StudyStatus.REGISTERED;
            study.sourceCode = actor.institutionCode();
            study.registeredAt = now;
            repository.insert(writes, study);
            outbox.stage(writes, EventType.STUDY_REGISTERED, study.id.toString(), events.of(study));
        } else {
            study.version++;
            if (!repository.update(study)) {
                throw new ApiProblem(
                        PlatformProblem.CONCURRENT_MODIFICATION,
                        "Study " + study.studyUid + " was changed meanwhile; send the registration again");
            }
            outbox.stage(writes, EventType.STUDY_AMENDED, study.id.toString(), events.of(study));
        }
        if (study.report != null && !study.report.equals(reportBefore)) {
            outbox.stage(writes, EventType.STUDY_REPORTED, study.id.toString(), events.of(study));
        }
        audit.stage(
                writes,
                actor.caller(),
                actor.purpose(),
                existing == null ? AuditAction.CREATE : AuditAction.UPDATE,
                AUDIT_RESOURCE,
                study.id.toString(),
                study.patientPseudonym);
        return new Registered(study, existing == null ? Outcome.CREATED : Outcome.UPDATED);
    }

    private void fill(Study study, NewStudy request, Person person, String contentHash, String source) {
        Identifier filedUnder = request.patientIdentifiers().get(0);
        study.accessionNumber = request.accessionNumber();
        study.personId = person.id();
        study.patientPseudonym = person.pseudonym();
        study.patientIdSystem = filedUnder.system();
        study.patientIdValue = filedUnder.value();
        study.patientName = request.patientName();
        study.patientBirthDate = request.patientBirthDate();
        study.patientSex = request.patientSex();
        study.startedAt = request.studyAt();
        study.studyDate = request.studyAt().atZone(config.zone()).toLocalDate();
        study.studyTime = request.studyTime();
        study.dicomStudyId = request.dicomStudyId();
        study.description = request.description();
        study.referringPhysician = request.referringPhysician();
        study.modalities = request.modalities();
        study.bodyPart = request.bodyPart();
        study.series = request.series();
        study.seriesCount = request.seriesCount();
        study.instanceCount = request.instanceCount();
        study.referringCode = request.referringCode();
        study.retrieveBase = request.retrieveBase();
        study.claimRefs = request.claimRefs();
        study.storageCreditCode = request.storageCreditCode();
        study.nhsaIndexId = request.patientIdentifiers().stream()
                .filter(id -> id.system().equals(PatientIdentifierSystem.INSURANCE_PERSON_CODE.uri()))
                .findFirst()
                .flatMap(code -> NhsaIndexId.of(
                        code.value(),
                        request.studyAt().atZone(config.zone()).toLocalDateTime(),
                        request.storageCreditCode()))
                .orElse(null);
        if (request.report() != null) {
            NewStudy.Report report = request.report();
            String reader = study.report != null && !Objects.equals(study.report.reportedBy(), source)
                    ? study.report.reportedBy()
                    : source;
            study.report = new StudyReport(
                    report.status(), report.findings(), report.impression(), report.reportedAt(), reader);
        }
        study.contentHash = contentHash;
    }

    /** What the request's shape does not say: UIDs, the endpoint, times, the directory, the series' sums. */
    private void validate(NewStudy request, List<FieldViolation> violations) {
        String field = request.field();
        if (!DicomUid.isValid(request.studyUid())) {
            violations.add(new FieldViolation(field + "studyInstanceUid", "is not a valid DICOM UID"));
        }
        Set<String> seriesUids = new HashSet<>();
        List<Series> series = request.series();
        for (int i = 0; i < series.size(); i++) {
            String uid = series.get(i).seriesInstanceUid();
            if (!DicomUid.isValid(uid)) {
                violations.add(
                        new FieldViolation(field + "series[" + i + "].seriesInstanceUid", "is not a valid DICOM UID"));
            } else if (!seriesUids.add(uid)) {
                violations.add(new FieldViolation(
                        field + "series[" + i + "].seriesInstanceUid", "names a series listed before"));
            }
        }
        if (!series.isEmpty() && series.stream().mapToInt(Series::instanceCount).sum() > request.instanceCount()) {
            violations.add(new FieldViolation(
                    field + "numberOfInstances", "is smaller than the instances of the series listed"));
        }
        if (request.modalities().isEmpty()) {
            violations.add(new FieldViolation(field + "modalities", "name at least one modality"));
        }
        String endpointProblem = endpointProblem(request.retrieveBase());
        if (endpointProblem != null) {
            violations.add(new FieldViolation(field + "retrieveEndpoint", endpointProblem));
        }
        Instant latest = Timestamps.now().plus(CLOCK_SKEW);
        if (request.studyAt().isAfter(latest)) {
            violations.add(new FieldViolation(field + "studyAt", "must not lie in the future"));
        }
        if (request.referringCode() != null && !directory.knows(request.referringCode())) {
            violations.add(new FieldViolation(
                    field + "referringInstitution", "'" + request.referringCode() + "' is not in the directory"));
        }
        if (request.storageCreditCode() != null && !UnifiedSocialCreditCode.isValid(request.storageCreditCode())) {
            violations.add(new FieldViolation(
                    field + "storageCreditCode", "is not a 统一社会信用代码 (GB 32100: 18 characters, check character)"));
        }
        if (request.report() != null) {
            NewStudy.Report report = request.report();
            if (report.reportedAt().isAfter(latest)) {
                violations.add(new FieldViolation(field + "report.reportedAt", "must not lie in the future"));
            }
            if (report.reportedAt().isBefore(request.studyAt())) {
                violations.add(new FieldViolation(field + "report.reportedAt", "must not lie before the study"));
            }
        }
    }

    /** Why {@code base} is no WADO-RS base URL the exchange can point viewers to, or null. */
    public static String endpointProblem(String base) {
        if (base == null || base.isBlank()) {
            return "is required: the WADO-RS base URL of the PACS that keeps the pixels";
        }
        try {
            URI uri = new URI(base);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "must be an http or https URL";
            }
            if (uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                return "must be an http(s) URL with a host and without credentials, query or fragment";
            }
            return null;
        } catch (java.net.URISyntaxException e) {
            return "is not a URL";
        }
    }
}
