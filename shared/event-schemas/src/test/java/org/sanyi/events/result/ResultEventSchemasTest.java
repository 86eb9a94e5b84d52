package org.sanyi.events.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventSchemas;
import org.sanyi.events.EventType;
import org.sanyi.events.Topic;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionRef;

/**
 * The result-recognition records, serialized as the services publish them, conform to their event type's schema, and
 * the schemas refuse what an event of that type must not carry.
 */
class ResultEventSchemasTest {

    /**
     * The referral test's plain mapper. This module has no jackson-datatype-jsr310, so {@link Instant} is written the
     * way the services' mapper writes it (JavaTimeModule, WRITE_DATES_AS_TIMESTAMPS off): ISO-8601, as
     * {@link Instant#toString()}. BigDecimal stays a JSON number.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private static final List<EventType> RESULT_TYPES = Arrays.stream(EventType.values())
            .filter(t -> t.topic() == Topic.RESULT_EVENTS)
            .toList();

    private static final String PSEUDONYM = "pp-abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst";
    private static final String RESULT_ID = "5d7c0a52-8f0e-4c1b-9a55-3f1e2b7c9d01";
    private static final String EARLIER_RESULT_ID = "a1b2c3d4-0e1f-4a2b-8c3d-4e5f6a7b8c9d";
    private static final String CHECK_ID = "0b6f3f5e-2a4c-4a8e-9d61-0c6f7c1f2a10";
    private static final InstitutionRef COUNTY_HOSPITAL = new InstitutionRef("NDXP-H01", CareLevel.SECONDARY, "350921");
    private static final InstitutionRef LAB_CENTRE = new InstitutionRef("NDXP-LAB01", CareLevel.SECONDARY, "350921");
    private static final InstitutionRef CITY_HOSPITAL = new InstitutionRef("ND-H001", CareLevel.TERTIARY, "350902");
    private static final InstitutionRef TOWNSHIP = new InstitutionRef("NDXP-THC03", CareLevel.GRASSROOTS, null);

    @Test
    void everyResultEventHasAnEventType() {
        assertThat(RESULT_TYPES)
                .extracting(EventType::ceType)
                .containsExactly(
                        "org.sanyi.result.published.v1",
                        "org.sanyi.result.amended.v1",
                        "org.sanyi.result.withdrawn.v1",
                        "org.sanyi.result.check-made.v1",
                        "org.sanyi.result.recognised.v1",
                        "org.sanyi.result.declined.v1");
        assertThat(EventType.RECOGNITION_ITEM_CHANGED.topic()).isEqualTo(Topic.RESULT_CATALOGUE);
        assertThat(Topic.RESULT_CATALOGUE.compacted()).isTrue();
        assertThat(Topic.RESULT_EVENTS.compacted()).isFalse();
    }

    @Test
    void schemaIdsAreTheDataSchemaOfTheirType() throws Exception {
        for (EventType type : resultAndCatalogueTypes()) {
            ObjectNode schema = read(type);
            assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchema().toString());
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }

    @Test
    void everyRecordConformsToTheSchemaOfItsType() {
        Map<EventType, List<Object>> examples = Map.of(
                EventType.RESULT_PUBLISHED, List.of(published(), repeat(), publishedByATownship()),
                EventType.RESULT_AMENDED, List.of(amended()),
                EventType.RESULT_WITHDRAWN, List.of(withdrawn(), withdrawnUncited()),
                EventType.RESULT_CHECK_MADE, List.of(check()),
                EventType.RESULT_RECOGNISED, List.of(recognised()),
                EventType.RESULT_DECLINED, List.of(declined(), declinedWithoutACitedResult()),
                EventType.RECOGNITION_ITEM_CHANGED, List.of(labItem(), examItem()));
        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(resultAndCatalogueTypes());
        examples.forEach((type, records) -> records.forEach(record -> assertThat(violations(type, json(record)))
                .as("%s: %s", type.ceType(), record)
                .isEmpty()));
    }

    @Test
    void nullFieldsAreOmittedAndInstantsAndFeesHaveTheirJsonForm() {
        ObjectNode event = json(published());
        assertThat(event.has("repeatOf")).isFalse();
        assertThat(event.has("repeatWithoutReason")).isFalse();
        assertThat(event.has("voidedRecognitions")).isFalse();
        assertThat(event.path("specimenAt").asText()).isEqualTo("2026-03-02T01:30:00Z");

        ObjectNode decision = json(recognised());
        assertThat(decision.has("declineReason")).isFalse();
        assertThat(decision.path("avoidedFee").isNumber()).isTrue();
        assertThat(json(declined()).has("basis")).isFalse();
        assertThat(json(labItem()).path("referencePrice").isNumber()).isTrue();
    }

    @Test
    void aResultEventCarriesTheStatusOfItsType() {
        ObjectNode published = json(published());
        published.put("status", "WITHDRAWN");
        assertThat(violations(EventType.RESULT_PUBLISHED, published)).anyMatch(m -> m.contains("status"));
        published.put("status", "AMENDED");
        assertThat(violations(EventType.RESULT_PUBLISHED, published)).anyMatch(m -> m.contains("status"));

        assertThat(violations(EventType.RESULT_AMENDED, json(published()))).anyMatch(m -> m.contains("status"));
        assertThat(violations(EventType.RESULT_WITHDRAWN, json(amended()))).anyMatch(m -> m.contains("status"));
    }

    @Test
    void onlyAWithdrawalListsVoidedRecognitions() {
        ObjectNode withdrawal = json(withdrawn());
        withdrawal.remove("voidedRecognitions");
        assertThat(violations(EventType.RESULT_WITHDRAWN, withdrawal)).anyMatch(m -> m.contains("voidedRecognitions"));

        ObjectNode published = json(published());
        published.set("voidedRecognitions", json(withdrawn()).get("voidedRecognitions"));
        assertThat(violations(EventType.RESULT_PUBLISHED, published)).anyMatch(m -> m.contains("voidedRecognitions"));
    }

    @Test
    void aRecognitionCitesAResultAndHasNoDeclineReason() {
        DecisionEvent withoutResult = new DecisionEvent(
                "6c1f4e7a-3b2d-4f5e-8a9b-0c1d2e3f4a5b",
                CHECK_ID,
                CITY_HOSPITAL,
                PSEUDONYM,
                "LAB-HBA1C",
                false,
                null,
                "NDXP-H01",
                RecognitionScope.CITY_WIDE,
                null,
                new BigDecimal("35.00"),
                Instant.parse("2026-03-10T02:05:00Z"));
        assertThat(violations(EventType.RESULT_RECOGNISED, json(withoutResult))).anyMatch(m -> m.contains("resultId"));

        for (String field : List.of("issuerCode", "basis", "avoidedFee")) {
            ObjectNode event = json(recognised());
            event.remove(field);
            assertThat(violations(EventType.RESULT_RECOGNISED, event)).as(field).anyMatch(m -> m.contains(field));
        }

        ObjectNode withReason = json(recognised());
        withReason.put("declineReason", "CONDITION_CHANGED");
        assertThat(violations(EventType.RESULT_RECOGNISED, withReason)).anyMatch(m -> m.contains("declineReason"));
    }

    @Test
    void aDeclineNeedsItsReasonAndSavesNothing() {
        ObjectNode withoutReason = json(declined());
        withoutReason.remove("declineReason");
        assertThat(violations(EventType.RESULT_DECLINED, withoutReason)).anyMatch(m -> m.contains("declineReason"));

        ObjectNode withBasis = json(declined());
        withBasis.put("basis", "SAME_GROUP");
        assertThat(violations(EventType.RESULT_DECLINED, withBasis)).anyMatch(m -> m.contains("basis"));

        ObjectNode withFee = json(declined());
        withFee.put("avoidedFee", new BigDecimal("35.00"));
        assertThat(violations(EventType.RESULT_DECLINED, withFee)).anyMatch(m -> m.contains("avoidedFee"));
    }

    @Test
    void feesAndCountsAreNotNegative() {
        ObjectNode decision = json(recognised());
        decision.put("avoidedFee", new BigDecimal("-35.00"));
        assertThat(violations(EventType.RESULT_RECOGNISED, decision)).anyMatch(m -> m.contains("avoidedFee"));

        ObjectNode item = json(labItem());
        item.put("referencePrice", new BigDecimal("-1"));
        assertThat(violations(EventType.RECOGNITION_ITEM_CHANGED, item)).anyMatch(m -> m.contains("referencePrice"));

        ObjectNode check = json(check());
        ((ObjectNode) check.get("items").get(0)).put("recognisable", -1);
        assertThat(violations(EventType.RESULT_CHECK_MADE, check)).anyMatch(m -> m.contains("recognisable"));
    }

    @Test
    void thePatientAppearsOnlyAsAPseudonym() {
        Map<EventType, ObjectNode> events = Map.of(
                EventType.RESULT_PUBLISHED, json(published()),
                EventType.RESULT_AMENDED, json(amended()),
                EventType.RESULT_WITHDRAWN, json(withdrawn()),
                EventType.RESULT_CHECK_MADE, json(check()),
                EventType.RESULT_RECOGNISED, json(recognised()),
                EventType.RESULT_DECLINED, json(declined()));
        assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(RESULT_TYPES);
        events.forEach((type, event) -> {
            for (String identifier : List.of(
                    "350921198001011234", "pp-ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST", "pp-short")) {
                ObjectNode copy = event.deepCopy();
                copy.put("patientPseudonym", identifier);
                assertThat(violations(type, copy))
                        .as("%s with %s", type.ceType(), identifier)
                        .anyMatch(m -> m.contains("patientPseudonym"));
            }
        });
    }

    @Test
    void noValueFindingOrNameCanBeAddedToAnyResultEvent() {
        Map<EventType, ObjectNode> events = Map.of(
                EventType.RESULT_PUBLISHED, json(published()),
                EventType.RESULT_AMENDED, json(amended()),
                EventType.RESULT_WITHDRAWN, json(withdrawn()),
                EventType.RESULT_CHECK_MADE, json(check()),
                EventType.RESULT_RECOGNISED, json(recognised()),
                EventType.RESULT_DECLINED, json(declined()));
        events.forEach((type, event) -> {
            for (String field : List.of("patientName", "value", "findings", "conclusion", "note")) {
                ObjectNode copy = event.deepCopy();
                copy.put(field, "张三 7.2 %");
                assertThat(violations(type, copy))
                        .as("%s with %s", type.ceType(), field)
                        .anyMatch(m -> m.contains(field));
            }
        });

        ObjectNode issuer = json(published());
        ((ObjectNode) issuer.get("issuer")).put("name", "霞浦县医院");
        assertThat(violations(EventType.RESULT_PUBLISHED, issuer)).anyMatch(m -> m.contains("name"));

        ObjectNode analyte = json(labItem());
        ((ObjectNode) analyte.get("analytes").get(0)).put("value", 7.2);
        assertThat(violations(EventType.RECOGNITION_ITEM_CHANGED, analyte)).anyMatch(m -> m.contains("value"));
    }

    @Test
    void aCheckCountsOnlyKnownReasons() {
        ObjectNode check = json(check());
        ((ObjectNode) check.get("items").get(1)).putArray("reasons").add("TOO_EXPENSIVE");
        assertThat(violations(EventType.RESULT_CHECK_MADE, check)).anyMatch(m -> m.contains("reasons"));
    }

    // --- realistic instances ------------------------------------------------------------------------------------

    /** An HbA1c test of the county hospital, performed by the county's shared lab centre. */
    private static ResultEvent published() {
        return new ResultEvent(
                RESULT_ID,
                1,
                ResultStatus.FINAL,
                PSEUDONYM,
                COUNTY_HOSPITAL,
                LAB_CENTRE,
                "LAB-HBA1C",
                ResultKind.LAB,
                false,
                Instant.parse("2026-03-02T01:30:00Z"),
                Instant.parse("2026-03-02T06:12:45.120Z"),
                true,
                null,
                null,
                null);
    }

