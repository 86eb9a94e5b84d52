package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

    @Test
    void theBundledListNamesEveryServiceWithItsPortAndDatabase() {
        assertThat(ServiceCatalog.load())
                .containsExactly(
                        new ServiceDefinition("directory-service", 8081, "directory"),
                        new ServiceDefinition("referral-service", 8082, "referral"));
    }

    @Test
    void commentsAndBlankLinesAreIgnored() {
        assertThat(ServiceCatalog.parse("# header\n\n  a-service 9000 a_db  \n"))
                .containsExactly(new ServiceDefinition("a-service", 9000, "a_db"));
    }

    @Test
    void malformedLinesAreRejectedWithTheirLineNumber() {
        assertThatThrownBy(() -> ServiceCatalog.parse("a 1 a\nb x b\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> ServiceCatalog.parse("a 1\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> ServiceCatalog.parse("a 1 a;drop\n")).hasMessageContaining("database name");
        assertThatThrownBy(() -> ServiceCatalog.parse("a 1 a\nb 1 b\n")).hasMessageContaining("used twice");
    }
}
