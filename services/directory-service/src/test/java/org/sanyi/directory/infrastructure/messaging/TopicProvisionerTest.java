package org.sanyi.directory.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.sanyi.events.Topic;
import org.sanyi.platform.kafka.TopicProvisioner;
import org.sanyi.testing.SanyiTestInfrastructure;

@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class TopicProvisionerTest {

    @Inject
    TopicProvisioner provisioner;

    @Test
    void aTopicThatLostItsCompactionGetsItBack() throws Exception {
        ConfigResource groups = new ConfigResource(ConfigResource.Type.TOPIC, Topic.DIRECTORY_GROUPS.topicName());
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SanyiTestInfrastructure.kafkaBootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(
                            groups,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
            assertThat(awaitPolicy(admin, groups, "delete")).isEqualTo("delete");

            assertThat(provisioner.tryProvision()).isTrue();

            assertThat(awaitPolicy(admin, groups, "compact")).isEqualTo("compact");
            assertThat(provisioner.provisioned()).isTrue();
            assertThat(provisioner.topics()).containsExactly(Topic.DIRECTORY_INSTITUTIONS, Topic.DIRECTORY_GROUPS);
        }
    }

    /** Config changes reach the broker's view a moment after the admin call returns. */
    private static String awaitPolicy(Admin admin, ConfigResource topic, String expected) throws Exception {
        String policy = policy(admin, topic);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!policy.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            policy = policy(admin, topic);
        }
        return policy;
    }

    private static String policy(Admin admin, ConfigResource topic) throws Exception {
        return admin.describeConfigs(List.of(topic))
                .all()
                .get()
                .get(topic)
                .get("cleanup.policy")
                .value();
    }
}
