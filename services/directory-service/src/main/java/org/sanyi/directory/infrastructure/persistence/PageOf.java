package org.sanyi.directory.infrastructure.persistence;

import java.util.List;

/** One page of a query's results and the number of results on all pages. */
public record PageOf<T>(List<T> items, long total) {}
