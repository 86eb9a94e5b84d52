package org.sanyi.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting to be published, written in the same transaction as the state change it describes. The
 * relay reads rows in insertion order ({@code seq}, assigned by the database) and stamps {@code published_at}.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    /** Also the CloudEvents {@code id}: consumers deduplicate on it. */
    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    /** Kafka key: the aggregate id, so one aggregate's events stay in one partition, in order. */
    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "data_schema", nullable = false)
    public String dataSchema;

    @Column(nullable = false)
    public String subject;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "published_at")
    public Instant publishedAt;
}
