package org.sanyi.platform.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sanyi.kernel.InstitutionCode;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;

/**
 * The one question services ask about security: who is calling, for which institution. SmallRye JWT has verified
 * the signature, issuer, audience and lifetime before this runs; here the claims become a {@link Caller}, and a token
 * whose claims are not exactly what the exchange issues is refused with 401 (never a 500).
 */
@RequestScoped
public class CallerContext {

    /** Claim carrying the calling institution's directory code. */
    public static final String INSTITUTION_CLAIM = "org";

    /** Header in which a caller states why it reads patient data (HL7 PurposeOfUse code); recorded in the audit. */
    public static final String PURPOSE_HEADER = "X-Purpose-Of-Use";

    public static final String DEFAULT_PURPOSE = "TREAT";

    /**
     * Institution codes the exchange keeps for its own system actors (expiry sweeps, checkpoints): no caller's
     * token may claim one, so an audit row under such a code is always the service's own.
     */
    private static final int MAX_SUBJECT_LENGTH = 128;

    @Inject
    JsonWebToken token;

    @Inject
    HttpServerRequest request;

    private Caller caller;

    public Caller caller() {
        if (caller == null) {
            caller = fromToken();
        }
        return caller;
    }

    public String institutionCode() {
        return caller().institutionCode();
    }

    public Role role() {
        return caller().role();
    }

    /** 403 unless the caller is one of the named institutions. */
    public Caller requireInstitution(Set<String> allowedInstitutions, String what) {
        if (!allowedInstitutions.contains(institutionCode())) {
            throw new ApiProblem(PlatformProblem.FORBIDDEN, "Institution " + institutionCode() + " may not " + what);
        }
        return caller();
    }

    /**
     * The declared purpose of use, {@value #DEFAULT_PURPOSE} when the caller states none; a code outside the HL7 set
     * of {@link org.sanyi.platform.audit.PurposeOfUse} is a 400 naming the header.
     */
    public String purposeOfUse() {
        String purpose = request == null ? null : request.getHeader(PURPOSE_HEADER);
        return org.sanyi.platform.audit.PurposeOfUse.fromHeader(purpose).code();
    }

    private Caller fromToken() {
        if (token == null || token.getRawToken() == null) {
            throw unauthenticated("Send a valid bearer token");
        }
        String institution = stringClaim(INSTITUTION_CLAIM)
                .orElseThrow(() -> unauthenticated("The token names no institution (string claim 'org')"));
        if (!InstitutionCode.isValid(institution)) {
            throw unauthenticated("The token's 'org' is not an institution code of the directory");
        }
        if (InstitutionCode.isSystemActor(institution)) {
            throw unauthenticated("Institution codes starting with " + InstitutionCode.SYSTEM_ACTOR_PREFIX
                    + " are the exchange's own");
        }
        String subject = stringClaim("sub")
                .filter(s -> !s.isBlank()
                        && s.length() <= MAX_SUBJECT_LENGTH
                        && s.chars().noneMatch(c -> c < 0x20))
                .orElseThrow(() -> unauthenticated("The token names no user (claim 'sub', 1 to 128 characters)"));
        List<Role> roles = token.getGroups().stream()
                .map(Role::fromClaim)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        if (roles.size() != 1) {
            throw unauthenticated("A token carries exactly one role of " + Role.claimValues()
                    + " in 'groups'; this one has " + roles.size());
        }
        return new Caller(institution, roles.get(0), subject);
    }

    /** A claim that must be a JSON string when present; any other type makes the token invalid. */
    private Optional<String> stringClaim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof jakarta.json.JsonString json) {
            return Optional.of(json.getString());
        }
        throw unauthenticated("The token's claim '" + name + "' must be a string");
    }

    private static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(PlatformProblem.UNAUTHENTICATED, detail);
    }
}
