package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void theMeasuredFlagsApplyUnlessTheVariableReplacesThem() {
        assertThat(ServiceProcess.jvmOptions(null)).isSameAs(ServiceProcess.JVM_OPTIONS);
        assertThat(ServiceProcess.jvmOptions("  ")).isSameAs(ServiceProcess.JVM_OPTIONS);
        assertThat(ServiceProcess.jvmOptions(" -Xmx512m   -XX:+UseG1GC ")).containsExactly("-Xmx512m", "-XX:+UseG1GC");
    }

    @Test
    void theFlagsComeBeforeTheJar() {
        List<String> command =
                ServiceProcess.command(Path.of("app", "quarkus-run.jar"), List.of("-XX:SharedArchiveFile=a.jsa"));

        assertThat(command.subList(command.size() - 2, command.size()))
                .containsExactly("-jar", Path.of("app", "quarkus-run.jar").toString());
        assertThat(command.indexOf("-jar")).isGreaterThan(command.indexOf("-XX:+UseSerialGC"));
        assertThat(command.indexOf("-jar")).isGreaterThan(command.indexOf("-XX:SharedArchiveFile=a.jsa"));
    }
}
