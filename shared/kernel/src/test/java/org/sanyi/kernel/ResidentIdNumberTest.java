package org.sanyi.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    /** 2024-06-15 12:00 in China. */
    private static final Clock JUNE_15_2024 = Clock.fixed(Instant.parse("2024-06-15T04:00:00Z"), ZoneOffset.UTC);

    private static final String NINGDE_JIAOCHENG = "350902";

    @Test
    void acceptsAValidNumberAndExposesRegionAndBirthDate() {
        String value = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(1987, 3, 9), "123");

        ResidentIdNumber id = ResidentIdNumber.parse(value, JUNE_15_2024);

        assertThat(id.value()).isEqualTo(value);
        assertThat(id.regionCode()).isEqualTo("350902");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1987, 3, 9));
        assertThat(id.toIdentifier()).isEqualTo(new Identifier("urn:sanyi:id:cn-resident-id", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "001", "057", "318", "499", "762", "999"})
    void theProductionCheckCharacterAgreesWithTheDefinition(String sequence) {
        String first17 = SyntheticResidentIds.first17("350921", "20010228", sequence);

        assertThat(ResidentIdNumber.checkCharacter(first17)).isEqualTo(SyntheticResidentIds.checkCharacter(first17));
    }

    @Test
    void everyCheckCharacterValueOccursAndIsAccepted() {
        // Sequences 000-999 of one birth date reach all eleven check characters, including X.
        java.util.Set<Character> seen = new java.util.HashSet<>();
        for (int sequence = 0; sequence < 1000; sequence++) {
            String value =
                    SyntheticResidentIds.valid("350981", LocalDate.of(1975, 12, 31), String.format("%03d", sequence));
            assertThat(ResidentIdNumber.parse(value, JUNE_15_2024).value()).isEqualTo(value);
            seen.add(value.charAt(17));
        }
        assertThat(seen).containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }

    @Test
    void rejectsEveryWrongCheckCharacter() {
        String valid = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(1990, 1, 1), "456");
        for (char wrong : "0123456789X".toCharArray()) {
            if (wrong == valid.charAt(17)) {
                continue;
            }
            String mistyped = valid.substring(0, 17) + wrong;
            assertThatThrownBy(() -> ResidentIdNumber.parse(mistyped, JUNE_15_2024))
                    .isInstanceOf(InvalidIdentifierException.class)
                    .hasMessageContaining("check character");
        }
    }

    @Test
    void detectsASwapOfTwoAdjacentDigits() {
        String valid = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(1990, 1, 1), "456");
        String swapped = valid.substring(0, 15) + valid.charAt(16) + valid.charAt(15) + valid.charAt(17);

        assertThatThrownBy(() -> ResidentIdNumber.parse(swapped, JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("check character");
    }

    @Test
    void normalisesALowerCaseXAndSurroundingSpace() {
        String withX = SyntheticResidentIds.endingInX("350922", LocalDate.of(1968, 7, 20));
        String typed = "  " + withX.substring(0, 17) + "x ";

        assertThat(ResidentIdNumber.parse(typed, JUNE_15_2024).value()).isEqualTo(withX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19900230", "19900431", "19901301", "19900001", "19900100", "19000229", "20230229"})
    void rejectsImpossibleDates(String yyyymmdd) {
        String first17 = SyntheticResidentIds.first17(NINGDE_JIAOCHENG, yyyymmdd, "123");
        String value = first17 + SyntheticResidentIds.checkCharacter(first17);

        assertThatThrownBy(() -> ResidentIdNumber.parse(value, JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("not a real calendar date")
                .message()
                .doesNotContain(yyyymmdd);
    }

    @Test
    void acceptsTheTwentyNinthOfFebruaryInALeapYear() {
        String value = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(2000, 2, 29), "222");

        assertThat(ResidentIdNumber.parse(value, JUNE_15_2024).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void rejectsABirthDateInTheFutureJudgedInChina() {
        // 2024-06-15 04:00 UTC is already noon of the 15th in China, while UTC midnight of the 16th is still ahead.
        String tomorrowInChina = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(2024, 6, 16), "101");
        String todayInChina = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(2024, 6, 15), "101");

        assertThatThrownBy(() -> ResidentIdNumber.parse(tomorrowInChina, JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("in the future");
        assertThat(ResidentIdNumber.parse(todayInChina, JUNE_15_2024).birthDate())
                .isEqualTo(LocalDate.of(2024, 6, 15));
    }

    @Test
    void rejectsABirthDateAfterTodayWithTheSystemClock() {
        LocalDate nextYear = LocalDate.now(ResidentIdNumber.CHINA).plusYears(1);
        String value = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, nextYear, "101");

        assertThatThrownBy(() -> ResidentIdNumber.parse(value))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("in the future");
    }

    @Test
    void rejectsABirthDateBefore1900() {
        String value = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(1899, 12, 31), "101");

        assertThatThrownBy(() -> ResidentIdNumber.parse(value, JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("before 1900");
        assertThat(ResidentIdNumber.parse(
                                SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(1900, 1, 1), "101"),
                                JUNE_15_2024)
                        .birthDate())
                .isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 17, 19})
    void rejectsWrongLengthsIncludingTheOld15DigitNumbers(int length) {
        String valid = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(1990, 1, 1), "456");
        String value = length <= 18 ? valid.substring(0, length) : valid + "1";

        assertThatThrownBy(() -> ResidentIdNumber.parse(value, JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("18 characters")
                .hasMessageContaining("has " + length);
    }

    @Test
    void rejectsLettersAmongTheFirst17Characters() {
        String valid = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(1990, 1, 1), "456");
        String withLetter = valid.substring(0, 9) + "A" + valid.substring(10);

        assertThatThrownBy(() -> ResidentIdNumber.parse(withLetter, JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("position 10");
    }

    @Test
    void rejectsALastCharacterOtherThanADigitOrX() {
        String valid = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(1990, 1, 1), "456");

        assertThatThrownBy(() -> ResidentIdNumber.parse(valid.substring(0, 17) + "Y", JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("digit or X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "990101", "100101", "200101", "720101"})
    void rejectsRegionCodesOutsideTheProvinceList(String region) {
        String value = SyntheticResidentIds.valid(region, LocalDate.of(1990, 1, 1), "456");

        assertThatThrownBy(() -> ResidentIdNumber.parse(value, JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("province code");
    }

    @Test
    void rejectsBlankInput() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("  ", JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> ResidentIdNumber.parse(null, JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void messagesAndToStringNeverShowTheNumber() {
        String valid = SyntheticResidentIds.valid(NINGDE_JIAOCHENG, LocalDate.of(1983, 11, 5), "777");
        String wrongCheck = SyntheticResidentIds.withWrongCheck(valid);

        assertThatThrownBy(() -> ResidentIdNumber.parse(wrongCheck, JUNE_15_2024))
                .isInstanceOf(InvalidIdentifierException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("350" + "*".repeat(13) + wrongCheck.substring(16))
                        .doesNotContain(wrongCheck)
                        .doesNotContain(wrongCheck.substring(0, 17))
                        .doesNotContain("19831105"))
                .extracting(e -> ((InvalidIdentifierException) e).system())
                .isEqualTo("urn:sanyi:id:cn-resident-id");
        assertThat(ResidentIdNumber.parse(valid, JUNE_15_2024).toString())
                .doesNotContain(valid)
                .doesNotContain("19831105");
    }

    @Test
    void equalityFollowsTheNormalisedValue() {
        String withX = SyntheticResidentIds.endingInX("350982", LocalDate.of(1958, 4, 1));

        assertThat(ResidentIdNumber.parse(withX.toLowerCase(), JUNE_15_2024))
                .isEqualTo(ResidentIdNumber.parse(withX, JUNE_15_2024))
                .hasSameHashCodeAs(ResidentIdNumber.parse(withX, JUNE_15_2024));
    }
}
