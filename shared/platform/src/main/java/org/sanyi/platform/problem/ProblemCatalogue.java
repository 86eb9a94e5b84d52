package org.sanyi.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A module's list of problem types, registered under {@code META-INF/services}. The union of all catalogues on the
 * classpath must have unique codes and unique type URIs; {@link #duplicates()} is what tests assert empty.
 */
public interface ProblemCatalogue {

    List<? extends ProblemType> problemTypes();

    static List<ProblemType> all() {
        List<ProblemType> all = new ArrayList<>();
        ServiceLoader.load(ProblemCatalogue.class).forEach(c -> all.addAll(c.problemTypes()));
        return all;
    }

    /** Codes or type URIs that occur more than once across every catalogue on the classpath. */
    static List<String> duplicates() {
        List<String> seen = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (ProblemType type : all()) {
            for (String key : List.of("code " + type.code(), "type " + type.type())) {
                if (seen.contains(key)) {
                    duplicates.add(key);
                } else {
                    seen.add(key);
                }
            }
        }
        return duplicates;
    }
}
