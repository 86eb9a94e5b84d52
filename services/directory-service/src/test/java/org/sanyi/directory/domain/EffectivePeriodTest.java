package org.sanyi.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EffectivePeriodTest {

    private static final LocalDate JAN_2023 = LocalDate.of(2023, 1, 1);
    private static final LocalDate JAN_2024 = LocalDate.of(2024, 1, 1);
    private static final LocalDate JAN_2025 = LocalDate.of(2025, 1, 1);

    @Test
    void theEndIsExclusive() {
        EffectivePeriod year2023 = new EffectivePeriod(JAN_2023, JAN_2024);

        assertThat(year2023.contains(JAN_2023)).isTrue();
        assertThat(year2023.contains(JAN_2024.minusDays(1))).isTrue();
        assertThat(year2023.contains(JAN_2024)).isFalse();
        assertThat(year2023.contains(JAN_2023.minusDays(1))).isFalse();
    }

    @Test
    void periodsThatTouchDoNotOverlap() {
        assertThat(new EffectivePeriod(JAN_2023, JAN_2024).overlaps(new EffectivePeriod(JAN_2024, null)))
                .isFalse();
        assertThat(new EffectivePeriod(JAN_2024, null).overlaps(new EffectivePeriod(JAN_2023, JAN_2024)))
                .isFalse();
    }

    @Test
    void openEndedPeriodsOverlapEverythingAfterTheirStart() {
        assertThat(new EffectivePeriod(JAN_2023, null).overlaps(new EffectivePeriod(JAN_2025, null)))
                .isTrue();
        assertThat(new EffectivePeriod(JAN_2023, null).overlaps(new EffectivePeriod(JAN_2024, JAN_2025)))
                .isTrue();
        assertThat(new EffectivePeriod(JAN_2024, JAN_2025).overlaps(new EffectivePeriod(JAN_2023, null)))
                .isTrue();
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        assertThat(new EffectivePeriod(JAN_2024, JAN_2024).isValid()).isFalse();
        assertThat(new EffectivePeriod(JAN_2024, JAN_2023).isValid()).isFalse();
        assertThat(new EffectivePeriod(JAN_2024, null).isValid()).isTrue();
    }
}
