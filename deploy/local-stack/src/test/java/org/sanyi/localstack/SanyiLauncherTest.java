package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanyiLauncherTest {

    @Test
    void helpSucceedsAndAnUnknownCommandIsAUsageError() {
        assertThat(SanyiLauncher.run(new String[] {"help"})).isZero();
        assertThat(SanyiLauncher.run(new String[] {"launch-rockets"})).isEqualTo(2);
    }

    @Test
    void servicesGetTheirWholeConfigurationFromEnvironmentVariables() throws Exception {
        StackContext context = new StackContext(
                new StackLayout(java.nio.file.Path.of("/repo")),
                StackSettings.fromEnvironment(java.util.Map.of()),
                ServiceCatalog.load());
        KeyMaterial keys = KeyMaterial.ensure(java.nio.file.Files.createTempDirectory("keys"));

        assertThat(UpCommand.serviceEnvironment(
                        context, new ServiceDefinition("referral-service", 8082, "referral"), keys))
                .containsEntry("QUARKUS_HTTP_PORT", "8082")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:15432/referral")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "postgres")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "postgres")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092")
                .containsEntry(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toString())
                .containsEntry("MP_JWT_VERIFY_ISSUER", "sanyi-exchange")
                .containsEntry("SANYI_PSEUDONYM_KEY", keys.pseudonymKeyBase64());
    }
}
