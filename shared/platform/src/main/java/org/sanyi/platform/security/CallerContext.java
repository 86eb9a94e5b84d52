package org.sanyi.platform.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;

/**
 * The one question services ask about security: who is calling, for which institution. The token is verified by
 * SmallRye JWT before this runs; here its claims become a {@link Caller}.
 */
@RequestScoped
public class CallerContext {

    /** Claim carrying the calling institution's directory code. */
    public static final String INSTITUTION_CLAIM = "org";

    /** Header in which a caller states why it reads patient data (HL7 PurposeOfUse code); recorded in the audit. */
    public static final String PURPOSE_HEADER = "X-Purpose-Of-Use";

    public static final String DEFAULT_PURPOSE = "TREAT";

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

    public boolean hasRole(Role... roles) {
        return Arrays.asList(roles).contains(role());
    }

    /** 403 unless the caller acts in one of {@code roles}. */
    public Caller requireRole(Role... roles) {
        if (!hasRole(roles)) {
            throw new ApiProblem(
                    PlatformProblem.FORBIDDEN,
                    "This operation needs the role " + claimValues(roles) + ", not " + role().claimValue());
        }
        return caller();
    }

    /** 403 unless the caller is one of the named institutions. */
    public Caller requireInstitution(Set<String> allowedInstitutions, String what) {
        if (!allowedInstitutions.contains(institutionCode())) {
            throw new ApiProblem(PlatformProblem.FORBIDDEN, "Institution " + institutionCode() + " may not " + what);
        }
        return caller();
    }

    /** The declared purpose of use, {@value #DEFAULT_PURPOSE} when the caller states none. */
    public String purposeOfUse() {
        String purpose = request == null ? null : request.getHeader(PURPOSE_HEADER);
        return purpose == null || purpose.isBlank() ? DEFAULT_PURPOSE : purpose.trim();
    }

    private Caller fromToken() {
        if (token == null || token.getRawToken() == null) {
            throw new ApiProblem(PlatformProblem.UNAUTHENTICATED, "Send a valid bearer token");
        }
        String institution = token.getClaim(INSTITUTION_CLAIM);
        if (institution == null || institution.isBlank()) {
            throw new ApiProblem(PlatformProblem.UNAUTHENTICATED, "The token names no institution (claim 'org')");
        }
        Role role = token.getGroups().stream()
                .map(Role::fromClaim)
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElseThrow(() -> new ApiProblem(PlatformProblem.FORBIDDEN, "The token carries no known role"));
        return new Caller(institution, role, token.getSubject());
    }

    private static String claimValues(Role... roles) {
        return String.join(" or ", Arrays.stream(roles).map(Role::claimValue).toList());
    }
}
