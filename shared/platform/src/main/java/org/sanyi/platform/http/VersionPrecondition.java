package org.sanyi.platform.http;

import jakarta.ws.rs.core.EntityTag;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;

/**
 * What a writer's {@code If-Match} says about the version it decided on (RFC 9110 §13.1.1). ETags of the exchange are
 * strong and are the resource's version number ({@code "3"}); If-Match compares strongly, so a weak tag never
 * matches. A mismatch is 412; where an update needs a precondition and none came, 428 (RFC 6585).
 */
public sealed interface VersionPrecondition {

    String IF_MATCH = "If-Match";
    String ETAG = "ETag";

    /** No If-Match header. */
    VersionPrecondition NONE = new Absent();

    /** {@code If-Match: *}: the resource must exist, at any version. */
    VersionPrecondition ANY = new AnyVersion();

    /** The strong ETag of a version. */
    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Reads an If-Match header; a value that is not a list of ETags is a 400 naming the header. */
    static VersionPrecondition ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        if (header.strip().equals("*")) {
            return ANY;
        }
        Set<Long> versions = new TreeSet<>();
        boolean onlyWeak = true;
        for (String element : header.split(",")) {
            Matcher tag = Versions.TAG.matcher(element.strip());
            if (!tag.matches()) {
                throw ApiProblem.invalidField(
                        IF_MATCH, "must be \"*\" or ETags as returned by this service, such as \"3\"");
            }
            if (tag.group(1) == null) {
                onlyWeak = false;
                versions.add(Long.parseLong(tag.group(2)));
            }
        }
        return onlyWeak ? new Versions(Set.of()) : new Versions(Set.copyOf(versions));
    }

    /** Checks the precondition against the resource's current version (empty: it does not exist); 412 if unmet. */
    void check(String resource, OptionalLong current);

    /** As {@link #check}, and 428 when no If-Match was sent although the resource exists and is being replaced. */
    default void checkRequired(String resource, OptionalLong current) {
        if (this instanceof Absent && current.isPresent()) {
            throw new ApiProblem(
                    PlatformProblem.PRECONDITION_REQUIRED,
                    "Replacing " + resource + " needs If-Match with its current ETag (\"" + current.getAsLong()
                            + "\"), so no change made meanwhile is lost; read it and send its ETag");
        }
        check(resource, current);
    }

    record Absent() implements VersionPrecondition {
        @Override
        public void check(String resource, OptionalLong current) {}
    }

    record AnyVersion() implements VersionPrecondition {
        @Override
        public void check(String resource, OptionalLong current) {
            if (current.isEmpty()) {
                throw new ApiProblem(
                        PlatformProblem.PRECONDITION_FAILED, "If-Match: * requires " + resource + " to exist");
            }
        }
    }

    /** One or more strong version tags; empty when the header held only weak tags, which never match. */
    record Versions(Set<Long> versions) implements VersionPrecondition {

        static final Pattern TAG = Pattern.compile("^(W/)?\"(\\d{1,18})\"$");

        @Override
        public void check(String resource, OptionalLong current) {
            if (current.isEmpty()) {
                throw new ApiProblem(
                        PlatformProblem.PRECONDITION_FAILED,
                        resource + " does not exist, so it cannot be at the version If-Match names");
            }
            if (!versions.contains(current.getAsLong())) {
                throw new ApiProblem(
                        PlatformProblem.PRECONDITION_FAILED,
                        resource + " is at version \"" + current.getAsLong() + "\", not "
                                + (versions.isEmpty() ? "a weak ETag (If-Match compares strongly)" : versions)
                                + "; read it again and decide again");
            }
        }
    }
}
