package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SanyiLauncherTest {

    @Test
    void helpSucceedsAndAnUnknownCommandIsAUsageError() {
        assertThat(SanyiLauncher.run(new String[] {"help"})).isZero();
        assertThat(SanyiLauncher.run(new String[] {"launch-rockets"})).isEqualTo(2);
    }

    @Test
    void servicesGetTheirWholeConfigurationFromEnvironmentVariables() throws Exception {
        StackContext context = context();
        KeyMaterial keys = KeyMaterial.ensure(Files.createTempDirectory("keys"));

        assertThat(UpCommand.serviceEnvironment(
                        context, new ServiceDefinition("referral-service", 8082, "referral", true), keys))
                .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1")
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

    @Test
    void onlyServicesThatPseudonymiseGetThePseudonymKey() throws Exception {
        StackContext context = context();
        KeyMaterial keys = KeyMaterial.ensure(Files.createTempDirectory("keys"));
        Map<String, ServiceDefinition> byName = new java.util.HashMap<>();
        context.services().forEach(service -> byName.put(service.name(), service));

        assertThat(UpCommand.serviceEnvironment(context, byName.get("directory-service"), keys))
                .doesNotContainKey("SANYI_PSEUDONYM_KEY")
                .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1");
        assertThat(UpCommand.serviceEnvironment(context, byName.get("referral-service"), keys))
                .containsEntry("SANYI_PSEUDONYM_KEY", keys.pseudonymKeyBase64());
    }

    private static StackContext context() {
        return new StackContext(
                new StackLayout(Path.of("/repo")), StackSettings.fromEnvironment(Map.of()), ServiceCatalog.load());
    }
}
