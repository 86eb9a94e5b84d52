package org.sanyi.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatientIdentifiersTest {

    private static final String HEX64 = "0123456789abcdef".repeat(4);

    @Test
    void normalisesAResidentIdNumber() {
        String withX = SyntheticResidentIds.endingInX("350921", LocalDate.of(1979, 8, 8));

        Identifier normalised =
                PatientIdentifiers.normalise(PatientIdentifierSystem.RESIDENT_ID.identifier(withX.toLowerCase()));

        assertThat(normalised).isEqualTo(new Identifier("urn:sanyi:id:cn-resident-id", withX));
    }

    @Test
    void aResidentIdNumberWithAWrongCheckCharacterIsRejectedWithAMaskedMessage() {
        String wrong = SyntheticResidentIds.withWrongCheck(
                SyntheticResidentIds.valid("350982", LocalDate.of(1991, 2, 3), "135"));

        assertThatThrownBy(() -> PatientIdentifiers.normalise(PatientIdentifierSystem.RESIDENT_ID.identifier(wrong)))
                .isInstanceOf(InvalidIdentifierException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check character")
                .message()
                .doesNotContain(wrong)
                .doesNotContain("19910203");
    }

    @Test
    void upperCasesAnEHealthCardId() {
        Identifier normalised =
                PatientIdentifiers.normalise(PatientIdentifierSystem.E_HEALTH_CARD.identifier(" " + HEX64 + " "));

        assertThat(normalised.value()).isEqualTo(HEX64.toUpperCase()).hasSize(64);
        assertThat(normalised.system()).isEqualTo("urn:sanyi:id:cn-e-health-card");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0123456789ABCDEF",
                "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDE",
                "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEG",
                "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0"
            })
    void rejectsEHealthCardIdsThatAreNot64HexCharacters(String value) {
        assertThatThrownBy(() -> PatientIdentifiers.normalise(PatientIdentifierSystem.E_HEALTH_CARD.identifier(value)))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("64 hexadecimal characters")
                .message()
                .doesNotContain(value);
    }

    @Test
    void acceptsAnInsurancePersonCodeWithAProvincePrefix() {
        Identifier normalised = PatientIdentifiers.normalise(
                PatientIdentifierSystem.INSURANCE_PERSON_CODE.identifier("35000012345678901234"));

        assertThat(normalised.value()).isEqualTo("35000012345678901234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"35000012345", "3500001234567890123456789012345", "3500001234A678901234"})
    void rejectsInsurancePersonCodesOfTheWrongShape(String value) {
        assertThatThrownBy(() ->
                        PatientIdentifiers.normalise(PatientIdentifierSystem.INSURANCE_PERSON_CODE.identifier(value)))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("12 to 30 digits")
                .message()
                .doesNotContain(value);
    }

    @Test
    void rejectsAnInsurancePersonCodeWithoutAProvincePrefix() {
        assertThatThrownBy(() -> PatientIdentifiers.normalise(
                        PatientIdentifierSystem.INSURANCE_PERSON_CODE.identifier("99000012345678901234")))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("province code");
    }

    @Test
    void upperCasesAPassport() {
        Identifier normalised =
                PatientIdentifiers.normalise(PatientIdentifierSystem.PASSPORT.identifier("chn:e12345678"));

        assertThat(normalised.value()).isEqualTo("CHN:E12345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E12345678", "CHN:E1234:5678", "ZZZ:E12345678", "CN:E12345678", "CHN:E12", "CHN:E-1234567"})
    void rejectsMalformedPassports(String value) {
        assertThatThrownBy(() -> PatientIdentifiers.normalise(PatientIdentifierSystem.PASSPORT.identifier(value)))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("passport");
    }

    @Test
    void rejectsAnUnknownSystemAndNamesTheKnownOnes() {
        assertThatThrownBy(() -> PatientIdentifiers.normalise(new Identifier("urn:other", "123")))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("urn:other")
                .hasMessageContaining("urn:sanyi:id:cn-resident-id")
                .extracting(e -> ((InvalidIdentifierException) e).system())
                .isNull();
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> PatientIdentifiers.normalise(null)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void systemsHaveStableUris() {
        assertThat(PatientIdentifierSystem.values())
                .extracting(PatientIdentifierSystem::uri)
                .containsExactly(
                        "urn:sanyi:id:cn-resident-id",
                        "urn:sanyi:id:cn-e-health-card",
                        "urn:sanyi:id:cn-insurance-person-code",
                        "urn:sanyi:id:passport");
        assertThat(PatientIdentifierSystem.fromUri("urn:sanyi:id:passport")).contains(PatientIdentifierSystem.PASSPORT);
        assertThat(PatientIdentifierSystem.fromUri("urn:sanyi:id:nothing")).isEmpty();
    }
}
