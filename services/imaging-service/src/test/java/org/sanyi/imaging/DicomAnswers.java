package org.sanyi.imaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading QIDO-RS answers (DICOM JSON) in the imaging tests. */
final class DicomAnswers {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private DicomAnswers() {}

    /** The first value of {@code tag} of every data set, in order (e.g. the study UIDs of an answer). */
    static List<String> values(JsonNode answer, String tag) {
        List<String> values = new ArrayList<>();
        answer.forEach(d -> values.add(d.path(tag).path("Value").path(0).asText()));
        return values;
    }

    static List<String> uids(JsonNode answer) {
        return values(answer, "0020000D");
    }

    /** The data sets of an answer by the first value of {@code tag}. */
    static Map<String, JsonNode> by(JsonNode answer, String tag) {
        Map<String, JsonNode> byValue = new TreeMap<>();
        answer.forEach(d -> byValue.put(d.path(tag).path("Value").path(0).asText(), d));
        return byValue;
    }

    /**
     * An attribute as compared between servers: IS values may be numbers or strings (PS3.18 F.2.3), so they are
     * compared as numbers; key order does not matter; an absent attribute is the text "absent".
     */
    static JsonNode normalised(JsonNode attribute) {
        if (attribute == null) {
            return MAPPER.getNodeFactory().textNode("absent");
        }
        JsonNode copy = attribute.deepCopy();
        if ("IS".equals(copy.path("vr").asText()) && copy.has("Value")) {
            ArrayNode values = MAPPER.createArrayNode();
            copy.get("Value")
                    .forEach(v -> values.add(Integer.parseInt(v.asText().trim())));
            ((ObjectNode) copy).set("Value", values);
        }
        return copy;
    }
}
