package org.sanyi.platform.http;

import java.util.List;

/**
 * One page of a query's results and the sort key of its last entry when more may follow (else null): the key a
 * {@link PageCursor} carries to the next page.
 */
public record PageOf<T>(List<T> items, String lastKey) {

    /** {@code fetched} holds up to {@code size + 1} rows: the extra one only says that another page exists. */
    public static <T> PageOf<T> of(List<T> fetched, int size, java.util.function.Function<T, String> key) {
        if (fetched.size() <= size) {
            return new PageOf<>(fetched, null);
        }
        List<T> page = fetched.subList(0, size);
        return new PageOf<>(List.copyOf(page), key.apply(page.get(size - 1)));
    }
}
