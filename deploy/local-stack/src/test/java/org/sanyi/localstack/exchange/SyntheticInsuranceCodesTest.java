package org.sanyi.localstack.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.PatientIdentifiers;

class SyntheticInsuranceCodesTest {

    @Test
    void regionMarkAndSerialMakeTwentyDigits() {
        String code = SyntheticInsuranceCodes.of("350900", 1);

        assertThat(code).isEqualTo("35090099000000000001").hasSize(20);
        assertThat(SyntheticInsuranceCodes.of("350900", 1)).isEqualTo(code);
        assertThat(SyntheticInsuranceCodes.of("350900", SyntheticInsuranceCodes.MAX_SERIAL))
                .isEqualTo("35090099999999999999");
    }

    @Test
    void passesTheCheckTheServicesApply() {
        Identifier identifier =
                PatientIdentifierSystem.INSURANCE_PERSON_CODE.identifier(SyntheticInsuranceCodes.of("350900", 42));

        assertThat(PatientIdentifiers.normalise(identifier).value()).isEqualTo("35090099000000000042");
    }

    @Test
    void refusesWhatIsNotACode() {
        assertThatThrownBy(() -> SyntheticInsuranceCodes.of("3509", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticInsuranceCodes.of("050900", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticInsuranceCodes.of("350900", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticInsuranceCodes.of("350900", SyntheticInsuranceCodes.MAX_SERIAL + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
