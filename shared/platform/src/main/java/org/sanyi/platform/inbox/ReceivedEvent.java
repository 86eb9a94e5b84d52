package org.sanyi.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The CloudEvents attributes of a Kafka record in binary content mode, read from its {@code ce_*} headers, with the
 * JSON data as text.
 */
public record ReceivedEvent(
        String id, String type, String source, String subject, String dataSchema, String key, String data) {

    public static ReceivedEvent of(ConsumerRecord<String, ?> record) {
        Object value = record.value();
        String data = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
        return new ReceivedEvent(
                header(record, "ce_id").orElseThrow(() -> new IllegalArgumentException("Record without ce_id")),
                header(record, "ce_type").orElseThrow(() -> new IllegalArgumentException("Record without ce_type")),
                header(record, "ce_source").orElse(null),
                header(record, "ce_subject").orElse(null),
                header(record, "ce_dataschema").orElse(null),
                record.key(),
                data);
    }

    private static Optional<String> header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
