package org.sanyi.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanyi.directory.application.ExpectedVersion;
import org.sanyi.platform.problem.ApiProblem;

class IfMatchTest {

    @Test
    void readsStrongWeakBareAndListedEtags() {
        assertThat(IfMatch.parse("\"3\"")).isEqualTo(ExpectedVersion.oneOf(Set.of(3L)));
        assertThat(IfMatch.parse("W/\"3\"")).isEqualTo(ExpectedVersion.oneOf(Set.of(3L)));
        assertThat(IfMatch.parse("3")).isEqualTo(ExpectedVersion.oneOf(Set.of(3L)));
        assertThat(IfMatch.parse("\"3\", \"4\"")).isEqualTo(ExpectedVersion.oneOf(Set.of(3L, 4L)));
        assertThat(IfMatch.parse("*")).isEqualTo(ExpectedVersion.ANY_EXISTING);
        assertThat(IfMatch.parse(null)).isEqualTo(ExpectedVersion.NONE);
        assertThat(IfMatch.parse(" ")).isEqualTo(ExpectedVersion.NONE);
    }

    @Test
    void refusesTagsThatAreNotVersions() {
        assertThatThrownBy(() -> IfMatch.parse("\"abc\""))
                .isInstanceOf(ApiProblem.class)
                .extracting(e -> ((ApiProblem) e).problemType().code())
                .isEqualTo("DIR-0012");
    }

    @Test
    void expectedVersionsCompareWithTheCurrentOne() {
        ExpectedVersion three = IfMatch.parse("\"3\"");

        three.check("institution X", Optional.of(3L));
        assertThatThrownBy(() -> three.check("institution X", Optional.of(4L)))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("current version is 4");
        assertThatThrownBy(() -> three.check("institution X", Optional.empty()))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("does not exist yet");
        ExpectedVersion.NONE.check("institution X", Optional.empty());
    }
}
