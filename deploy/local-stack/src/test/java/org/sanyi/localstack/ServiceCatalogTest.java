package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

    @Test
    void theBundledListNamesEveryServiceWithItsPortAndDatabase() {
        assertThat(ServiceCatalog.load())
                .containsExactly(
                        new ServiceDefinition("directory-service", 8081, "directory", false),
                        new ServiceDefinition("referral-service", 8082, "referral", true),
                        new ServiceDefinition("result-service", 8083, "result", true),
                        new ServiceDefinition("imaging-service", 8084, "imaging", true));
    }

    @Test
    void commentsAndBlankLinesAreIgnored() {
        assertThat(ServiceCatalog.parse("# header\n\n  a-service 9000 a_db  needs-pseudonym-key \n"))
                .containsExactly(new ServiceDefinition("a-service", 9000, "a_db", true));
    }

    @Test
    void malformedLinesAreRejectedWithTheirLineNumber() {
        String no = " no-pseudonym-key";
        assertThatThrownBy(() -> ServiceCatalog.parse("a 1 a" + no + "\nb x b" + no + "\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> ServiceCatalog.parse("a 1 a\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> ServiceCatalog.parse("a 1 a;drop" + no + "\n")).hasMessageContaining("database name");
        assertThatThrownBy(() -> ServiceCatalog.parse("a 1 a" + no + "\nb 1 b" + no + "\n"))
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> ServiceCatalog.parse("a 1 a yes\n")).hasMessageContaining("pseudonym key 'yes'");
    }
}
