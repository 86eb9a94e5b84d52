package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanyi.kernel.ResidentIdNumber;

class SyntheticPersonsTest {

    @Test
    void everyNumberPassesTheServicesCheckAndIsReservedForCentenarians() {
        Set<String> seen = new HashSet<>();
        for (long n : new long[] {0, 1, 7, 8, 31, 32, 99_999, 100_000, SyntheticPersons.CAPACITY - 1}) {
            String number = SyntheticPersons.residentId(n);
            ResidentIdNumber parsed = ResidentIdNumber.parse(number);

            assertThat(parsed.value()).isEqualTo(number);
            assertThat(SyntheticPersons.REGIONS).contains(parsed.regionCode());
            assertThat(Integer.parseInt(number.substring(14, 17))).isBetween(996, 999);
            assertThat(parsed.birthDate()).isBetween(LocalDate.of(1930, 1, 1), LocalDate.of(2005, 12, 31));
            assertThat(seen.add(number)).as("distinct").isTrue();
        }
    }

    @Test
    void consecutivePersonsAreDistinctAndNeverTheDemoPatientsCounty() {
        Set<String> numbers = new HashSet<>();
        for (long n = 0; n < 20_000; n++) {
            numbers.add(SyntheticPersons.residentId(n));
        }
        assertThat(numbers).hasSize(20_000).noneMatch(number -> number.startsWith("350921"));
        assertThat(SyntheticPersons.residentId(12345)).isEqualTo(SyntheticPersons.residentId(12345));
        assertThat(SyntheticPersons.personId(12345)).isEqualTo(SyntheticPersons.personId(12345));
        assertThat(SyntheticPersons.personId(1)).isNotEqualTo(SyntheticPersons.personId(2));
    }

    @Test
    void onePersonPerHundredResults() {
        assertThat(SyntheticPersons.forResults(10_000_000)).isEqualTo(100_000);
        assertThat(SyntheticPersons.forResults(101)).isEqualTo(2);
        assertThat(SyntheticPersons.forResults(1)).isEqualTo(1);
        assertThat(SyntheticPersons.CAPACITY).isGreaterThan(800_000);
        assertThatThrownBy(() -> SyntheticPersons.forResults(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticPersons.residentId(SyntheticPersons.CAPACITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticPersons.residentId(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
