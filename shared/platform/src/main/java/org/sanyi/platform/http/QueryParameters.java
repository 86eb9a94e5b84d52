package org.sanyi.platform.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sanyi.platform.problem.ApiProblem;

/**
 * Query and header values are read as strings and parsed here, so a bad value is a 400 naming the parameter (JAX-RS
 * would answer a failed conversion with a bare 404). Absent or blank values are null. Enum codes are matched without
 * regard to case, the same in every service.
 */
public final class QueryParameters {

    private QueryParameters() {}

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw ApiProblem.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    public static LocalDate date(String name, String value, LocalDate whenAbsent) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(name, "must be a date YYYY-MM-DD");
        }
    }

    public static String matching(String name, String value, Pattern pattern, String description) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!pattern.matcher(value.strip()).matches()) {
            throw ApiProblem.invalidField(name, "must be " + description);
        }
        return value.strip();
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiProblem.invalidField(name, "must be true or false");
        };
    }

    public static Integer integer(String name, String value) {
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
