package org.sanyi.referral.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.sanyi.events.EventType;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.referral.CancellationReason;
import org.sanyi.events.referral.ReferralOutcome;
import org.sanyi.events.referral.ReferralStatus;
import org.sanyi.events.referral.RejectionReason;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.TimeOrderedIds;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.groupcommit.GroupCommit;
import org.sanyi.platform.groupcommit.WriteSet;
import org.sanyi.platform.http.IdempotencyKeys;
import org.sanyi.platform.http.VersionPrecondition;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.platform.patient.PatientPseudonyms;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.security.Caller;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.referral.config.ReferralConfig;
import org.sanyi.referral.domain.Referral;
import org.sanyi.referral.domain.ReferralProblem;
import org.sanyi.referral.domain.ReferralSide;
import org.sanyi.referral.infrastructure.persistence.ReferralRepository;

/**
 * The referral use cases. Each runs in one transaction that changes the referral, records its event in the outbox
 * and audits the access, so the three commit or vanish together. Only the sending institution reviews and cancels;
 * only the receiving institution answers, records the arrival and completes.
 */
@ApplicationScoped
@Transactional
public class ReferralService {

    /** Resource type of referrals in the audit trail. */
    public static final String AUDIT_RESOURCE = "Referral";

    /** Operation name of referral creation among the platform's idempotency keys. */
    static final String IDEMPOTENT_OPERATION = "create-referral";

    /** Tolerated difference between the caller's clock and ours for a stated arrival time. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    ReferralRepository repository;

    @Inject
    ReferralRouting routing;

    @Inject
    PatientPseudonyms pseudonyms;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    CallerContext callerContext;

    @Inject
    ReferralConfig config;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    GroupCommit groupCommit;

    /** The referral, and whether it is the one an earlier request with the same Idempotency-Key created. */
    public record Creation(Referral referral, boolean replayed) {}

    /**
     * Creates a referral from the calling institution. With an idempotency key, a repeated request with the same
     * body returns the referral the first one created; the same key with another body is refused.
     *
     * <p>A create reads nothing from the database, so its rows (referral, key, event, audit record) go through
     * {@link GroupCommit} and commit together with the creates of concurrent requests.
     *
     * @param requestHash digest of the request body, compared on a repeated key
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Creation create(NewReferral request, String idempotencyKey, String requestHash) {
        Caller caller = callerContext.caller();
        UUID id = TimeOrderedIds.next();
        Instant now = now();
        LocalDate referralDate = LocalDate.ofInstant(now, config.zone());
        ReferralRouting.Route route = routing.route(
                caller.institutionCode(),
                request.receiverCode(),
                request.urgency(),
                request.diagnosis(),
                request.downReferralIndication(),
                request.familyDoctorInvolvement() != null,
                referralDate);

        Referral referral = new Referral();
        referral.id = id;
        referral.status = ReferralStatus.REQUESTED;
        referral.direction = route.direction();
        referral.urgency = request.urgency();
        referral.senderCode = route.sender().code();
        referral.senderLevel = route.sender().level();
        referral.senderCounty = countyOf(route.sender());
        referral.receiverCode = route.receiver().code();
        referral.receiverLevel = route.receiver().level();
        referral.receiverCounty = countyOf(route.receiver());
        referral.patientIdSystem = request.patient().system();
        referral.patientIdValue = request.patient().value();
        referral.patientPseudonym = pseudonyms.pseudonymOf(request.patient());
        referral.patientName = request.patientName();
        referral.patientContact = request.patientContact();
        referral.diagnosisCode = request.diagnosis().value();
        referral.diagnosisCategory = request.diagnosis().category();
        referral.diagnosisDisplay = request.diagnosisDisplay();
        referral.reason = request.reason();
        referral.requestedDepartment = request.requestedDepartment();
        referral.attachments = request.attachments();
        referral.clinicianSystem = request.sendingClinician().system();
        referral.clinicianValue = request.sendingClinician().value();
        referral.familyDoctorInvolvement = request.familyDoctorInvolvement();
        if (request.familyDoctor() != null) {
            referral.familyDoctorSystem = request.familyDoctor().system();
            referral.familyDoctorValue = request.familyDoctor().value();
        }
        referral.downReferralIndication = request.downReferralIndication();
        referral.downReferralNote = request.downReferralNote();
        referral.dischargeMedications = request.dischargeMedications();
        applyFlags(referral, route);
        referral.requestedAt = now;
        referral.requestedBy = caller.subject();
        referral.answerDueAt =
                now.plus(route.policy().parameters().answerWithin().get(request.urgency()));

        WriteSet writes = new WriteSet();
        repository.insert(writes, referral);
        if (idempotencyKey != null) {
            writes.claim(new IdempotencyKeys.Claim(
                    caller.institutionCode(), IDEMPOTENT_OPERATION, idempotencyKey, requestHash, id.toString()));
        }
        outbox.stage(
                writes,
                EventType.REFERRAL_REQUESTED,
                id.toString(),
                ReferralEvents.of(EventType.REFERRAL_REQUESTED, referral));
        audit.stage(writes, AuditAction.CREATE, AUDIT_RESOURCE, id.toString(), referral.patientPseudonym);
        if (groupCommit.commit(writes) == GroupCommit.Outcome.KEY_CLAIMED_BEFORE) {
            return QuarkusTransaction.requiringNew()
                    .call(() -> replayClaimed(caller.institutionCode(), idempotencyKey, requestHash, id));
        }
        return new Creation(referral, false);
    }

    /** The key was claimed by an earlier request: its referral when the body is the same, else 422 PLT-0015. */
    private Creation replayClaimed(String institution, String idempotencyKey, String requestHash, UUID unusedId) {
        Optional<String> earlier = idempotencyKeys.claim(
                institution, IDEMPOTENT_OPERATION, idempotencyKey, requestHash, unusedId.toString());
        if (earlier.isEmpty()) {
            // The earlier claim expired between the two statements: this request owns the key now, so create again.
            throw new ApiProblem(
                    PlatformProblem.UNAVAILABLE, "Idempotency-Key " + idempotencyKey + " changed hands; retry");
        }
        return replay(UUID.fromString(earlier.get()));
    }

