package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void readsUserAndSystemTicksEvenWithSpacesInTheCommandName() {
        String stat = "4242 (postgres: idle (x)) S 1 4242 4242 0 -1 4194560 500 0 0 0 1500 250 0 0 20 0 1 0 100 "
                + "300000000 5000 18446744073709551615";

        assertThat(ProcessCpu.cpuTicks(stat)).isEqualTo(1750);
        assertThat(ProcessCpu.command(stat)).isEqualTo("postgres: idle (x)");
    }

    @Test
    void namesTheStacksProcesses() {
        assertThat(ProcessCpu.classify(7, 7, "java", "")).isEqualTo(ProcessCpu.SELF);
        assertThat(ProcessCpu.classify(
                        8, 7, "java", "java -Xmx256m -jar /work/main/services/referral-service/target/quarkus-app/"))
                .isEqualTo("referral-service");
        assertThat(ProcessCpu.classify(9, 7, "postgres", "postgres: postgres referral 127.0.0.1"))
                .isEqualTo("PostgreSQL");
        assertThat(ProcessCpu.classify(10, 7, "bash", "bash")).isEqualTo(ProcessCpu.OTHER);
    }

    @Test
    void machineBusyIsEverythingButIdleAndIowait() {
        long[] ticks = ProcessCpu.parseMachineTicks("cpu  100 0 50 800 50 0 0 0 0 0");

        assertThat(ticks).containsExactly(150, 1000);
    }

    @Test
    void coresUsedPerComponentBetweenSnapshots() {
        ProcessCpu.Snapshot before = new ProcessCpu.Snapshot(
                0, Map.of(1L, 100L, 2L, 50L), Map.of(1L, "referral-service", 2L, "PostgreSQL"), 0, 0);
        ProcessCpu.Snapshot after = new ProcessCpu.Snapshot(
                2_000_000_000L,
                Map.of(1L, 300L, 2L, 150L, 3L, 40L),
                Map.of(1L, "referral-service", 2L, "PostgreSQL", 3L, "PostgreSQL"),
                300,
                400);

        Map<String, Double> cores = ProcessCpu.coresUsed(before, after);

        assertThat(cores.keySet()).containsExactly("referral-service", "PostgreSQL", "");
        assertThat(cores.get("referral-service")).isCloseTo(1.0, within(1e-9));
        assertThat(cores.get("PostgreSQL")).isCloseTo(0.7, within(1e-9));
        assertThat(cores.get("")).isCloseTo(0.75, within(1e-9));
    }
}
