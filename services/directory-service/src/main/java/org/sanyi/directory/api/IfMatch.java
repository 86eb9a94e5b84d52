package org.sanyi.directory.api;

import java.util.HashSet;
import java.util.Set;
import org.sanyi.directory.application.ExpectedVersion;
import org.sanyi.directory.domain.DirectoryProblem;
import org.sanyi.platform.problem.ApiProblem;

/** Reads {@code If-Match}: {@code *}, or one or more version ETags ({@code "3"}, also {@code W/"3"} or bare 3). */
final class IfMatch {

    static final String HEADER = "If-Match";

    private IfMatch() {}

    static ExpectedVersion parse(String header) {
        if (header == null || header.isBlank()) {
            return ExpectedVersion.NONE;
        }
        if (header.strip().equals("*")) {
            return ExpectedVersion.ANY_EXISTING;
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : header.split(",")) {
            String value = tag.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            try {
                versions.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new ApiProblem(
                        DirectoryProblem.INVALID_IF_MATCH,
                        "If-Match holds the ETag of a version, such as \"3\", as returned by GET; got something else");
            }
        }
        return ExpectedVersion.oneOf(versions);
    }
}
