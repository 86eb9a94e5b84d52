package org.sanyi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaOutageTest {

    @Test
    void messagesSurviveAStopAndStartOnTheSameAddress() throws Exception {
        String bootstrap = SanyiTestInfrastructure.kafkaBootstrapServers();
        KafkaClients.produce(bootstrap, "outage", List.of("before-1", "before-2"));

        SanyiTestInfrastructure.stopKafka();
        assertThat(SanyiTestInfrastructure.isKafkaRunning()).isFalse();
        assertThat(accepts(bootstrap))
                .as("broker port closed during the outage")
                .isFalse();
        assertThat(SanyiTestInfrastructure.kafkaBootstrapServers()).isEqualTo(bootstrap);

        SanyiTestInfrastructure.startKafka();
        assertThat(SanyiTestInfrastructure.isKafkaRunning()).isTrue();
        assertThat(SanyiTestInfrastructure.kafkaBootstrapServers()).isEqualTo(bootstrap);

        KafkaClients.produce(bootstrap, "outage", List.of("after"));
        assertThat(KafkaClients.values(TopicReader.of(bootstrap, "outage").readAtLeast(3)))
                .containsExactly("before-1", "before-2", "after");
    }

    private static boolean accepts(String hostAndPort) {
        String[] parts = hostAndPort.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