    /** A CT the city hospital repeated within the validity window of the county hospital's, without a reason. */
    private static ResultEvent repeat() {
        return new ResultEvent(
                "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
                1,
                ResultStatus.FINAL,
                PSEUDONYM,
                CITY_HOSPITAL,
                CITY_HOSPITAL,
                "EXAM-CT-CHEST",
                ResultKind.EXAM,
                true,
                Instant.parse("2026-03-12T03:00:00Z"),
                Instant.parse("2026-03-12T05:40:00Z"),
                true,
                EARLIER_RESULT_ID,
                true,
                null);
    }

    /** A township health centre without a county code in the directory; the item needs no EQA. */
    private static ResultEvent publishedByATownship() {
        return new ResultEvent(
                "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b",
                1,
                ResultStatus.FINAL,
                PSEUDONYM,
                TOWNSHIP,
                TOWNSHIP,
                "EXAM-ECG-12",
                ResultKind.EXAM,
                false,
                Instant.parse("2026-03-03T00:15:00Z"),
                Instant.parse("2026-03-03T00:40:00Z"),
                true,
                null,
                false,
                null);
    }

    private static ResultEvent amended() {
        ResultEvent p = published();
        return new ResultEvent(
                p.resultId(),
                2,
                ResultStatus.AMENDED,
                p.patientPseudonym(),
                p.issuer(),
                p.performer(),
                p.itemCode(),
                p.kind(),
                p.largeEquipment(),
                p.specimenAt(),
                Instant.parse("2026-03-03T02:00:00Z"),
                p.eqaPassed(),
                null,
                null,
                null);
    }

