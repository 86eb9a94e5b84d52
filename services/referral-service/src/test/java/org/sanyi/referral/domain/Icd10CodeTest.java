package org.sanyi.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sanyi.kernel.DicomUid;

class Icd10CodeTest {

    @Test
    void acceptsWhoAndNationalClinicalEditionCodes() {
        assertThat(Icd10Code.parse("I10").value()).isEqualTo("I10");
        assertThat(Icd10Code.parse("E11.9").category()).isEqualTo("E11");
        assertThat(Icd10Code.parse("I10.x00x002").value()).isEqualTo("I10.x00x002");
        assertThat(Icd10Code.parse(" j18.900 ").value()).isEqualTo("J18.900");
        assertThat(Icd10Code.parse("I10.X00").value()).isEqualTo("I10.x00");
    }

    @Test
    void refusesOtherShapes() {
        for (String bad : new String[] {"", "I1", "10.1", "II0", "I10.", "I10.12345", "high blood pressure"}) {
            assertThatThrownBy(() -> Icd10Code.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rangesCoverWholeCategories() {
        Icd10Range hypertension = new Icd10Range("I10", "I15", "高血压");
        assertThat(hypertension.contains(Icd10Code.parse("I10.x00"))).isTrue();
        assertThat(hypertension.contains(Icd10Code.parse("I15.9"))).isTrue();
        assertThat(hypertension.contains(Icd10Code.parse("I16"))).isFalse();
        assertThat(hypertension.contains(Icd10Code.parse("I09.9"))).isFalse();
        assertThatThrownBy(() -> new Icd10Range("I15", "I10", "backwards"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dicomUidsFollowPart5() {
        assertThat(DicomUid.isValid("1.2.840.10008.5.1.4.1.1.2")).isTrue();
        assertThat(DicomUid.isValid("1.2.156.112605.14038013507.20260301.1")).isTrue();
        assertThat(DicomUid.isValid("1")).isFalse();
        assertThat(DicomUid.isValid("1.02.3")).isFalse();
        assertThat(DicomUid.isValid("1.2.3a")).isFalse();
        assertThat(DicomUid.isValid("1." + "2".repeat(63))).isFalse();
    }
}