    /** The referral's details, for its two parties only; every read is audited. */
    public Referral read(UUID id) {
        Referral referral = find(id);
        requireParty(referral, Set.of(referral.senderCode, referral.receiverCode), "read");
        audit.record(AuditAction.READ, AUDIT_RESOURCE, id.toString(), referral.patientPseudonym);
        return referral;
    }

    /**
     * The calling institution's referrals, newest first, after the position {@code (before, beforeId)} when given.
     * Summaries carry no patient identity; the search itself is audited once.
     */
    public List<Referral> list(ReferralSide side, ReferralStatus status, int limit, Instant before, UUID beforeId) {
        List<Referral> referrals =
                repository.ofInstitution(callerContext.institutionCode(), side, status, limit, before, beforeId);
        audit.record(
                AuditAction.SEARCH, AUDIT_RESOURCE, "side=" + side + (status == null ? "" : ",status=" + status), null);
        return referrals;
    }

    /**
     * 转诊审核: the reviewer is the authenticated user (token {@code sub}), who must not be the user who sent the
     * referral; the reviewer's professional identifier from the body is recorded beside it.
     */
    public Referral review(UUID id, VersionPrecondition expectedVersion, Identifier reviewer, String note) {
        Referral referral = asSender(id, expectedVersion, "review");
        String reviewingUser = callerContext.caller().subject();
        if (reviewingUser.equals(referral.requestedBy)) {
            throw new ApiProblem(
                    ReferralProblem.REVIEWER_IS_REQUESTER,
                    "The user who sent referral " + id + " cannot also review it; another accountable reviewer must"
                            + " sign in and review");
        }
        referral.review(reviewer, note, reviewingUser, now());
        return recordChange(referral, EventType.REFERRAL_REVIEWED, AuditAction.UPDATE);
    }

    public Referral accept(UUID id, VersionPrecondition expectedVersion, Instant appointmentAt, String note) {
        Referral referral = asReceiver(id, expectedVersion, "accept");
        referral.accept(appointmentAt, note, now());
        return recordChange(referral, EventType.REFERRAL_ACCEPTED, AuditAction.UPDATE);
    }

    public Referral reject(UUID id, VersionPrecondition expectedVersion, RejectionReason reason, String note) {
        Referral referral = asReceiver(id, expectedVersion, "reject");
        referral.reject(reason, note, now());
        return recordChange(referral, EventType.REFERRAL_REJECTED, AuditAction.UPDATE);
    }

