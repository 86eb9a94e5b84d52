package org.sanyi.platform.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.sanyi.events.Topic;

/**
 * Makes sure the topics this service publishes to exist with the right cleanup policy before the outbox relay sends
 * anything: a missing topic is created ({@code cleanup.policy=compact} when the catalogue says so), and an existing
 * compacted-by-catalogue topic that is not compacted (for example auto-created by the broker) is switched to
 * compaction. Runs before other start-up observers; while the broker is unreachable it retries in the background and
 * readiness stays down.
 *
 * <p>Independent of the directory: any service can use it by listing its topics in {@code
 * sanyi.kafka.topics.provision}.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @Inject
    TopicProvisioningConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private final Set<Topic> ensured = ConcurrentHashMap.newKeySet();
    private volatile boolean provisioned;
    private volatile String lastFailure = "not attempted yet";
    private volatile Thread retrier;

    /**
     * Before other start-up observers, so readiness reflects the topics early; the relay does not depend on it: it
     * checks every batch's topics through {@link #ensureExists(Collection)}.
     */
    void provisionAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        if (!config.enabled() || topics().isEmpty()) {
            provisioned = true;
            return;
        }
        if (!tryProvision()) {
            retrier = new Thread(this::retryUntilProvisioned, "topic-provisioner");
            retrier.setDaemon(true);
            retrier.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        Thread thread = retrier;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean provisioned() {
        return provisioned;
    }

    public String lastFailure() {
        return lastFailure;
    }

    public List<Topic> topics() {
        return config.provision().orElse(List.of());
    }

    private void retryUntilProvisioned() {
        while (!provisioned && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(config.retryInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            tryProvision();
        }
    }

    /**
     * Makes sure each of {@code topics} exists as the catalogue describes it, creating or fixing the ones not yet
     * checked by this instance. The outbox relay calls it before sending to a topic, so an event never lands in a
     * topic the broker auto-created, even for a topic missing from {@code sanyi.kafka.topics.provision}.
     *
     * @return true when every topic is in place; false while the broker cannot be asked (see {@link #lastFailure()})
     */
    public boolean ensureExists(Collection<Topic> topics) {
        if (!config.enabled() || ensured.containsAll(topics)) {
            return true;
        }
        List<Topic> unchecked =
                topics.stream().filter(t -> !ensured.contains(t)).distinct().toList();
        try (Admin admin = Admin.create(adminProperties())) {
            ensure(admin, unchecked);
            ensured.addAll(unchecked);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            lastFailure = cause.toString();
            LOG.warnf("Cannot make sure topics %s exist yet: %s", unchecked, lastFailure);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One attempt; true when every topic exists as it should. */
    public boolean tryProvision() {
        try (Admin admin = Admin.create(adminProperties())) {
            ensure(admin, topics());
            ensured.addAll(topics());
            provisioned = true;
            lastFailure = null;
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            lastFailure = cause.toString();
            LOG.warnf("Cannot make sure topics %s exist yet, retrying: %s", topics(), lastFailure);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void ensure(Admin admin, Collection<Topic> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        long timeoutMillis = config.timeout().toMillis();
        Set<String> existing = admin.listTopics().names().get(timeoutMillis, TimeUnit.MILLISECONDS);
        List<NewTopic> missing = new ArrayList<>();
        List<Topic> present = new ArrayList<>();
        for (Topic topic : topics) {
            if (existing.contains(topic.topicName())) {
                present.add(topic);
            } else {
                missing.add(newTopic(topic));
            }
        }
        for (NewTopic topic : missing) {
            try {
                admin.createTopics(List.of(topic)).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
                LOG.infof("Created topic %s (%d partitions, %s)", topic.name(), config.partitions(), topic.configs());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another instance created it a moment ago, through this same code.
            }
        }
        for (Topic topic : present) {
            if (topic.compacted()) {
                ensureCompacted(admin, topic.topicName(), timeoutMillis);
            }
        }
    }

    private void ensureCompacted(Admin admin, String topicName, long timeoutMillis)
            throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topicName);
        Config current = admin.describeConfigs(List.of(resource))
                .all()
                .get(timeoutMillis, TimeUnit.MILLISECONDS)
                .get(resource);
        ConfigEntry policy = current.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (policy != null && policy.value() != null && policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            return;
        }
        LOG.warnf(
                "Topic %s exists with cleanup.policy=%s; switching it to compact as the event catalogue requires",
                topicName, policy == null ? "unknown" : policy.value());
        AlterConfigOp compact = new AlterConfigOp(
                new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(compact)))
                .all()
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private NewTopic newTopic(Topic topic) {
        NewTopic newTopic =
                new NewTopic(topic.topicName(), Optional.of(config.partitions()), config.replicationFactor());
        if (topic.compacted()) {
            newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return newTopic;
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, serviceName + "-topic-provisioner");
        int timeout = (int) config.timeout().toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        return props;
    }
}
