package org.sanyi.directory.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.sanyi.platform.problem.ApiProblem;

/**
 * Parses query parameters by hand so that a bad value is a 400 naming the parameter; JAX-RS would answer a failed
 * conversion with a bare 404.
 */
final class QueryParameters {

    private QueryParameters() {}

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static LocalDate date(String name, String value, LocalDate whenAbsent) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(name, "must be a date YYYY-MM-DD");
        }
    }

    static String matching(String name, String value, String regex, String description) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches(regex)) {
            throw ApiProblem.invalidField(name, "must be " + description);
        }
        return value.strip();
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiProblem.invalidField(name, "must be true or false");
        };
    }

    static int page(String value) {
        Integer page = integer("page", value);
        if (page == null) {
            return 0;
        }
        if (page < 0) {
            throw ApiProblem.invalidField("page", "must be 0 or more");
        }
        return page;
    }

    static int size(String value, int defaultSize, int maxSize) {
        Integer size = integer("size", value);
        if (size == null) {
            return defaultSize;
        }
        if (size < 1 || size > maxSize) {
            throw ApiProblem.invalidField("size", "must be between 1 and " + maxSize);
        }
        return size;
    }

    private static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(name, "must be a whole number");
        }
    }
}
