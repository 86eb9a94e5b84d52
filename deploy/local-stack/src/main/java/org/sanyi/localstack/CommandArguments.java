package org.sanyi.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Minimal parser for {@code --name value}, {@code --name=value} and boolean flags such as {@code -d}. */
public final class CommandArguments {

    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private CommandArguments() {}

    /**
     * @param arguments what follows the command name
     * @param valueOptions options that take a value, e.g. {@code --org}
     * @param flagOptions options without a value, e.g. {@code -d}
     */
    public static CommandArguments parse(List<String> arguments, Set<String> valueOptions, Set<String> flagOptions) {
        return parse(arguments, valueOptions, Set.of(), flagOptions);
    }

    /**
     * @param repeatableOptions options that take a value and may be given more than once, e.g. {@code --audience}
     */
    public static CommandArguments parse(
            List<String> arguments, Set<String> valueOptions, Set<String> repeatableOptions, Set<String> flagOptions) {
        CommandArguments parsed = new CommandArguments();
        List<String> remaining = new ArrayList<>(arguments);
        while (!remaining.isEmpty()) {
            String argument = remaining.remove(0);
            int equals = argument.indexOf('=');
            String name = argument.startsWith("--") && equals > 0 ? argument.substring(0, equals) : argument;
            if (flagOptions.contains(name) && equals < 0) {
                parsed.flags.add(name);
            } else if (valueOptions.contains(name) || repeatableOptions.contains(name)) {
                String value;
                if (equals > 0 && argument.startsWith("--")) {
                    value = argument.substring(equals + 1);
                } else if (!remaining.isEmpty()) {
                    value = remaining.remove(0);
                } else {
                    throw new UsageException("Option " + name + " needs a value.");
                }
                List<String> given = parsed.values.computeIfAbsent(name, option -> new ArrayList<>());
                if (!given.isEmpty() && !repeatableOptions.contains(name)) {
                    throw new UsageException("Option " + name + " is given twice.");
                }
                given.add(value);
            } else {
                throw new UsageException("Unknown argument '" + argument + "'.");
            }
        }
        return parsed;
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    public Optional<String> value(String option) {
        return values.getOrDefault(option, List.of()).stream().findFirst();
    }

    /** Every value of a repeatable option, in the order given; empty when it was not given. */
    public List<String> values(String option) {
        return List.copyOf(values.getOrDefault(option, List.of()));
    }

    public String required(String option) {
        return value(option)
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new UsageException("Option " + option + " is required."));
    }
}
