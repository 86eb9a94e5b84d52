package org.sanyi.platform.audit;

import java.util.Locale;
import org.sanyi.kernel.InstitutionCode;
import org.sanyi.platform.security.Caller;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.platform.security.Role;

/**
 * The service itself as the actor of an audit record, for work no caller asked for (expiry sweeps, clean-ups). Its
 * institution code carries the prefix {@link InstitutionCode#SYSTEM_ACTOR_PREFIX} that no caller's token may claim
 * ({@link CallerContext} refuses it), so a record under such a code is always the service's own; the subject names the
 * job.
 */
public final class SystemActor {

    private SystemActor() {}

    /** {@code referral-service} → {@code SANYI-REFERRAL-SERVICE}. */
    public static String institutionCode(String applicationName) {
        String normalised = applicationName
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("a system actor needs a service name");
        }
        return InstitutionCode.SYSTEM_ACTOR_PREFIX + normalised;
    }

    /** The caller recorded for {@code job} of the service {@code applicationName}. */
    public static Caller of(String applicationName, String job) {
        if (job == null || job.isBlank()) {
            throw new IllegalArgumentException("a system actor names its job");
        }
        return new Caller(institutionCode(applicationName), Role.PLATFORM_ADMIN, job);
    }
}