    private static ResultEvent withdrawn() {
        return withdrawn(List.of(
                new VoidedRecognition("6c1f4e7a-3b2d-4f5e-8a9b-0c1d2e3f4a5b", "ND-H001"),
                new VoidedRecognition("7d2a5f8b-4c3e-4a6f-9b0c-1d2e3f4a5b6c", "NDXP-THC03")));
    }

    private static ResultEvent withdrawnUncited() {
        return withdrawn(List.of());
    }

    private static ResultEvent withdrawn(List<VoidedRecognition> voided) {
        ResultEvent p = published();
        return new ResultEvent(
                p.resultId(),
                3,
                ResultStatus.WITHDRAWN,
                p.patientPseudonym(),
                p.issuer(),
                p.performer(),
                p.itemCode(),
                p.kind(),
                p.largeEquipment(),
                p.specimenAt(),
                p.reportedAt(),
                p.eqaPassed(),
                null,
                null,
                voided);
    }

    private static CheckEvent check() {
        return new CheckEvent(
                CHECK_ID,
                CITY_HOSPITAL,
                PSEUDONYM,
                ClinicalContext.PRE_OPERATIVE,
                Instant.parse("2026-03-10T02:00:00Z"),
                List.of(
                        new CheckedItem("LAB-HBA1C", 1, 0, List.of()),
                        new CheckedItem(
                                "EXAM-CT-CHEST",
                                0,
                                2,
                                List.of(NotRecognisableReason.EXPIRED, NotRecognisableReason.OUT_OF_SCOPE)),
                        new CheckedItem("LAB-CBC", 0, 0, List.of())));
    }

