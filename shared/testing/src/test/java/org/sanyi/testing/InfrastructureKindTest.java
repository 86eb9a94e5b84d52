package org.sanyi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfrastructureKindTest {

    @Test
    void theSwitchNamesOneOfTheTwoKindsAndNothingElse() {
        String before = System.getProperty(InfrastructureKind.PROPERTY);
        try {
            System.setProperty(InfrastructureKind.PROPERTY, "Testcontainers ");
            assertThat(InfrastructureKind.selected()).isEqualTo(InfrastructureKind.TESTCONTAINERS);
            System.setProperty(InfrastructureKind.PROPERTY, "embedded");
            assertThat(InfrastructureKind.selected()).isEqualTo(InfrastructureKind.EMBEDDED);
            System.setProperty(InfrastructureKind.PROPERTY, "docker");
            assertThatThrownBy(InfrastructureKind::selected)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-Dsanyi.infra=docker is not known")
                    .hasMessageContaining("testcontainers");
            System.clearProperty(InfrastructureKind.PROPERTY);
            assertThat(InfrastructureKind.selected()).isEqualTo(InfrastructureKind.EMBEDDED);
        } finally {
            if (before == null) {
                System.clearProperty(InfrastructureKind.PROPERTY);
            } else {
                System.setProperty(InfrastructureKind.PROPERTY, before);
            }
        }
    }
}
