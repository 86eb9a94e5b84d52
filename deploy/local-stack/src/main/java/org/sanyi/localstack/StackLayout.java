package org.sanyi.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is and where the local stack keeps its data, keys, logs and run files. */
public final class StackLayout {

    public static final String QUARKUS_RUN_JAR = "quarkus-run.jar";

    private final Path repositoryRoot;
    private final Path home;

    public StackLayout(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        this.home = this.repositoryRoot.resolve(".sanyi");
    }

    /**
     * The repository that holds this launcher: found from the jar's location, so the launcher works from any
     * working directory; {@code SANYI_HOME} overrides it.
     */
    public static StackLayout locate() {
        String override = System.getenv("SANYI_HOME");
        if (override != null && !override.isBlank()) {
            return new StackLayout(Path.of(override));
        }
        try {
            Path codeLocation = Path.of(SanyiLauncher.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            for (Path candidate = codeLocation; candidate != null; candidate = candidate.getParent()) {
                if (Files.isRegularFile(candidate.resolve("pom.xml"))
                        && Files.isDirectory(candidate.resolve("deploy/local-stack"))) {
                    return new StackLayout(candidate);
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Fall through to the working directory.
        }
        return new StackLayout(Path.of(""));
    }

    public Path repositoryRoot() {
        return repositoryRoot;
    }

    public Path home() {
        return home;
    }

    public Path kafkaData() {
        return home.resolve("kafka");
    }

    public Path postgresData() {
        return home.resolve("postgres");
    }

    public Path keys() {
        return home.resolve("keys");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public Path launcherPidFile() {
        return run().resolve("launcher.pid");
    }

    /** Written once the stack is ready; removed when it stops. */
    public Path stackStateFile() {
        return run().resolve("stack.properties");
    }

    public Path servicePidFile(String serviceName) {
        return run().resolve(serviceName + ".pid");
    }

    public Path serviceLog(String serviceName) {
        return logs().resolve(serviceName + ".log");
    }

    public Path launcherLog() {
        return logs().resolve("launcher.log");
    }

    public Path serviceModule(String serviceName) {
        return repositoryRoot.resolve("services").resolve(serviceName);
    }

    /** What the build produced: {@code services/<name>/target/quarkus-app}. */
    public Path serviceBuiltApplication(String serviceName) {
        return serviceModule(serviceName).resolve("target/quarkus-app");
    }

    /** Present when the service is built. */
    public Path serviceRunJar(String serviceName) {
        return serviceBuiltApplication(serviceName).resolve(QUARKUS_RUN_JAR);
    }

    /**
     * The copy of the built application that {@code up} makes and the service runs from, so that a build replacing
     * the jars in {@code target/} cannot pull them from under the running JVM.
     */
    public Path serviceApplicationCopy(String serviceName) {
        return run().resolve("app").resolve(serviceName);
    }

    /** The service's class-data sharing archive ({@link ClassArchive}), kept beside its application copy. */
    public Path serviceClassArchive(String serviceName) {
        return run().resolve("cds").resolve(serviceName + ".jsa");
    }

    /** A path as the user should read it: relative to the repository root when inside it. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(repositoryRoot)
                ? repositoryRoot.relativize(absolute).toString()
                : absolute.toString();
    }
}
