package org.sanyi.localstack.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sanyi.kernel.ResidentIdNumber;

class SyntheticResidentIdsTest {

    @Test
    void computesTheCheckCharacterOfKnownNumbers() {
        // The example of GB 11643-1999 itself, whose check character is X.
        assertThat(SyntheticResidentIds.checkCharacter("11010519491231002")).isEqualTo('X');
        // The OpenAPI examples of the referral service.
        assertThat(SyntheticResidentIds.checkCharacter("35092119580312002")).isEqualTo('7');
        assertThat(SyntheticResidentIds.hasValidCheckCharacter("350921195803120027"))
                .isTrue();
        assertThat(SyntheticResidentIds.hasValidCheckCharacter("11010519491231002x"))
                .isTrue();
        assertThat(SyntheticResidentIds.hasValidCheckCharacter("350921195803120028"))
                .isFalse();
    }

    @Test
    void buildsNumbersWithReservedSequenceCodesThatTheServicesAccept() {
        String number = SyntheticResidentIds.of("350921", LocalDate.of(1958, 3, 12), 3);

        assertThat(number).hasSize(18).startsWith("35092119580312999");
        assertThat(SyntheticResidentIds.hasValidCheckCharacter(number)).isTrue();
        // The services' own parser (sanyi-kernel) accepts it.
        assertThat(ResidentIdNumber.parse(number).birthDate()).isEqualTo(LocalDate.of(1958, 3, 12));
    }

    @Test
    void everyReservedSequenceAndManyDatesPassTheKernelCheck() {
        LocalDate date = LocalDate.of(1930, 1, 1);
        for (int day = 0; day < 2000; day += 7) {
            for (int sequence = 0; sequence < SyntheticResidentIds.RESERVED_SEQUENCES; sequence++) {
                String number = SyntheticResidentIds.of("350982", date.plusDays(day), sequence);
                assertThat(ResidentIdNumber.parse(number).value()).isEqualTo(number);
                assertThat(number.substring(14, 17)).isEqualTo(String.valueOf(996 + sequence));
            }
        }
    }

    @Test
    void refusesWhatCannotMakeANumber() {
        assertThatThrownBy(() -> SyntheticResidentIds.of("35092", LocalDate.of(1958, 3, 12), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticResidentIds.of("350921", LocalDate.of(1958, 3, 12), 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticResidentIds.checkCharacter("1234"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
