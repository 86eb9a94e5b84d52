package org.sanyi.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @Test
    void identifierNeedsSystemAndValueAndTrimsThem() {
        assertThat(new Identifier(" urn:x ", " 42 ")).isEqualTo(new Identifier("urn:x", "42"));
        assertThatThrownBy(() -> new Identifier(" ", "42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system must not be blank");
        assertThatThrownBy(() -> new Identifier("urn:x", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must not be blank");
    }

    @Test
    void identifierToStringMasksTheValue() {
        Identifier identifier = new Identifier("urn:sanyi:id:passport", "CHN:E12345678");

        assertThat(identifier.toString())
                .contains("urn:sanyi:id:passport")
                .contains("CHN********78")
                .doesNotContain("E12345678");
    }

    @Test
    void codingNeedsSystemAndCodeAndTreatsABlankDisplayAsAbsent() {
        assertThat(new Coding("http://loinc.org", "718-7", "Hemoglobin").display())
                .isEqualTo("Hemoglobin");
        assertThat(Coding.of("http://loinc.org", "718-7").display()).isNull();
        assertThat(new Coding("http://loinc.org", "718-7", "  ").display()).isNull();
        assertThatThrownBy(() -> new Coding("http://loinc.org", "", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ND-H01", "NDXP-THC01", "A1", "12345678901234567890123456789012"})
    void acceptsWellFormedInstitutionCodes(String value) {
        assertThat(InstitutionCode.of(value).value()).isEqualTo(value);
        assertThat(InstitutionCode.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "-ND", "nd-h01", "ND H01", "ND_H01", "123456789012345678901234567890123", "宁德"})
    void rejectsMalformedInstitutionCodes(String value) {
        assertThat(InstitutionCode.isValid(value)).isFalse();
        assertThatThrownBy(() -> InstitutionCode.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 to 32 characters");
    }

    @Test
    void institutionCodeMessagesAreBounded() {
        String huge = "x".repeat(10_000);

        assertThatThrownBy(() -> InstitutionCode.of(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void maskingHidesTheMiddleAndShortValuesEntirely() {
        assertThat(Masking.mask("350902198505170013")).isEqualTo("350*************13");
        assertThat(Masking.mask("1234567")).isEqualTo("*******");
        assertThat(Masking.mask(null)).isEqualTo("null");
    }
}
