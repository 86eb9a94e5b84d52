package org.sanyi.localstack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanyi.kernel.PatientPseudonymizer;
import org.sanyi.tokens.TokenSigner;

/**
 * The running local stack as a client command (demo, bench) sees it: the services' addresses once the ones the
 * command needs answer ready, Kafka's address, a token signer with the stack's own key and the services a token is
 * for, the stack's patient pseudonymizer (for a bench that writes to a service's database directly), and the pids of
 * its processes.
 */
record LiveStack(
        ServiceDefinition directory,
        ServiceDefinition referral,
        ServiceDefinition result,
        ServiceDefinition imaging,
        String kafkaBootstrapServers,
        TokenSigner tokenSigner,
        List<String> tokenAudiences,
        Map<Long, String> componentsByPid,
        StackSettings settings,
        Map<String, Long> readyMillisByService,
        PatientPseudonymizer pseudonymizer) {

    static final String DIRECTORY_SERVICE = "directory-service";
    static final String REFERRAL_SERVICE = "referral-service";
    static final String RESULT_SERVICE = "result-service";
    static final String IMAGING_SERVICE = "imaging-service";

    /** Exit code when the stack is not running, as for {@code status}. */
    static final int NOT_RUNNING = 3;

    /** The stack is not (fully) up; the message says what to do. */
    static final class NotReadyException extends Exception {
        NotReadyException(String message) {
            super(message);
        }
    }

    /** The stack with directory-service and referral-service ready (what {@code bench referrals} needs). */
    static LiveStack connect(StackContext context) throws Exception {
        return connect(context, List.of(DIRECTORY_SERVICE, REFERRAL_SERVICE));
    }

    /**
     * The stack with every service of {@code needed} ready.
     *
     * @throws NotReadyException when one of them does not answer ready, naming it
     */
    static LiveStack connect(StackContext context, List<String> needed) throws Exception {
        StackLayout layout = context.layout();
        ServiceDefinition directory = service(context, DIRECTORY_SERVICE);
        ServiceDefinition referral = service(context, REFERRAL_SERVICE);
        ServiceDefinition result = service(context, RESULT_SERVICE);
        ServiceDefinition imaging = service(context, IMAGING_SERVICE);
        HealthProbe probe = new HealthProbe();
        for (String name : needed) {
            ServiceDefinition service = service(context, name);
            HealthProbe.Answer ready = probe.ready(service);
            if (!ready.ok()) {
                throw new NotReadyException(service.name() + " is not ready at " + service.baseUrl()
                        + (ready.status() > 0 ? " (HTTP " + ready.status() + " from /q/health/ready)" : "")
                        + ". Start the stack with ./sanyi up -d (./sanyi status shows what runs; logs in "
                        + layout.display(layout.logs()) + ").");
            }
        }
        Optional<StackState> state = StackState.read(layout.stackStateFile());
        StackSettings settings =
                state.map(known -> known.applyTo(context.settings())).orElse(context.settings());
        Map<String, Long> readyMillis = new LinkedHashMap<>();
        for (ServiceDefinition service : context.services()) {
            state.flatMap(known -> known.readyMillis(service.name()))
                    .ifPresent(millis -> readyMillis.put(service.name(), millis));
        }
        // Never generate keys here: services started with other keys would refuse every token.
        if (!java.nio.file.Files.isRegularFile(layout.keys().resolve(KeyMaterial.PRIVATE_KEY_FILE))) {
            throw new NotReadyException("No signing key in " + layout.display(layout.keys())
                    + "; the running services were not started by ./sanyi up from this repository.");
        }
        KeyMaterial keys = KeyMaterial.ensure(layout.keys());
        keys.notes().forEach(System.err::println);

        Map<Long, String> pids = new LinkedHashMap<>();
        pid(PidFiles.liveProcess(layout.launcherPidFile(), SanyiLauncher.MARKER))
                .ifPresent(pid -> pids.put(pid, "launcher + Kafka broker"));
        for (ServiceDefinition service : context.services()) {
            pid(PidFiles.liveProcess(layout.servicePidFile(service.name()), "quarkus-run.jar"))
                    .ifPresent(pid -> pids.put(pid, service.name()));
        }
        return new LiveStack(
                directory,
                referral,
                result,
                imaging,
                settings.kafkaBootstrapServers(),
                new TokenSigner(keys.privateKey()),
                context.services().stream().map(ServiceDefinition::name).toList(),
                pids,
                settings,
                readyMillis,
                PatientPseudonymizer.fromBase64(keys.pseudonymKeyBase64()));
    }

    URI directoryBase() {
        return URI.create(directory.baseUrl());
    }

    URI referralBase() {
        return URI.create(referral.baseUrl());
    }

    URI resultBase() {
        return URI.create(result.baseUrl());
    }

    URI imagingBase() {
        return URI.create(imaging.baseUrl());
    }

    /** JDBC URL of one of the stack's databases; the stack's superuser is {@link LocalPostgres#USERNAME}. */
    String jdbcUrl(String database) {
        return settings.jdbcUrl(database);
    }

    /** The work PostgreSQL does for a service's database, read as the stack's superuser. */
    org.sanyi.localstack.bench.DatabaseWork databaseWork(String database) {
        return new org.sanyi.localstack.bench.DatabaseWork(
                settings.jdbcUrl("postgres"), database, LocalPostgres.USERNAME, LocalPostgres.PASSWORD);
    }

    /** The process id of a running component, as named in {@code componentsByPid}. */
    Optional<Long> pidOf(String component) {
        return componentsByPid.entrySet().stream()
                .filter(entry -> entry.getValue().equals(component))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The JVM options a running service was started with, as its process reports them. */
    Optional<String> jvmOptionsOf(String serviceName) {
        return componentsByPid.entrySet().stream()
                .filter(entry -> entry.getValue().equals(serviceName))
                .findFirst()
                .flatMap(entry -> ProcessHandle.of(entry.getKey()))
                .flatMap(process -> process.info().arguments())
                .map(arguments -> String.join(
                        " ",
                        java.util.Arrays.stream(arguments)
                                .takeWhile(argument -> !argument.equals("-jar"))
                                .toList()));
    }

    private static ServiceDefinition service(StackContext context, String name) throws NotReadyException {
        return context.services().stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NotReadyException(name + " is not in services.list"));
    }

    private static Optional<Long> pid(Optional<ProcessHandle> process) {
        return process.map(ProcessHandle::pid);
    }
}
