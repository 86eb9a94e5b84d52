package org.sanyi.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.sanyi.platform.problem.ApiProblem;

/**
 * The one paging style of the exchange: keyset paging with an opaque {@code cursor} that encodes the sort key of the
 * last entry of a page, so pages stay stable while rows are added and no offset can overflow. A response carries
 * {@code nextCursor} while more entries may follow.
 */
public final class PageCursor {

    public static final String CURSOR = "cursor";
    public static final String LIMIT = "limit";

    private static final char SEPARATOR = '\n';
    // Marks the cursor format, so that a string the service never issued is refused instead of read as a key.
    private static final String FORMAT = "c1";
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{1,512}$");

    private PageCursor() {}

    /** The cursor after an entry whose sort key is {@code parts} (no part may contain a line feed). */
    public static String encode(String... parts) {
        String plain = FORMAT + SEPARATOR + String.join(String.valueOf(SEPARATOR), parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key a cursor encodes, or null without one; a cursor this service did not issue is a 400.
     *
     * @param expectedParts how many parts the service's cursors have
     */
    public static List<String> decode(String cursor, int expectedParts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (!SHAPE.matcher(cursor.strip()).matches()) {
                throw new IllegalArgumentException();
            }
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            List<String> parts = List.of(plain.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != expectedParts + 1 || !parts.get(0).equals(FORMAT)) {
                throw new IllegalArgumentException();
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** For a service that finds a decoded part unusable (not a date, not an id). */
    public static ApiProblem invalid() {
        return ApiProblem.invalidField(CURSOR, "is not a cursor this service returned");
    }

    /** The page size asked for: {@code defaultLimit} when absent, otherwise 1 to {@code maxLimit}. */
    public static int limit(String value, int defaultLimit, int maxLimit) {
        Integer limit = QueryParameters.integer(LIMIT, value);
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > maxLimit) {
            throw ApiProblem.invalidField(LIMIT, "must be a number from 1 to " + maxLimit);
        }
        return limit;
    }
}
