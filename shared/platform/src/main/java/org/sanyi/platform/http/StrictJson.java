package org.sanyi.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The JSON every service reads from callers is strict, so a client's mistake is a 400 naming the field instead of a
 * silently different record: no enum ordinals ({@code "level": 1} or {@code "1"} would pick a constant by
 * position), no duplicate keys (which one wins is parser-dependent), nothing after the JSON value, and no NUL or
 * other control character in any text (PostgreSQL refuses NUL; the others corrupt logs, exports and audit input).
 * Unknown fields are refused by {@code quarkus.jackson.fail-on-unknown-properties} in the platform defaults.
 *
 * <p>Events read from Kafka use a lenient reader of their own: a producer may add optional fields.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("sanyi-text-only").addDeserializer(String.class, new TextOnly()));
    }

    /**
     * Whether {@code text} holds a character no field of the exchange accepts: C0 controls other than tab, line feed
     * and carriage return, DEL, C1 controls, and halves of a surrogate pair standing alone.
     *
     * @return the index of the first such character, or -1
     */
    public static int forbiddenCharacterAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Raised for a string with a forbidden character; Jackson adds the field path on its way out. */
    public static final class ForbiddenCharacterException extends JsonMappingException {
        ForbiddenCharacterException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** Jackson's own string reading, then the character check; non-string scalars keep Jackson's coercion rules. */
    static final class TextOnly extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && parser.hasToken(JsonToken.VALUE_STRING)) {
                int at = forbiddenCharacterAt(text);
                if (at >= 0) {
                    throw new ForbiddenCharacterException(
                            parser,
                            String.format(
                                    "holds U+%04X at position %d: no control character other than tab, CR"
                                            + " and LF, and no unpaired surrogate",
                                    (int) text.charAt(at), at));
                }
            }
            return text;
        }
    }
}
