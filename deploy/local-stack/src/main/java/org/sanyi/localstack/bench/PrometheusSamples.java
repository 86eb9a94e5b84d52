package org.sanyi.localstack.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of a service's {@code /q/metrics} (Prometheus text format), queried by name and labels. */
public final class PrometheusSamples {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private PrometheusSamples(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusSamples parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line.strip());
            if (!matcher.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(3) != null) {
                Matcher label = LABEL.matcher(matcher.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            try {
                samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(4))));
            } catch (NumberFormatException e) {
                // NaN spelled otherwise, or garbage: not a figure we use
            }
        }
        return new PrometheusSamples(samples);
    }

    public static PrometheusSamples empty() {
        return new PrometheusSamples(List.of());
    }

    /** Sum of the samples named {@code name} whose labels include {@code labels}; empty when none. */
    public OptionalDouble sum(String name, Map<String, String> labels) {
        boolean found = false;
        double sum = 0;
        for (Sample sample : samples) {
            if (sample.name().equals(name)
                    && sample.labels().entrySet().containsAll(labels.entrySet())
                    && !Double.isNaN(sample.value())) {
                found = true;
                sum += sample.value();
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    public OptionalDouble sum(String name) {
        return sum(name, Map.of());
    }

    /** Increase of a counter between an earlier scrape and this one. */
    public OptionalDouble increaseSince(PrometheusSamples earlier, String name, Map<String, String> labels) {
        OptionalDouble now = sum(name, labels);
        if (now.isEmpty()) {
            return now;
        }
        return OptionalDouble.of(now.getAsDouble() - earlier.sum(name, labels).orElse(0));
    }
}
