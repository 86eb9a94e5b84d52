package org.sanyi.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void isAVersion7UuidCarryingItsMillisecond() {
        long millis = 1_796_601_600_123L;
        UUID id = TimeOrderedIds.at(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsTextAndAsUuids() {
        UUID earlier = TimeOrderedIds.at(1_796_601_600_000L);
        UUID later = TimeOrderedIds.at(1_796_601_600_001L);

        assertThat(later.toString()).isGreaterThan(earlier.toString());
        // PostgreSQL orders uuid values as unsigned bytes, which the text order above is.
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits()))
                .isPositive();
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(1_796_601_600_000L));
        }
        assertThat(ids).hasSize(10_000);
    }
}
