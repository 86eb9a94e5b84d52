package org.sanyi.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventType;

/** Production writes events without the schema check; it must write exactly what the checked path writes. */
class OutboxPayloadTest {

    record Membership(String institutionCode, String role, LocalDate validFrom, LocalDate validTo) {}

    record Group(
            String id,
            String name,
            String kind,
            String regionCode,
            List<Membership> memberships,
            long version,
            Instant updatedAt) {}

    /** As Quarkus configures it: java.time as ISO text. */
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Group group = new Group(
            "GRP-XP-YGT",
            "霞浦县总医院（县域医共体）",
            "COUNTY_MEDICAL_COMMUNITY",
            "350921",
            List.of(new Membership("ND-XP-ZYY", "LEAD", LocalDate.parse("2024-01-01"), null)),
            3,
            Instant.parse("2026-12-02T08:00:00.123456Z"));

    @Test
    void theUncheckedPathWritesWhatTheCheckedPathWrites() {
        String checked = Outbox.payload(mapper, EventType.MEDICAL_GROUP_UPSERTED, group, true);
        String unchecked = Outbox.payload(mapper, EventType.MEDICAL_GROUP_UPSERTED, group, false);

        assertThat(unchecked).isEqualTo(checked).contains("\"updatedAt\":\"2026-12-02T08:00:00.123456Z\"");
    }

    @Test
    void theCheckedPathRefusesDataOutsideTheSchema() {
        Group unnamed =
                new Group(group.id(), "", group.kind(), group.regionCode(), group.memberships(), 3, group.updatedAt());

        assertThatThrownBy(() -> Outbox.payload(mapper, EventType.MEDICAL_GROUP_UPSERTED, unnamed, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match its schema");
        assertThat(Outbox.payload(mapper, EventType.MEDICAL_GROUP_UPSERTED, unnamed, false))
                .contains("\"name\":\"\"");
    }
}
