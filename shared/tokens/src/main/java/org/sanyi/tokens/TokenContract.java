package org.sanyi.tokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sanyi.kernel.InstitutionCode;

/**
 * What a token must carry for the services to accept it, in one place for the tests and the local-stack launcher:
 * issuer {@value #ISSUER}; {@code aud} naming the service called (each service checks its own
 * {@code quarkus.application.name}); a non-blank {@code sub}; exactly one known role in {@code groups}; an
 * institution code in {@code org}; and at most {@link #MAX_LIFETIME} from {@code iat} to {@code exp}.
 */
public final class TokenContract {

    public static final String ISSUER = "sanyi-exchange";
    public static final String INSTITUTION_CLAIM = "org";
    public static final String GROUPS_CLAIM = "groups";

    public static final String HOSPITAL = "hospital";
    public static final String INSURER = "insurer";
    public static final String REGULATOR = "regulator";
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final List<String> ROLES = List.of(HOSPITAL, INSURER, REGULATOR, PLATFORM_ADMIN);

    /** The services' {@code smallrye.jwt.time-to-live}: a working shift. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(8);

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);

    private TokenContract() {}

    public static boolean isKnownRole(String role) {
        return ROLES.contains(role);
    }

    /** Why the services would refuse a token minted from this request; empty when they accept it. */
    public static List<String> violations(TokenRequest request) {
        List<String> violations = new ArrayList<>();
        if (request.subject().isBlank()) {
            violations.add("the subject (sub) is blank");
        }
        if (!isKnownRole(request.role())) {
            violations.add("unknown role '" + request.role() + "' (known: " + String.join(", ", ROLES) + ")");
        }
        if (!InstitutionCode.isValid(request.institutionCode())) {
            violations.add(
                    "'" + request.institutionCode() + "' is not an institution code (" + InstitutionCode.PATTERN + ")");
        }
        if (InstitutionCode.isSystemActor(request.institutionCode())) {
            violations.add("'" + request.institutionCode() + "' is reserved for the exchange's own system actors ("
                    + InstitutionCode.SYSTEM_ACTOR_PREFIX + "…)");
        }
        if (request.audiences().isEmpty()) {
            violations.add("no audience (aud): name at least one service");
        } else if (request.audiences().stream().anyMatch(String::isBlank)) {
            violations.add("a blank audience (aud)");
        }
        if (request.lifetime().isNegative()
                || request.lifetime().isZero()
                || request.lifetime().compareTo(MAX_LIFETIME) > 0) {
            violations.add("lifetime " + request.lifetime().toMinutes() + " min; the services accept 1 s to "
                    + MAX_LIFETIME.toMinutes() + " min");
        }
        return List.copyOf(violations);
    }
}
