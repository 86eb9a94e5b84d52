package org.sanyi.imaging.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.sanyi.events.imaging.AccessAction;
import org.sanyi.events.imaging.BreakGlassReason;
import org.sanyi.imaging.application.StudyLooks.Disclosed;
import org.sanyi.imaging.config.ImagingConfig;
import org.sanyi.imaging.domain.ImagingProblem;
import org.sanyi.imaging.domain.Study;
import org.sanyi.imaging.infrastructure.persistence.StudyRepository;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.groupcommit.GroupCommit;
import org.sanyi.platform.groupcommit.WriteSet;
import org.sanyi.platform.problem.ApiProblem;

/**
 * Retrieval tickets: a short-lived ES256 JWT that the source PACS (or its gateway) verifies with the keys published
 * at {@code /v1/retrieval-keys}, so the viewer fetches pixels from the source and the exchange never proxies them.
 * Issuing one is a look, decided and recorded like a search. The key pair is made at start and never leaves memory:
 * tickets live minutes, so a restart only invalidates the few in flight.
 */
@ApplicationScoped
public class RetrievalTickets {

    public static final String ISSUER = "urn:sanyi:imaging-service";

    @Inject
    StudyRepository repository;

    @Inject
    StudyLooks looks;

    @Inject
    GroupCommit groupCommit;

    @Inject
    CurrentActor currentActor;

    @Inject
    ImagingConfig config;

    private EllipticCurveJsonWebKey key;

    public record Ticket(String ticket, String retrieveUrl, Instant expiresAt, String accessId) {}

    @PostConstruct
    void makeKey() {
        try {
            key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(UUID.randomUUID().toString());
            key.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            key.setUse("sig");
        } catch (JoseException e) {
            throw new IllegalStateException("Could not make the retrieval-ticket key", e);
        }
    }

    /** The public key set a PACS verifies tickets with (JWKS). */
    public String publicKeys() {
        return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    @Transactional
    public Ticket issue(String studyUid, Optional<BreakGlassReason> breakGlass) {
        Actor actor = currentActor.get();
        StudyLooks.requireEmergency(actor, breakGlass);
        Study study = repository
                .byUid(studyUid)
                .filter(s -> !s.retracted())
                .orElseThrow(() -> new ApiProblem(ImagingProblem.STUDY_NOT_FOUND, "No study " + studyUid));
        List<Disclosed> allowed = looks.decide(List.of(study), study.personId, actor.institutionCode(), breakGlass);
        WriteSet writes = new WriteSet();
        UUID accessId =
                looks.record(writes, actor, AccessAction.RETRIEVE, allowed).get(0);
        groupCommit.insertInTransaction(writes);
        Instant now = Timestamps.now();
        Instant expires = now.plus(config.ticket().lifetime());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(actor.institutionCode());
        claims.setAudience(study.sourceCode);
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expires.toEpochMilli()));
        claims.setJwtId(accessId.toString());
        claims.setClaim("study_uid", study.studyUid);
        claims.setClaim("retrieve_url", study.retrieveUrl());
        claims.setClaim("basis", allowed.get(0).grant().basis().name());
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key.getPrivateKey());
        signature.setKeyIdHeaderValue(key.getKeyId());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return new Ticket(signature.getCompactSerialization(), study.retrieveUrl(), expires, accessId.toString());
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a retrieval ticket", e);
        }
    }
}