    /** @param arrivedAt when the patient arrived; now when not given. Not in the future, not before the request. */
    public Referral recordArrival(
            UUID id,
            VersionPrecondition expectedVersion,
            Instant arrivedAt,
            boolean admittedAsInpatient,
            boolean jointWard) {
        Referral referral = asReceiver(id, expectedVersion, "record the arrival of");
        Instant now = now();
        Instant at = arrivedAt == null ? now : Timestamps.stored(arrivedAt);
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiProblem.invalidField("arrivedAt", "must not lie in the future");
        }
        if (at.isBefore(referral.requestedAt)) {
            throw ApiProblem.invalidField("arrivedAt", "must not lie before the referral was requested");
        }
        referral.arrive(at, admittedAsInpatient, jointWard);
        return recordChange(referral, EventType.REFERRAL_ARRIVED, AuditAction.UPDATE);
    }

    public Referral complete(UUID id, VersionPrecondition expectedVersion, ReferralOutcome outcome, String summary) {
        Referral referral = asReceiver(id, expectedVersion, "complete");
        referral.complete(outcome, summary, now());
        return recordChange(referral, EventType.REFERRAL_COMPLETED, AuditAction.UPDATE);
    }

    public Referral cancel(UUID id, VersionPrecondition expectedVersion, CancellationReason reason, String note) {
        Referral referral = asSender(id, expectedVersion, "cancel");
        referral.cancel(reason, note, now());
        return recordChange(referral, EventType.REFERRAL_CANCELLED, AuditAction.UPDATE);
    }

    private static Instant now() {
        return Timestamps.now();
    }

    /** The referral an earlier request with the same Idempotency-Key and body created, read again (audited). */
    private Creation replay(UUID id) {
        Referral referral = find(id);
        audit.record(AuditAction.READ, AUDIT_RESOURCE, referral.id.toString(), referral.patientPseudonym);
        return new Creation(referral, true);
    }

    /**
     * Writes the change now, so a concurrent transition surfaces here as a 409 and the event carries the new
     * version, then records the event and the audit entry in the same transaction.
     */
    private Referral recordChange(Referral referral, EventType type, AuditAction action) {
        repository.flush();
        outbox.publish(type, referral.id.toString(), ReferralEvents.of(type, referral));
        audit.record(action, AUDIT_RESOURCE, referral.id.toString(), referral.patientPseudonym);
        return referral;
    }

    private Referral asSender(UUID id, VersionPrecondition expectedVersion, String step) {
        Referral referral = find(id);
        requireParty(referral, Set.of(referral.senderCode), step);
        requireVersion(referral, expectedVersion);
        return referral;
    }

    private Referral asReceiver(UUID id, VersionPrecondition expectedVersion, String step) {
        Referral referral = find(id);
        requireParty(referral, Set.of(referral.receiverCode), step);
        requireVersion(referral, expectedVersion);
        return referral;
    }

    /** If-Match: the caller decided on the version it read; any change since then fails the precondition (412). */
    private static void requireVersion(Referral referral, VersionPrecondition expectedVersion) {
        expectedVersion.check("Referral " + referral.id, OptionalLong.of(referral.version));
    }

    private void requireParty(Referral referral, Set<String> parties, String step) {
        callerContext.requireInstitution(parties, step + " referral " + referral.id);
    }

    private Referral find(UUID id) {
        return repository
                .find(id)
                .orElseThrow(() -> new ApiProblem(ReferralProblem.REFERRAL_NOT_FOUND, "No referral " + id));
    }

    private static void applyFlags(Referral referral, ReferralRouting.Route route) {
        var flags = route.flags();
        referral.greenChannel = flags.greenChannel();
        referral.sameGroupEpisode = flags.sameGroupEpisode();
        referral.secondDeductibleWaived = flags.secondDeductibleWaived();
        referral.properReferral = flags.properReferral();
        referral.reimbursementUpliftPoints = flags.reimbursementUpliftPoints();
        referral.bypassedGrassroots = flags.bypassedGrassroots();
        referral.outOfCounty = flags.outOfCounty();
        referral.outOfCity = flags.outOfCity();
        referral.familyDoctorInvolved = flags.familyDoctorInvolved();
        referral.elderlyCareTransfer = flags.elderlyCareTransfer();
        referral.commonGroupIds = route.commonGroupIds();
        referral.policyRegion = route.policy().regionCode();
        referral.policyVersion = route.policy().version();
    }

    private static String countyOf(InstitutionSnapshot institution) {
        return institution.region() == null ? null : institution.region().countyCode();
    }
}
