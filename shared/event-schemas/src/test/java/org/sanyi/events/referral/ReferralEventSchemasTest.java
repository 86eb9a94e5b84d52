package org.sanyi.events.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventSchemas;
import org.sanyi.events.EventType;
import org.sanyi.events.Topic;

class ReferralEventSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<EventType> REFERRAL_TYPES = Arrays.stream(EventType.values())
            .filter(t -> t.topic() == Topic.REFERRAL_EVENTS)
            .toList();

    @Test
    void everyReferralTransitionHasAnEventType() {
        assertThat(REFERRAL_TYPES)
                .extracting(EventType::ceType)
                .containsExactly(
                        "org.sanyi.referral.requested.v1",
                        "org.sanyi.referral.reviewed.v1",
                        "org.sanyi.referral.accepted.v1",
                        "org.sanyi.referral.rejected.v1",
                        "org.sanyi.referral.arrived.v1",
                        "org.sanyi.referral.completed.v1",
                        "org.sanyi.referral.cancelled.v1",
                        "org.sanyi.referral.expired.v1");
    }

    @Test
    void schemaIdsAreTheDataSchemaOfTheirType() throws Exception {
        for (EventType type : REFERRAL_TYPES) {
            ObjectNode schema = read(type);
            assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchema().toString());
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }

    @Test
    void aRequestedEventConforms() throws Exception {
        assertThat(schema(EventType.REFERRAL_REQUESTED).validate(requested())).isEmpty();
    }

    @Test
    void personalDataCannotBeAddedToAnyReferralEvent() throws Exception {
        for (EventType type : REFERRAL_TYPES) {
            ObjectNode event = requested();
            event.put("patientName", "张三");
            assertThat(schema(type).validate(event)).as(type.ceType()).anyMatch(m -> m.getMessage()
                    .contains("patientName"));
        }
    }

    @Test
    void aRejectionNeedsItsReason() throws Exception {
        ObjectNode event = requested();
        event.put("status", "REJECTED");
        ((ObjectNode) event.get("timeline")).put("rejectedAt", "2026-03-02T08:00:00Z");
        assertThat(schema(EventType.REFERRAL_REJECTED).validate(event))
                .anyMatch(m -> m.getMessage().contains("rejectionReason"));

        event.put("rejectionReason", "NO_CAPACITY");
        assertThat(schema(EventType.REFERRAL_REJECTED).validate(event)).isEmpty();
    }

    private static JsonSchema schema(EventType type) {
        return EventSchemas.schemaOf(type);
    }

    private static ObjectNode read(EventType type) throws Exception {
        try (InputStream in = resource(type)) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    private static InputStream resource(EventType type) {
        InputStream in = ReferralEventSchemasTest.class.getClassLoader().getResourceAsStream(type.schemaResource());
        assertThat(in).as(type.schemaResource()).isNotNull();
        return in;
    }

    private static ObjectNode requested() throws Exception {
        return (ObjectNode)
                MAPPER.readTree(
                        """
                {
                  "referralId": "0b6f3f5e-2a4c-4a8e-9d61-0c6f7c1f2a10",
                  "referralVersion": 0,
                  "status": "REQUESTED",
                  "patientPseudonym": "pp-abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst",
                  "sender": {"institutionCode": "ND-VC-001", "level": "GRASSROOTS", "countyCode": "350921"},
                  "receiver": {"institutionCode": "ND-CH-001", "level": "SECONDARY", "countyCode": "350921"},
                  "direction": "UPWARD",
                  "urgency": "ROUTINE",
                  "diagnosisCode": "I10.x00",
                  "flags": {
                    "greenChannel": false, "sameGroupEpisode": true, "secondDeductibleWaived": true,
                    "properReferral": true, "reimbursementUpliftPoints": 5, "bypassedGrassroots": false,
                    "outOfCounty": false, "outOfCity": false, "familyDoctorInvolved": true, "elderlyCareTransfer": false
                  },
                  "commonGroupIds": ["ND-GROUP-XP"],
                  "policy": {"regionCode": "350900", "version": 1},
                  "timeline": {"requestedAt": "2026-03-01T08:00:00Z", "answerDueAt": "2026-03-04T08:00:00Z"}
                }
                """);
    }
}
