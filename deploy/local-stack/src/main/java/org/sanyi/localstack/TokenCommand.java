package org.sanyi.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code token}: prints a signed JWT that the locally running services accept. */
public final class TokenCommand implements LauncherCommand {

    static final String DEFAULT_SUBJECT = "local-user";
    static final int DEFAULT_TTL_MINUTES = 60;
    private static final int MAX_TTL_MINUTES = 7 * 24 * 60;

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String usage() {
        return "token --org CODE --role ROLE [--subject S] [--ttl-minutes N]";
    }

    @Override
    public String summary() {
        return "print a signed JWT (roles: " + String.join(", ", TokenMinter.ROLES) + ")";
    }

    @Override
    public int run(List<String> arguments, StackContext context) throws Exception {
        CommandArguments parsed =
                CommandArguments.parse(arguments, Set.of("--org", "--role", "--subject", "--ttl-minutes"), Set.of());
        String institution = parsed.required("--org");
        String role = parsed.required("--role");
        if (!TokenMinter.isKnownRole(role)) {
            throw new UsageException(
                    "Unknown role '" + role + "'. Known roles: " + String.join(", ", TokenMinter.ROLES) + ".");
        }
        String subject = parsed.value("--subject").orElse(DEFAULT_SUBJECT);
        int ttlMinutes = parseTtl(parsed.value("--ttl-minutes").orElse(String.valueOf(DEFAULT_TTL_MINUTES)));

        KeyMaterial keys = KeyMaterial.ensure(context.layout().keys());
        if (keys.generated()) {
            System.err.println("Generated new keys in "
                    + context.layout().display(context.layout().keys())
                    + "; services started before must be restarted to accept this token.");
        }
        // Only the token on stdout, so that TOKEN=$(./sanyi token ...) works.
        System.out.println(
                new TokenMinter(keys.privateKey()).mint(institution, role, subject, Duration.ofMinutes(ttlMinutes)));
        return 0;
    }

    private static int parseTtl(String raw) {
        try {
            int minutes = Integer.parseInt(raw);
            if (minutes >= 1 && minutes <= MAX_TTL_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--ttl-minutes must be a whole number from 1 to " + MAX_TTL_MINUTES + ".");
    }
}
