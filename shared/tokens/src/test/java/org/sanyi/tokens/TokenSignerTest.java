package org.sanyi.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

    private static final KeyPair KEYS = SigningKeys.generate();
    private static final List<String> SERVICES = List.of("directory-service", "referral-service");

    private final TokenSigner signer = new TokenSigner(KEYS.getPrivate());

    @Test
    void aValidTokenCarriesEveryClaimTheServicesCheck() throws Exception {
        String token =
                signer.signValid(new TokenRequest("NDXP-H01", "hospital", "alice", SERVICES, Duration.ofMinutes(5)));

        JwtClaims claims = verifierFor("referral-service").processToClaims(token);
        assertThat(claims.getIssuer()).isEqualTo("sanyi-exchange");
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getAudience()).containsExactly("directory-service", "referral-service");
        assertThat(claims.getStringClaimValue("org")).isEqualTo("NDXP-H01");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("hospital");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(300);
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void aServiceNotNamedInTheAudienceRefusesTheToken() {
        String token = signer.signValid(TokenRequest.of("NDXP-H01", "hospital", "alice", List.of("referral-service")));

        assertThatThrownBy(() -> verifierFor("directory-service").processToClaims(token))
                .isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("Audience");
    }

    @Test
    void theDefaultLifetimeIsAnHourAndEightHoursIsTheMost() throws Exception {
        JwtClaims byDefault = verifierFor("referral-service")
                .processToClaims(signer.signValid(TokenRequest.of("ND-HC01", "regulator", "r", SERVICES)));
        assertThat(byDefault.getExpirationTime().getValue()
                        - byDefault.getIssuedAt().getValue())
                .isEqualTo(3600);

        TokenRequest shift =
                TokenRequest.of("ND-HC01", "regulator", "r", SERVICES).withLifetime(Duration.ofHours(8));
        assertThat(TokenContract.violations(shift)).isEmpty();
        assertThat(TokenContract.violations(
                        shift.withLifetime(Duration.ofHours(8).plusSeconds(1))))
                .singleElement()
                .asString()
                .contains("lifetime");
    }

    @Test
    void requestsTheServicesWouldRefuseAreNamedAndNotSignedAsValid() {
        TokenRequest bad = new TokenRequest("hosp 1", "nurse", " ", List.of(), Duration.ofDays(7));

        assertThat(TokenContract.violations(bad))
                .hasSize(5)
                .anyMatch(violation -> violation.contains("subject"))
                .anyMatch(violation -> violation.contains("unknown role 'nurse'"))
                .anyMatch(violation -> violation.contains("not an institution code"))
                .anyMatch(violation -> violation.contains("no audience"))
                .anyMatch(violation -> violation.contains("lifetime"));
        assertThatThrownBy(() -> signer.signValid(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown role 'nurse'");
    }

    @Test
    void theExchangesOwnActorCodesAreRefused() {
        assertThat(TokenContract.violations(TokenRequest.of(
                        "SANYI-PLATFORM", TokenContract.PLATFORM_ADMIN, "ops", List.of("directory-service"))))
                .singleElement()
                .asString()
                .contains("reserved");
    }

    @Test
    void signCarriesEvenRefusedClaimsSoTestsCanProbeTheRefusals() throws Exception {
        String token = signer.sign(TokenRequest.of("NDXP-H01", "nurse", "alice", SERVICES));

        assertThat(verifierFor("referral-service").processToClaims(token).getStringListClaimValue("groups"))
                .containsExactly("nurse");
    }

    @Test
    void withSubjectChangesOnlyTheSubject() {
        TokenRequest request = TokenRequest.of("NDXP-VC01", "hospital", "demo-user", SERVICES);

        assertThat(request.withSubject("reviewer-NDXP-VC01"))
                .isEqualTo(new TokenRequest(
                        "NDXP-VC01", "hospital", "reviewer-NDXP-VC01", SERVICES, TokenContract.DEFAULT_LIFETIME));
    }

    private static JwtConsumer verifierFor(String service) {
        return new JwtConsumerBuilder()
                .setExpectedIssuer("sanyi-exchange")
                .setExpectedAudience(service)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setVerificationKey(KEYS.getPublic())
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }
}
