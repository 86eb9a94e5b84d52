package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandArgumentsTest {

    private static final Set<String> VALUES = Set.of("--org", "--role");
    private static final Set<String> FLAGS = Set.of("-d");

    @Test
    void readsValuesInBothSpellingsAndFlags() {
        CommandArguments parsed =
                CommandArguments.parse(List.of("--org", "HOSP-1", "--role=insurer", "-d"), VALUES, FLAGS);

        assertThat(parsed.required("--org")).isEqualTo("HOSP-1");
        assertThat(parsed.value("--role")).contains("insurer");
        assertThat(parsed.has("-d")).isTrue();
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> CommandArguments.parse(List.of("--bogus"), VALUES, FLAGS))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> CommandArguments.parse(List.of("--org"), VALUES, FLAGS))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(
                        () -> CommandArguments.parse(List.of(), VALUES, FLAGS).required("--org"))
                .hasMessageContaining("--org is required");
    }

    @Test
    void aRepeatableOptionKeepsEveryValueInOrderWhileOthersMayBeGivenOnce() {
        CommandArguments parsed = CommandArguments.parse(
                List.of("--audience", "a-service", "--org", "X1", "--audience=b-service"),
                VALUES,
                Set.of("--audience"),
                FLAGS);

        assertThat(parsed.values("--audience")).containsExactly("a-service", "b-service");
        assertThat(parsed.values("--role")).isEmpty();
        assertThatThrownBy(() -> CommandArguments.parse(
                        List.of("--org", "X1", "--org", "X2"), VALUES, Set.of("--audience"), FLAGS))
                .hasMessageContaining("--org is given twice");
    }
}
