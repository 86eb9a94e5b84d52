package org.sanyi.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** {@code status}: what runs — the launcher, Kafka, PostgreSQL and each service's readiness. */
public final class StatusCommand implements LauncherCommand {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "status";
    }

    @Override
    public String summary() {
        return "show what runs: Kafka, PostgreSQL, each service's health";
    }

    @Override
    public int run(List<String> arguments, StackContext context) throws Exception {
        CommandArguments.parse(arguments, Set.of(), Set.of());
        StackLayout layout = context.layout();
        Optional<ProcessHandle> launcher = PidFiles.liveProcess(layout.launcherPidFile(), SanyiLauncher.MARKER);
        Optional<StackState> state = StackState.read(layout.stackStateFile());
        StackSettings settings =
                state.map(running -> running.applyTo(context.settings())).orElse(context.settings());

        String launcherState = launcher.map(process ->
                        "running (pid " + process.pid() + ")" + (state.isPresent() ? "" : ", still starting"))
                .orElse("not running");
        TextTable table = new TextTable().row("COMPONENT", "ADDRESS", "STATE");
        table.row("launcher", "", launcherState);
        table.row("Kafka", settings.kafkaBootstrapServers(), kafkaState(settings));
        table.row("PostgreSQL", "localhost:" + settings.postgresPort(), postgresState(settings));
        HealthProbe probe = new HealthProbe();
        for (ServiceDefinition service : context.services()) {
            table.row(service.name(), service.baseUrl(), serviceState(layout, service, probe));
        }
        System.out.print(table.render(""));
        if (launcher.isEmpty()) {
            System.out.println("The local stack is not running; start it with ./sanyi up (or up -d).");
            return 3;
        }
        return 0;
    }

    private static String kafkaState(StackSettings settings) {
        if (!Ports.isListening(settings.kafkaPort())) {
            return "down (nothing listens)";
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            String clusterId = admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            int topics = admin.listTopics().names().get(5, TimeUnit.SECONDS).size();
            return "up (cluster " + clusterId + ", " + topics + " topics)";
        } catch (Exception e) {
            return "port open but Kafka does not answer: " + rootMessage(e);
        }
    }

    private static String postgresState(StackSettings settings) {
        if (!Ports.isListening(settings.postgresPort())) {
            return "down (nothing listens)";
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", LocalPostgres.USERNAME);
        credentials.setProperty("password", LocalPostgres.PASSWORD);
        credentials.setProperty("connectTimeout", "3");
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("postgres"), credentials);
                Statement statement = connection.createStatement()) {
            String version;
            try (ResultSet result = statement.executeQuery("SHOW server_version")) {
                result.next();
                version = result.getString(1);
            }
            List<String> databases = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(
                    "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY 1")) {
                while (result.next()) {
                    databases.add(result.getString(1));
                }
            }
            return "up (PostgreSQL " + version + ", databases: " + String.join(", ", databases) + ")";
        } catch (SQLException e) {
            return "port open but PostgreSQL does not answer: " + e.getMessage();
        }
    }

    private static String serviceState(StackLayout layout, ServiceDefinition service, HealthProbe probe) {
        HealthProbe.Answer ready = probe.ready(service);
        if (ready.ok()) {
            return "ready";
        }
        if (ready.status() > 0) {
            return "not ready (HTTP " + ready.status() + " from /q/health/ready)";
        }
        if (PidFiles.liveProcess(layout.servicePidFile(service.name()), "quarkus-run.jar")
                .isPresent()) {
            return "starting or hung (process runs, no answer); log "
                    + layout.display(layout.serviceLog(service.name()));
        }
        if (!java.nio.file.Files.isRegularFile(layout.serviceRunJar(service.name()))) {
            return "not built";
        }
        return "not running";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
