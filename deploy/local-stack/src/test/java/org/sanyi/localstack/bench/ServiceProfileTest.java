package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile of a JVM that spends its time in one known method names that method and its package first. */
class ServiceProfileTest {

    @Test
    void samplesFallOnTheBusyMethod(@TempDir Path folder) throws Exception {
        ServiceProfile profile = ServiceProfile.start(ProcessHandle.current().pid(), folder.resolve("self.jfr"));
        long deadline = System.nanoTime() + 2_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            sink += Busy.spin();
        }
        Path recording = profile.stop();

        ServiceProfile.Samples samples = ServiceProfile.samples(recording);
        assertThat(sink).isNotZero();
        assertThat(samples.total()).isPositive();
        assertThat(samples.topMethods(3))
                .extracting(java.util.Map.Entry::getKey)
                .anyMatch(method -> method.endsWith("Busy.spin"));
        assertThat(samples.topPackages(3))
                .extracting(java.util.Map.Entry::getKey)
                .contains("org.sanyi.localstack.bench");
    }

    static final class Busy {
        static long spin() {
            long x = 1;
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            return x;
        }
    }
}
