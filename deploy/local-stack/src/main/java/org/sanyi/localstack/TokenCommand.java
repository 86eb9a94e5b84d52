package org.sanyi.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.sanyi.tokens.TokenContract;
import org.sanyi.tokens.TokenRequest;
import org.sanyi.tokens.TokenSigner;

/** {@code token}: prints a signed JWT that the locally running services accept. */
public final class TokenCommand implements LauncherCommand {

    static final String DEFAULT_SUBJECT = "local-user";
    static final int DEFAULT_TTL_MINUTES = (int) TokenContract.DEFAULT_LIFETIME.toMinutes();
    static final int MAX_TTL_MINUTES = (int) TokenContract.MAX_LIFETIME.toMinutes();

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String usage() {
        return "token --org CODE --role ROLE [--subject S] [--audience SERVICE]... [--ttl-minutes N]";
    }

    @Override
    public String summary() {
        return "print a signed JWT for every service, or the --audience ones (roles: "
                + String.join(", ", TokenContract.ROLES) + "; at most " + MAX_TTL_MINUTES + " min)";
    }

    @Override
    public int run(List<String> arguments, StackContext context) throws Exception {
        TokenRequest request = request(arguments, context.services());
        KeyMaterial keys = KeyMaterial.ensure(context.layout().keys());
        keys.notes().forEach(System.err::println);
        if (keys.generated()) {
            System.err.println("Generated new keys in "
                    + context.layout().display(context.layout().keys())
                    + "; services started before must be restarted to accept this token.");
        }
        // Only the token on stdout, so that TOKEN=$(./sanyi token ...) works.
        System.out.println(new TokenSigner(keys.privateKey()).signValid(request));
        return 0;
    }

    /** The claims the options ask for, checked against the contract the services enforce. */
    static TokenRequest request(List<String> arguments, List<ServiceDefinition> services) {
        CommandArguments parsed = CommandArguments.parse(
                arguments, Set.of("--org", "--role", "--subject", "--ttl-minutes"), Set.of("--audience"), Set.of());
        List<String> known = services.stream().map(ServiceDefinition::name).toList();
        List<String> audiences = parsed.values("--audience");
        for (String audience : audiences) {
            if (!known.contains(audience)) {
                throw new UsageException("Unknown service '" + audience + "' for --audience. Services: "
                        + String.join(", ", known) + ".");
            }
        }
        TokenRequest request = new TokenRequest(
                parsed.required("--org"),
                parsed.required("--role"),
                parsed.value("--subject").orElse(DEFAULT_SUBJECT),
                audiences.isEmpty() ? known : audiences.stream().distinct().toList(),
                Duration.ofMinutes(
                        parseTtl(parsed.value("--ttl-minutes").orElse(String.valueOf(DEFAULT_TTL_MINUTES)))));
        List<String> violations = TokenContract.violations(request);
        if (!violations.isEmpty()) {
            throw new UsageException("The services would refuse this token: " + String.join("; ", violations) + ".");
        }
        return request;
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
        throw new UsageException("--ttl-minutes must be a whole number from 1 to " + MAX_TTL_MINUTES
                + " (the services refuse tokens living longer than " + MAX_TTL_MINUTES / 60 + " hours).");
    }
}
