package org.sanyi.localstack;

import java.util.List;

/**
 * One subcommand of the launcher. To add one, implement this interface and list it in {@link SanyiLauncher}.
 */
public interface LauncherCommand {

    /** The word typed after {@code ./sanyi}. */
    String name();

    /** Arguments, e.g. {@code "up [-d]"}. */
    String usage();

    /** One line for the help text. */
    String summary();

    /** File under {@code .sanyi/logs} that receives this command's library logging (Kafka clients, PostgreSQL). */
    default String logFileName() {
        return "cli.log";
    }

    /**
     * Runs the command.
     *
     * @return the process exit code
     * @throws UsageException when the arguments are wrong; the launcher prints the message and the usage
     */
    int run(List<String> arguments, StackContext context) throws Exception;
}