    private static DecisionEvent recognised() {
        return new DecisionEvent(
                "6c1f4e7a-3b2d-4f5e-8a9b-0c1d2e3f4a5b",
                CHECK_ID,
                CITY_HOSPITAL,
                PSEUDONYM,
                "LAB-HBA1C",
                false,
                RESULT_ID,
                "NDXP-H01",
                RecognitionScope.CITY_WIDE,
                null,
                new BigDecimal("35.00"),
                Instant.parse("2026-03-10T02:05:00Z"));
    }

    private static DecisionEvent declined() {
        return new DecisionEvent(
                "8e3b6a9c-5d4f-4b7a-8c1d-2e3f4a5b6c7d",
                CHECK_ID,
                CITY_HOSPITAL,
                PSEUDONYM,
                "LAB-HBA1C",
                false,
                RESULT_ID,
                "NDXP-H01",
                null,
                DeclineReason.MAJOR_INTERVENTION,
                BigDecimal.ZERO,
                Instant.parse("2026-03-10T02:05:00Z"));
    }

    private static DecisionEvent declinedWithoutACitedResult() {
        return new DecisionEvent(
                "9f4c7b0d-6e5a-4c8b-9d2e-3f4a5b6c7d8e",
                CHECK_ID,
                CITY_HOSPITAL,
                PSEUDONYM,
                "EXAM-CT-CHEST",
                true,
                null,
                null,
                null,
                DeclineReason.CONDITION_CHANGED,
                new BigDecimal("0.00"),
                Instant.parse("2026-03-10T02:06:00Z"));
    }

    private static CatalogueItemEvent labItem() {
        return new CatalogueItemEvent(
                "LAB-CBC",
                3,
                "血常规",
                ResultKind.LAB,
                "临床血液",
                "58410-2",
                null,
                7,
                new BigDecimal("20.00"),
                true,
                false,
                List.of(
                        new Analyte("WBC", "白细胞计数", "6690-2", AnalyteType.QUANTITY, List.of("10*9/L")),
                        new Analyte("HGB", "血红蛋白", "718-7", AnalyteType.QUANTITY, List.of("g/L", "g/dL")),
                        new Analyte("MORPH", "血细胞形态", null, AnalyteType.TEXT, List.of())),
                true,
                Instant.parse("2026-02-01T00:00:00Z"),
                "seed");
    }

    private static CatalogueItemEvent examItem() {
        return new CatalogueItemEvent(
                "EXAM-CT-CHEST",
                1,
                "胸部CT平扫",
                ResultKind.EXAM,
                "影像",
                null,
                "CT",
                30,
                new BigDecimal("260"),
                false,
                true,
                null,
                false,
                Instant.parse("2026-02-15T08:30:00.5Z"),
                "catalogue-admin-01");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static List<EventType> resultAndCatalogueTypes() {
        return Arrays.stream(EventType.values())
                .filter(t -> t.topic() == Topic.RESULT_EVENTS || t.topic() == Topic.RESULT_CATALOGUE)
                .toList();
    }

    private static List<String> violations(EventType type, JsonNode data) {
        return EventSchemas.violations(type, data);
    }

    /** The record as it goes on the wire: written to JSON text and read back. */
    private static ObjectNode json(Object record) {
        try {
            return (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(record));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode read(EventType type) throws Exception {
        try (InputStream in =
                ResultEventSchemasTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return (ObjectNode) MAPPER.readTree(in);
        }
    }
}
