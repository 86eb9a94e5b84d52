package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceProfileTest {

    @Test
    void jdkFramesAreChargedToTheLibraryThatCalledThem() {
        assertThat(ServiceProfile.chargedTo(List.of(
                        "java.lang.StringLatin1",
                        "java.util.HashMap",
                        "org.hibernate.sql.model.jdbc.AbstractJdbcMutation",
                        "org.sanyi.referral.application.ReferralService")))
                .isEqualTo("Hibernate ORM");
        assertThat(ServiceProfile.chargedTo(List.of("sun.security.provider.SHA2", "org.sanyi.platform.http.X")))
                .isEqualTo("exchange code (org.sanyi)");
    }

    @Test
    void beanValidationIsNotChargedToHibernateOrm() {
        assertThat(ServiceProfile.chargedTo(List.of("org.hibernate.validator.internal.engine.ValidatorImpl")))
                .isEqualTo("Bean Validation");
    }

    @Test
    void unknownLibrariesAreNamedByPackageAndJdkOnlyStacksSaySo() {
        assertThat(ServiceProfile.chargedTo(List.of("java.lang.Thread", "org.jboss.threads.EnhancedQueueExecutor")))
                .isEqualTo("other: org.jboss.threads");
        assertThat(ServiceProfile.chargedTo(List.of("java.lang.Thread"))).startsWith("JDK only");
    }
}
