package org.sanyi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class SanyiTestInfrastructureTest {

    private final Map<String, String> config = new SanyiTestInfrastructure().start();

    @Test
    void givesTheApplicationEveryConfigurationItNeeds() {
        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", SanyiTestInfrastructure.kafkaBootstrapServers())
                .containsEntry("quarkus.datasource.jdbc.url", SanyiTestInfrastructure.jdbcUrl())
                .containsEntry("quarkus.datasource.username", "postgres")
                .containsKey("quarkus.datasource.password")
                .containsEntry("mp.jwt.verify.issuer", "sanyi-exchange")
                .containsEntry("quarkus.devservices.enabled", "false");
        assertThat(Path.of(config.get("mp.jwt.verify.publickey.location"))).isRegularFile();
        assertThat(Base64.getDecoder().decode(config.get("sanyi.pseudonym.key")))
                .hasSize(32);
        assertThat(config.get("quarkus.datasource.jdbc.url"))
                .matches("jdbc:postgresql://[^/]+:\\d+/sanyi_test_[0-9a-f]{12}");
    }

    @Test
    void startingAgainReusesTheSameInfrastructure() {
        assertThat(new SanyiTestInfrastructure().start()).isEqualTo(config);
    }

    @Test
    void postgresAnswers() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        SanyiTestInfrastructure.jdbcUrl(),
                        SanyiTestInfrastructure.databaseUsername(),
                        SanyiTestInfrastructure.databasePassword());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select 1")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void kafkaRoundTripsARecord() throws Exception {
        String bootstrap = SanyiTestInfrastructure.kafkaBootstrapServers();
        KafkaClients.produce(bootstrap, "round-trip", List.of("hello"));
        assertThat(KafkaClients.values(TopicReader.of(bootstrap, "round-trip").readAtLeast(1)))
                .containsExactly("hello");
    }

    @Test
    void tokensVerifyAgainstThePublicKey() throws Exception {
        String token = TestTokens.mint("HOSP-001", TestTokens.HOSPITAL);

        JwtClaims claims = verifier().processToClaims(token);

        assertThat(claims.getIssuer()).isEqualTo("sanyi-exchange");
        assertThat(claims.getSubject()).isEqualTo("test-user");
        assertThat(claims.getStringClaimValue("org")).isEqualTo("HOSP-001");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("hospital");
        assertThat(claims.getExpirationTime().getValueInMillis() - System.currentTimeMillis())
                .isBetween(59 * 60_000L, 60 * 60_000L);
    }

    @Test
    void tokensCarryTheGivenSubject() throws Exception {
        String token = TestTokens.mint("INS-7", TestTokens.INSURER, "alice");

        assertThat(verifier().processToClaims(token).getSubject()).isEqualTo("alice");
    }

    @Test
    void aTamperedTokenDoesNotVerify() {
        String token = TestTokens.mint("HOSP-001", TestTokens.HOSPITAL);
        String[] parts = token.split("\\.");
        String forgedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"iss\":\"sanyi-exchange\",\"org\":\"OTHER\",\"groups\":[\"regulator\"]}".getBytes());
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];

        assertThatThrownBy(() -> verifier().processToClaims(forged)).isInstanceOf(InvalidJwtException.class);
    }

    private JwtConsumer verifier() throws Exception {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer("sanyi-exchange")
                .setExpectedAudience(TestTokens.applicationName())
                .setVerificationKey(readPublicKey(Path.of(config.get("mp.jwt.verify.publickey.location"))))
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    private static PublicKey readPublicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem)
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
