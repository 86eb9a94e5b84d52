package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseWorkTest {

    @Test
    void countsCallsAndExecutionTimePerUnitBetweenTwoSnapshots() {
        DatabaseWork.Snapshot before = new DatabaseWork.Snapshot(
                10, 1_000, Map.of("select a", 100L, "insert b", 5L), Map.of("select a", 50.0, "insert b", 10.0));
        DatabaseWork.Snapshot after = new DatabaseWork.Snapshot(
                30,
                5_000,
                Map.of("select a", 300L, "insert b", 105L, "select  c\n from d", 10L),
                Map.of("select a", 250.0, "insert b", 410.0, "select  c\n from d", 20.0));

        DatabaseWork.PerCreate perUnit = DatabaseWork.perCreate(before, after, 100);

        assertThat(perUnit.commits()).isEqualTo(0.2);
        assertThat(perUnit.walBytes()).isEqualTo(40.0);
        assertThat(perUnit.statements()).isEqualTo(3.1);
        assertThat(perUnit.topStatements()).first().asString().contains("2.000  select a");
        assertThat(perUnit.slowestStatements())
                .containsExactly(
                        " 4.000 ms (4.000 ms a call)  insert b",
                        " 2.000 ms (1.000 ms a call)  select a",
                        " 0.200 ms (2.000 ms a call)  select c from d");
    }

    @Test
    void withoutStatementTimesThereIsNoSlowestList() {
        DatabaseWork.Snapshot before = new DatabaseWork.Snapshot(0, 0, Map.of("q", 1L));
        DatabaseWork.Snapshot after = new DatabaseWork.Snapshot(1, 0, Map.of("q", 2L));

        assertThat(DatabaseWork.perCreate(before, after, 1).slowestStatements()).isEmpty();
    }
}
