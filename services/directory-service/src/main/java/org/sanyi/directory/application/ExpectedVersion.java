package org.sanyi.directory.application;

import java.util.Optional;
import java.util.Set;
import org.sanyi.directory.domain.DirectoryProblem;
import org.sanyi.platform.problem.ApiProblem;

/**
 * The version a writer expects the resource to have (from {@code If-Match}); a mismatch is a 409, so a client never
 * overwrites a change it has not seen.
 */
public sealed interface ExpectedVersion {

    /** No precondition: create or replace whatever is there. */
    ExpectedVersion NONE = new Unconditional();

    /** {@code If-Match: *}: the resource must exist. */
    ExpectedVersion ANY_EXISTING = new AnyExisting();

    static ExpectedVersion oneOf(Set<Long> versions) {
        return new OneOf(Set.copyOf(versions));
    }

    /** Throws {@link DirectoryProblem#VERSION_MISMATCH} unless {@code current} (empty: absent) satisfies this. */
    void check(String resource, Optional<Long> current);

    record Unconditional() implements ExpectedVersion {
        @Override
        public void check(String resource, Optional<Long> current) {}
    }

    record AnyExisting() implements ExpectedVersion {
        @Override
        public void check(String resource, Optional<Long> current) {
            if (current.isEmpty()) {
                throw new ApiProblem(
                        DirectoryProblem.VERSION_MISMATCH,
                        "If-Match: * requires " + resource + " to exist; it does not");
            }
        }
    }

    record OneOf(Set<Long> versions) implements ExpectedVersion {
        @Override
        public void check(String resource, Optional<Long> current) {
            if (current.isEmpty()) {
                throw new ApiProblem(
                        DirectoryProblem.VERSION_MISMATCH,
                        resource + " does not exist yet; send no If-Match to create it");
            }
            if (!versions.contains(current.get())) {
                throw new ApiProblem(
                        DirectoryProblem.VERSION_MISMATCH,
                        "If-Match names version " + versions.stream().sorted().toList() + " of " + resource
                                + ", but the current version is " + current.get() + "; read it again and retry");
            }
        }
    }
}
