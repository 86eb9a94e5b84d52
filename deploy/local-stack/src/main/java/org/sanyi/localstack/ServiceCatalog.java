package org.sanyi.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The services of the local stack, read from the {@code services.list} resource. */
public final class ServiceCatalog {

    private static final String RESOURCE = "/services.list";
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    static final String NEEDS_PSEUDONYM_KEY = "needs-pseudonym-key";
    static final String NO_PSEUDONYM_KEY = "no-pseudonym-key";

    private ServiceCatalog() {}

    public static List<ServiceDefinition> load() {
        try (InputStream input = ServiceCatalog.class.getResourceAsStream(RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher jar");
            }
            return parse(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ServiceDefinition> parse(String text) {
        List<ServiceDefinition> services = new ArrayList<>();
        Set<Integer> ports = new HashSet<>();
        Set<String> names = new HashSet<>();
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                String[] fields = content.split("\\s+");
                if (fields.length != 4) {
                    throw invalid(
                            lineNumber, "expected: name port database " + NEEDS_PSEUDONYM_KEY + "|" + NO_PSEUDONYM_KEY);
                }
                String name = fields[0];
                String database = fields[2];
                if (!SERVICE_NAME.matcher(name).matches()) {
                    throw invalid(lineNumber, "service name '" + name + "'");
                }
                if (!DATABASE_NAME.matcher(database).matches()) {
                    throw invalid(lineNumber, "database name '" + database + "'");
                }
                int port;
                try {
                    port = Integer.parseInt(fields[1]);
                } catch (NumberFormatException e) {
                    throw invalid(lineNumber, "port '" + fields[1] + "'");
                }
                if (!names.add(name) || !ports.add(port)) {
                    throw invalid(lineNumber, "name or port used twice");
                }
                boolean needsPseudonymKey;
                if (fields[3].equals(NEEDS_PSEUDONYM_KEY)) {
                    needsPseudonymKey = true;
                } else if (fields[3].equals(NO_PSEUDONYM_KEY)) {
                    needsPseudonymKey = false;
                } else {
                    throw invalid(
                            lineNumber,
                            "pseudonym key '" + fields[3] + "', expected " + NEEDS_PSEUDONYM_KEY + " or "
                                    + NO_PSEUDONYM_KEY);
                }
                services.add(new ServiceDefinition(name, port, database, needsPseudonymKey));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(services);
    }

    private static IllegalStateException invalid(int lineNumber, String problem) {
        return new IllegalStateException("services.list line " + lineNumber + ": " + problem);
    }
}
