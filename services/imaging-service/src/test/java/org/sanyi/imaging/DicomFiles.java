package org.sanyi.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * DICOM Part 10 files for tests, Explicit VR Little Endian (PS3.10 §7, PS3.5 §7.1.2): a 128-byte preamble, "DICM",
 * the file meta group, then the data set in ascending tag order, each value padded to even length.
 */
final class DicomFiles {

    static final String DIGITAL_X_RAY = "1.2.840.10008.5.1.4.1.1.1.1";
    static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    private static final Set<String> LONG_LENGTH_VRS = Set.of("OB", "OW", "OF", "SQ", "UT", "UN", "UC", "UR");

    private final Map<Integer, Element> elements = new TreeMap<>();

    private record Element(String vr, byte[] value) {}

    /** Adds a text attribute; {@code tag} as eight hex digits. */
    DicomFiles with(String tag, String vr, String value) {
        elements.put(Integer.parseUnsignedInt(tag, 16), new Element(vr, value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    byte[] toPart10() {
        String sopClass = text(0x00080016);
        String sopInstance = text(0x00080018);
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        write(meta, 0x00020001, "OB", new byte[] {0, 1});
        write(meta, 0x00020002, "UI", bytes(sopClass));
        write(meta, 0x00020003, "UI", bytes(sopInstance));
        write(meta, 0x00020010, "UI", bytes(EXPLICIT_VR_LITTLE_ENDIAN));
        write(meta, 0x00020012, "UI", bytes("1.2.156.112605.99.1"));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        write(
                file,
                0x00020000,
                "UL",
                ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(meta.size())
                        .array());
        file.writeBytes(meta.toByteArray());
        elements.forEach((tag, element) -> write(file, tag, element.vr(), element.value()));
        return file.toByteArray();
    }

    private String text(int tag) {
        return new String(elements.get(tag).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void write(ByteArrayOutputStream out, int tag, String vr, byte[] value) {
        byte[] padded = value;
        if (value.length % 2 == 1) {
            padded = java.util.Arrays.copyOf(value, value.length + 1);
            padded[value.length] = vr.equals("UI") || vr.equals("OB") ? (byte) 0 : (byte) ' ';
        }
        ByteBuffer header =
                ByteBuffer.allocate(LONG_LENGTH_VRS.contains(vr) ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) (tag >>> 16)).putShort((short) tag);
        header.put(vr.getBytes(StandardCharsets.US_ASCII));
        if (LONG_LENGTH_VRS.contains(vr)) {
            header.putShort((short) 0).putInt(padded.length);
        } else {
            header.putShort((short) padded.length);
        }
        out.writeBytes(header.array());
        out.writeBytes(padded);
    }
}
