package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.tokens.TokenRequest;

class TokenCommandTest {

    private static final List<ServiceDefinition> SERVICES = ServiceCatalog.load();

    @Test
    void byDefaultTheTokenIsForEveryServiceOfTheStackForAnHourAsLocalUser() {
        TokenRequest request = TokenCommand.request(List.of("--org", "NDXP-H01", "--role", "hospital"), SERVICES);

        assertThat(request.audiences())
                .containsExactly("directory-service", "referral-service", "result-service", "imaging-service");
        assertThat(request.subject()).isEqualTo("local-user");
        assertThat(request.lifetime()).isEqualTo(Duration.ofMinutes(60));
        assertThat(request.role()).isEqualTo("hospital");
        assertThat(request.institutionCode()).isEqualTo("NDXP-H01");
    }

    @Test
    void audienceNarrowsTheTokenToTheNamedServices() {
        TokenRequest request = TokenCommand.request(
                List.of("--org", "ND-HSB01", "--role", "insurer", "--audience", "referral-service", "--subject", "bob"),
                SERVICES);

        assertThat(request.audiences()).containsExactly("referral-service");
        assertThat(request.subject()).isEqualTo("bob");
        assertThat(TokenCommand.request(
                                List.of(
                                        "--org",
                                        "ND-HC01",
                                        "--role",
                                        "regulator",
                                        "--audience",
                                        "referral-service",
                                        "--audience=directory-service"),
                                SERVICES)
                        .audiences())
                .containsExactly("referral-service", "directory-service");
    }

    @Test
    void anUnknownServiceAsAudienceIsAUsageError() {
        assertThatThrownBy(() -> TokenCommand.request(
                        List.of("--org", "NDXP-H01", "--role", "hospital", "--audience", "billing-service"), SERVICES))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("billing-service")
                .hasMessageContaining("directory-service, referral-service");
    }

    @Test
    void aLifetimeAboveEightHoursIsRefusedBecauseTheServicesWouldRefuseTheToken() {
        assertThat(TokenCommand.request(
                                List.of("--org", "NDXP-H01", "--role", "hospital", "--ttl-minutes", "480"), SERVICES)
                        .lifetime())
                .isEqualTo(Duration.ofHours(8));
        assertThatThrownBy(() -> TokenCommand.request(
                        List.of("--org", "NDXP-H01", "--role", "hospital", "--ttl-minutes", "481"), SERVICES))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("1 to 480");
    }

    @Test
    void claimsTheServicesRefuseAreUsageErrors() {
        assertThatThrownBy(() -> TokenCommand.request(List.of("--org", "NDXP-H01", "--role", "nurse"), SERVICES))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown role 'nurse'");
        assertThatThrownBy(() -> TokenCommand.request(List.of("--org", "hosp-001", "--role", "hospital"), SERVICES))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("not an institution code");
        assertThatThrownBy(() -> TokenCommand.request(
                        List.of("--org", "NDXP-H01", "--role", "hospital", "--subject", " "), SERVICES))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("subject");
    }
}
