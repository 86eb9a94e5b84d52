package org.sanyi.platform.openapi;

import java.util.Locale;

/**
 * Derives an operation's {@code operationId} from its HTTP method and path: {@code POST /v1/referrals/{id}/accept}
 * becomes {@code postReferralsByIdAccept}. The id changes only when the method or path does, which is a breaking
 * change anyway, and two operations cannot share one because no two share a method and path. Java method names
 * were not used: they repeat across resources ({@code list}, {@code get}) and change with refactoring.
 */
public final class OperationIds {

    private OperationIds() {}

    public static String of(String httpMethod, String path) {
        StringBuilder id = new StringBuilder(httpMethod.toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.matches("v\\d+")) {
                continue;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By");
                appendWords(id, segment.substring(1, segment.length() - 1));
            } else {
                appendWords(id, segment);
            }
        }
        return id.toString();
    }

    /** Appends {@code words} in PascalCase, splitting on anything that is not a letter or digit. */
    private static void appendWords(StringBuilder id, String words) {
        for (String word : words.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
    }
}
