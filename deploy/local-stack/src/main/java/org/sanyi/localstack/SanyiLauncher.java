package org.sanyi.localstack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code ./sanyi}: dispatches to one {@link LauncherCommand} per subcommand. */
public final class SanyiLauncher {

    /** Part of every launcher command line; tells a live launcher from an unrelated process with a recycled pid. */
    static final String MARKER = "sanyi-local-stack";

    private static final List<LauncherCommand> COMMANDS = List.of(
            new UpCommand(),
            new StatusCommand(),
            new DownCommand(),
            new TokenCommand(),
            new DemoCommand(),
            new BenchCommand());

    private SanyiLauncher() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, LauncherCommand> commands = new LinkedHashMap<>();
        COMMANDS.forEach(command -> commands.put(command.name(), command));
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            printHelp(commands);
            return args.length == 0 ? 2 : 0;
        }
        LauncherCommand command = commands.get(args[0]);
        if (command == null) {
            System.err.println("Unknown command '" + args[0] + "'.");
            printHelp(commands);
            return 2;
        }
        StackLayout layout = StackLayout.locate();
        try {
            // Keys, patient data (synthetic or not) and logs live here: only the user may read them.
            List<String> notes = new ArrayList<>();
            PrivateFiles.ensureDirectory(layout.home()).ifPresent(notes::add);
            PrivateFiles.ensureDirectory(layout.logs()).ifPresent(notes::add);
            PrivateFiles.ensureDirectory(layout.run()).ifPresent(notes::add);
            notes.forEach(System.err::println);
        } catch (IOException e) {
            System.err.println("Cannot create " + layout.home() + ": " + e.getMessage());
            return 1;
        }
        // Before anything logs: library logging (Kafka, PostgreSQL) goes to a file, never the console.
        System.setProperty("sanyi.log.dir", layout.logs().toString());
        System.setProperty("sanyi.log.file", command.logFileName());
        try {
            StackContext context =
                    new StackContext(layout, StackSettings.fromEnvironment(System.getenv()), ServiceCatalog.load());
            return command.run(Arrays.asList(args).subList(1, args.length), context);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: ./sanyi " + command.usage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            System.err.println(command.name() + " failed: " + e);
            return 1;
        }
    }

    private static void printHelp(Map<String, LauncherCommand> commands) {
        System.out.println("Sanyi local stack. Usage: ./sanyi <command>");
        TextTable table = new TextTable();
        commands.values().forEach(command -> table.row(command.usage(), command.summary()));
        System.out.print(table.render("  "));
        System.out.println("Environment: SANYI_KAFKA_PORT (19092), SANYI_KAFKA_CONTROLLER_PORT (Kafka port + 1), "
                + "SANYI_POSTGRES_PORT (15432), SANYI_READY_TIMEOUT_SECONDS (180).");
    }
}
