package org.sanyi.localstack.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading result-service's answers as the demo needs them: what a recognition check found per item, whether a lab holds
 * a valid EQA pass, figures of the regulator's statistics, and whether an event reveals something it must not.
 */
public final class RecognitionAnswers {

    private RecognitionAnswers() {}

    /** The findings of one item in a check answer ({@code items[]}), or a missing node. */
    public static JsonNode item(JsonNode check, String itemCode) {
        for (JsonNode item : check.path("items")) {
            if (itemCode.equals(item.path("itemCode").asText())) {
                return item;
            }
        }
        return MissingNode.getInstance();
    }

    /** The entry about {@code resultId} in a list of found results ({@code recognisable} or {@code notRecognisable}). */
    public static Optional<JsonNode> found(JsonNode results, String resultId) {
        for (JsonNode result : results) {
            if (resultId.equals(result.path("resultId").asText())) {
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an answer of {@code GET /v1/quality-statuses} holds a pass for {@code itemCode} that covers {@code on}
     * (what makes a lab's result of that day recognisable).
     */
    public static boolean hasValidPass(JsonNode statuses, String itemCode, LocalDate on) {
        for (JsonNode status : statuses) {
            if (!itemCode.equals(status.path("itemCode").asText())
                    || !status.path("passed").asBoolean(false)) {
                continue;
            }
            try {
                LocalDate from = LocalDate.parse(status.path("validFrom").asText());
                LocalDate to = LocalDate.parse(status.path("validTo").asText());
                if (!on.isBefore(from) && !on.isAfter(to)) {
                    return true;
                }
            } catch (DateTimeParseException e) {
                // not a status we can judge; ignore it
            }
        }
        return false;
    }

    /** A JSON number (or numeric text) as a decimal; zero when absent or not a number. */
    public static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    /** Savings of one item in a statistics answer ({@code byItem.<code>.savings}); zero when the item has none. */
    public static BigDecimal itemSavings(JsonNode statistics, String itemCode) {
        return decimal(statistics.path("byItem").path(itemCode).path("savings"));
    }

    /** Recognitions of one item in a statistics answer ({@code byItem.<code>.recognised}). */
    public static long itemRecognised(JsonNode statistics, String itemCode) {
        return statistics.path("byItem").path(itemCode).path("recognised").asLong(0);
    }

    /** Declines with {@code reason} in a statistics answer ({@code declinesByReason.<reason>}). */
    public static long declines(JsonNode statistics, String reason) {
        return statistics.path("declinesByReason").path(reason).asLong(0);
    }

    /**
     * What of {@code secrets} (what → text) occurs in an event's data, as the names given; empty when the event
     * reveals none of them. Blank secrets are ignored.
     */
    public static List<String> revealed(byte[] data, Map<String, String> secrets) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        secrets.forEach((what, secret) -> {
            if (secret != null && !secret.isBlank() && text.contains(secret)) {
                found.add(what);
            }
        });
        return found;
    }
}
