package org.sanyi.imaging.infrastructure.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.sanyi.imaging.domain.PersonName;
import org.sanyi.platform.http.StrictJson;

/**
 * One data set in the DICOM JSON model (PS3.18 Annex F), checked on the way in: attribute names of eight upper-case
 * hex digits, a known VR on every attribute and the dictionary's VR on the attributes the index knows, {@code Value}
 * always an array of the VR's JSON type, PN values as objects of name groups, SQ items as data sets, no NUL or
 * control character in any text. Written out with attributes in ascending tag order.
 */
public final class DicomDataset {

    /** The value representations of PS3.5 Table 6.2-1. */
    static final Set<String> VRS = Set.of(
            "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW",
            "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV");

    private static final Set<String> NUMBER_VRS = Set.of("FD", "FL", "SL", "SS", "UL", "US", "SV", "UV");
    private static final Set<String> NUMBER_OR_STRING_VRS = Set.of("IS", "DS", "SV", "UV");
    private static final Set<String> BINARY_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "UN");
    private static final Set<String> PN_GROUPS = Set.of("Alphabetic", "Ideographic", "Phonetic");

    private final ObjectNode attributes;

    private DicomDataset(ObjectNode attributes) {
        this.attributes = attributes;
    }

    /** Thrown for a data set that breaks the model; {@code path} names the attribute, e.g. {@code [0].0020000D}. */
    public static final class InvalidDicomJson extends RuntimeException {
        private final String path;

        InvalidDicomJson(String path, String message) {
            super(message);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** The data sets of a DICOM JSON body: an array of objects (or one object). */
    public static List<DicomDataset> readAll(JsonNode body) {
        List<DicomDataset> datasets = new ArrayList<>();
        if (body != null && body.isObject()) {
            datasets.add(read(body, "[0]"));
        } else if (body != null && body.isArray()) {
            for (int i = 0; i < body.size(); i++) {
                datasets.add(read(body.get(i), "[" + i + "]"));
            }
        } else {
            throw new InvalidDicomJson("", "a DICOM JSON body is an array of data sets");
        }
        return datasets;
    }

    public static DicomDataset read(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidDicomJson(path, "a data set is a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            checkAttribute(field.getKey(), field.getValue(), path + "." + field.getKey());
        }
        return new DicomDataset((ObjectNode) node);
    }

    private static void checkAttribute(String tag, JsonNode attribute, String path) {
        if (!tag.matches("[0-9A-F]{8}")) {
            throw new InvalidDicomJson(path, "an attribute name is eight upper-case hex digits");
        }
        if (tag.endsWith("0000")) {
            throw new InvalidDicomJson(path, "group length attributes are not part of DICOM JSON");
        }
        if (!attribute.isObject()) {
            throw new InvalidDicomJson(path, "an attribute is an object with vr and Value");
        }
        JsonNode vrNode = attribute.get("vr");
        if (vrNode == null || !vrNode.isTextual() || !VRS.contains(vrNode.asText())) {
            throw new InvalidDicomJson(path, "vr is missing or not a DICOM value representation");
        }
        String vr = vrNode.asText();
        Optional<DicomTag> known = DicomTag.byTag(tag);
        if (known.isPresent() && !known.get().vr().equals(vr)) {
            throw new InvalidDicomJson(
                    path, known.get().keyword() + " has VR " + known.get().vr() + ", not " + vr);
        }
        int forms = (attribute.has("Value") ? 1 : 0)
                + (attribute.has("InlineBinary") ? 1 : 0)
                + (attribute.has("BulkDataURI") ? 1 : 0);
        if (forms > 1) {
            throw new InvalidDicomJson(path, "an attribute has one of Value, InlineBinary and BulkDataURI");
        }
        if (attribute.has("InlineBinary") && !attribute.get("InlineBinary").isTextual()) {
            throw new InvalidDicomJson(path, "InlineBinary is one base64 string");
        }
        if (attribute.has("BulkDataURI") && !attribute.get("BulkDataURI").isTextual()) {
            throw new InvalidDicomJson(path, "BulkDataURI is a string");
        }
        JsonNode value = attribute.get("Value");
        if (value == null) {
            return;
        }
        if (!value.isArray()) {
            throw new InvalidDicomJson(path, "Value is always an array");
        }
        if (BINARY_VRS.contains(vr)) {
            throw new InvalidDicomJson(path, "a " + vr + " attribute carries InlineBinary or BulkDataURI, not Value");
        }
        for (int i = 0; i < value.size(); i++) {
            checkValue(vr, value.get(i), path + ".Value[" + i + "]");
        }
    }

    private static void checkValue(String vr, JsonNode item, String path) {
        if (item.isNull()) {
            return;
        }
        switch (vr) {
            case "PN" -> {
                if (!item.isObject()) {
                    throw new InvalidDicomJson(path, "a PN value is an object of Alphabetic, Ideographic, Phonetic");
                }
                item.fields().forEachRemaining(group -> {
                    if (!PN_GROUPS.contains(group.getKey()) || !group.getValue().isTextual()) {
                        throw new InvalidDicomJson(
                                path + "." + group.getKey(),
                                "a PN value has only text Alphabetic, Ideographic, Phonetic");
                    }
                    checkText(group.getValue().asText(), path + "." + group.getKey());
                });
            }
            case "SQ" -> read(item, path);
            default -> {
                if (NUMBER_OR_STRING_VRS.contains(vr)) {
                    if (!item.isNumber() && !item.isTextual()) {
                        throw new InvalidDicomJson(path, "a " + vr + " value is a number or a string");
                    }
                } else if (NUMBER_VRS.contains(vr)) {
                    if (!item.isNumber()) {
                        throw new InvalidDicomJson(path, "a " + vr + " value is a number");
                    }
                } else if (!item.isTextual()) {
                    throw new InvalidDicomJson(path, "a " + vr + " value is a string");
                }
                if (item.isTextual()) {
                    checkText(item.asText(), path);
                }
            }
        }
    }

    private static void checkText(String text, String path) {
        int at = StrictJson.forbiddenCharacterAt(text);
        if (at >= 0) {
            throw new InvalidDicomJson(path, "holds a NUL or control character at index " + at);
        }
    }

    /** The first value of the attribute as text, or empty when absent, empty or null. */
    public Optional<String> string(DicomTag tag) {
        List<String> values = strings(tag);
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    public List<String> strings(DicomTag tag) {
        JsonNode value = attributes.path(tag.tag()).get("Value");
        List<String> result = new ArrayList<>();
        if (value != null) {
            for (JsonNode item : value) {
                if (!item.isNull() && !item.asText().isBlank()) {
                    result.add(item.asText().trim());
                }
            }
        }
        return result;
    }

    public Optional<PersonName> personName(DicomTag tag) {
        JsonNode value = attributes.path(tag.tag()).get("Value");
        if (value == null || value.isEmpty() || !value.get(0).isObject()) {
            return Optional.empty();
        }
        JsonNode name = value.get(0);
        PersonName result = new PersonName(
                name.path("Alphabetic").asText(null),
                name.path("Ideographic").asText(null),
                name.path("Phonetic").asText(null));
        return result.isEmpty() ? Optional.empty() : Optional.of(result);
    }

    /** An IS value (a number or its decimal string). */
    public Optional<Integer> integer(DicomTag tag, String path) {
        Optional<String> text = string(tag);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(text.get().trim()));
        } catch (NumberFormatException e) {
            throw new InvalidDicomJson(path + "." + tag.tag(), tag.keyword() + " is not an integer string");
        }
    }

    /** The items of a sequence attribute. */
    public List<DicomDataset> sequence(DicomTag tag) {
        JsonNode value = attributes.path(tag.tag()).get("Value");
        List<DicomDataset> items = new ArrayList<>();
        if (value != null) {
            value.forEach(item -> items.add(new DicomDataset((ObjectNode) item)));
        }
        return items;
    }

    /**
     * Builds a data set whose attributes come out in ascending tag order, as PS3.18 F.2 requires, with only the
     * attributes asked for: the others are not built at all.
     */
    public static final class Writer {
        private final TreeMap<String, ObjectNode> attributes = new TreeMap<>();
        private final Set<String> wanted;

        /** @param wanted the tags to write; every other attribute given is left out */
        public Writer(Set<String> wanted) {
            this.wanted = wanted;
        }

        public Writer text(DicomTag tag, String value) {
            ObjectNode attribute = empty(tag);
            if (value != null && !value.isEmpty()) {
                attribute.putArray("Value").add(value);
            }
            return this;
        }

        public Writer texts(DicomTag tag, List<String> values) {
            ObjectNode attribute = empty(tag);
            if (values != null && !values.isEmpty()) {
                ArrayNode array = attribute.putArray("Value");
                values.forEach(array::add);
            }
            return this;
        }

        public Writer number(DicomTag tag, Integer value) {
            ObjectNode attribute = empty(tag);
            if (value != null) {
                attribute.putArray("Value").add(value);
            }
            return this;
        }

        public Writer personName(DicomTag tag, PersonName name) {
            ObjectNode attribute = empty(tag);
            if (name != null && !name.isEmpty()) {
                ObjectNode groups = attribute.putArray("Value").addObject();
                putGroup(groups, "Alphabetic", name.alphabetic());
                putGroup(groups, "Ideographic", name.ideographic());
                putGroup(groups, "Phonetic", name.phonetic());
            }
            return this;
        }

        private static void putGroup(ObjectNode groups, String group, String value) {
            if (value != null && !value.isEmpty()) {
                groups.put(group, value);
            }
        }

        /** The attribute's node, kept when it is wanted; filled and dropped otherwise. */
        private ObjectNode empty(DicomTag tag) {
            ObjectNode attribute = JsonNodeFactory.instance.objectNode().put("vr", tag.vr());
            if (wanted.contains(tag.tag())) {
                attributes.put(tag.tag(), attribute);
            }
            return attribute;
        }

        public ObjectNode build() {
            ObjectNode dataset = JsonNodeFactory.instance.objectNode();
            attributes.forEach(dataset::set);
            return dataset;
        }
    }
}
