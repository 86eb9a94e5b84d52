package org.sanyi.events.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventSchemas;
import org.sanyi.events.EventType;
import org.sanyi.events.Topic;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionRef;

/**
 * The imaging-sharing records, serialized as the services publish them, conform to their event type's schema, and
 * the schemas refuse what an event of that type must not carry: the patient's identifier, name or birth date, the
 * report text, the 医保影像云 index ID (it contains the 人员管理码).
 */
class ImagingEventSchemasTest {

    /**
     * The result test's plain mapper ({@link Instant} written as ISO-8601, as the services' JavaTimeModule writes it),
     * with null fields of the event records omitted, as {@code @JsonInclude(NON_NULL)} on a record omits them (the
     * result records carry it). Only the records' own fields: a nested {@link InstitutionRef} still writes a null
     * {@code countyCode}, which its schema requires.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .addMixIn(StudyEvent.class, OmitNullFields.class)
            .addMixIn(StudyAccessEvent.class, OmitNullFields.class)
            .addMixIn(BreakGlassReviewEvent.class, OmitNullFields.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface OmitNullFields {}

    private static final List<EventType> STUDY_TYPES = Arrays.stream(EventType.values())
            .filter(t -> t.topic() == Topic.IMAGING_EVENTS)
            .toList();
    private static final List<EventType> ACCESS_TYPES = Arrays.stream(EventType.values())
            .filter(t -> t.topic() == Topic.IMAGING_ACCESS)
            .toList();

    private static final String PSEUDONYM = "pp-abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst";
    private static final String STUDY_ID = "3c9a1e52-7b4d-4f0e-9a21-5d8e6f7a8b90";
    private static final String DX_STUDY_ID = "4d0b2f63-8c5e-4a1f-8b32-6e9f7a8b9c01";
    private static final String MR_STUDY_ID = "5e1c3a74-9d6f-4b2a-9c43-7fa08b9cad12";
    private static final String ACCESS_ID = "6f2d4b85-ae70-4c3b-8d54-80b19cadbe23";
    private static final String STUDY_UID = "1.2.840.113619.2.55.3.604688119.971.1711958400.123";
    private static final InstitutionRef COUNTY_HOSPITAL = new InstitutionRef("NDXP-H01", CareLevel.SECONDARY, "350921");
    private static final InstitutionRef IMAGING_CENTRE =
            new InstitutionRef("NDXP-IMG01", CareLevel.SECONDARY, "350921");
    private static final InstitutionRef CITY_HOSPITAL = new InstitutionRef("ND-H001", CareLevel.TERTIARY, "350902");
    private static final InstitutionRef TOWNSHIP = new InstitutionRef("NDXP-THC03", CareLevel.GRASSROOTS, null);
    private static final InstitutionRef INSURER = new InstitutionRef("ND-YB-XP", CareLevel.NOT_APPLICABLE, "350921");

    @Test
    void theImagingTopicsCarryExactlyTheImagingTypes() {
        assertThat(STUDY_TYPES)
                .extracting(EventType::ceType)
                .containsExactly(
                        "org.sanyi.imaging.study.registered.v1",
                        "org.sanyi.imaging.study.amended.v1",
                        "org.sanyi.imaging.study.reported.v1",
                        "org.sanyi.imaging.study.reading-requested.v1",
                        "org.sanyi.imaging.study.retracted.v1");
        assertThat(ACCESS_TYPES)
                .extracting(EventType::ceType)
                .containsExactly("org.sanyi.imaging.study.accessed.v1", "org.sanyi.imaging.break-glass.reviewed.v1");
        assertThat(Topic.IMAGING_EVENTS.topicName()).isEqualTo("imaging.events.v1");
        assertThat(Topic.IMAGING_ACCESS.topicName()).isEqualTo("imaging.access.v1");
        assertThat(Topic.IMAGING_EVENTS.compacted()).isFalse();
        assertThat(Topic.IMAGING_ACCESS.compacted()).isFalse();
    }

    @Test
    void schemaIdsAreTheDataSchemaOfTheirType() throws Exception {
        for (EventType type : imagingTypes()) {
            ObjectNode schema = read(type);
            assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchema().toString());
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(type.schemaFile()).startsWith("imaging/");
        }
    }

    @Test
    void everySchemaSaysWhatNeverAppears() throws Exception {
        for (EventType type : imagingTypes()) {
            assertThat(read(type).path("description").asText())
                    .as(type.ceType())
                    .contains("no identifier number, name, birth date, report text or 医保影像云 index ID")
                    .contains("人员管理码");
        }
    }

    @Test
    void everyRecordConformsToTheSchemaOfItsType() {
        Map<EventType, List<Object>> examples = Map.of(
                EventType.STUDY_REGISTERED,
                        List.of(registered(), registeredByATownship(), registeredWithAReport(), registeredMr()),
                EventType.STUDY_AMENDED, List.of(amended()),
                EventType.STUDY_REPORTED, List.of(reportedPreliminary(), reportedByTheReadingCentre(), reportAmended()),
                EventType.STUDY_READING_REQUESTED, List.of(readingRequested()),
                EventType.STUDY_RETRACTED, List.of(retracted(), retractedAfterItsReport()),
                EventType.STUDY_ACCESSED,
                        List.of(
                                searchedUnderAReferral(),
                                retrievedByTheSource(),
                                breakGlass(),
                                readByAnInsurer(),
                                searchedWithConsent(),
                                retrievedByTheReadingCentre()),
                EventType.BREAK_GLASS_REVIEWED, List.of(justified(), unjustified()));
        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(imagingTypes());
        examples.forEach((type, records) -> records.forEach(record -> assertThat(violations(type, json(record)))
                .as("%s: %s", type.ceType(), record)
                .isEmpty()));
    }

    @Test
    void nullFieldsAreOmittedAndInstantsHaveTheirJsonForm() {
        ObjectNode event = json(registered());
        for (String field : List.of(
                "referring", "bodyPart", "reportStatus", "reportedAt", "reportedBy", "readingCentre", "routedAt")) {
            assertThat(event.has(field)).as(field).isFalse();
        }
        assertThat(event.path("studyAt").asText()).isEqualTo("2026-04-01T02:30:00Z");
        assertThat(event.path("nhsaIndexed").isBoolean()).isTrue();
        assertThat(event.path("modalities").isArray()).isTrue();

        ObjectNode access = json(searchedUnderAReferral());
        assertThat(access.has("breakGlassReason")).isFalse();
        assertThat(access.path("accessedAt").asText()).isEqualTo("2026-04-03T01:15:00Z");

        // The nested institution keeps its null county code, which its schema requires.
        assertThat(json(registeredByATownship()).path("source").has("countyCode"))
                .isTrue();
    }

    @Test
    void aNullWrittenOutIsRefused() {
        for (String field : List.of("reportStatus", "reportedBy", "readingCentre", "bodyPart")) {
            ObjectNode event = json(registered());
            event.putNull(field);
            assertThat(violations(EventType.STUDY_REGISTERED, event)).as(field).anyMatch(m -> m.contains(field));
        }
        ObjectNode access = json(searchedUnderAReferral());
        access.putNull("breakGlassReason");
        assertThat(violations(EventType.STUDY_ACCESSED, access)).anyMatch(m -> m.contains("breakGlassReason"));
    }

    @Test
    void aStudyEventCarriesTheStatusOfItsType() {
        assertThat(violations(EventType.STUDY_REGISTERED, json(retracted()))).anyMatch(m -> m.contains("status"));
        Map<EventType, ObjectNode> notRetracted = new LinkedHashMap<>();
        notRetracted.put(EventType.STUDY_REGISTERED, json(registered()));
        notRetracted.put(EventType.STUDY_AMENDED, json(amended()));
        notRetracted.put(EventType.STUDY_REPORTED, json(reportedPreliminary()));
        notRetracted.put(EventType.STUDY_READING_REQUESTED, json(readingRequested()));
        notRetracted.forEach((type, event) -> {
            event.put("status", "RETRACTED");
            assertThat(violations(type, event)).as(type.ceType()).anyMatch(m -> m.contains("status"));
        });

        assertThat(violations(EventType.STUDY_RETRACTED, json(registered()))).anyMatch(m -> m.contains("status"));
        ObjectNode unknown = json(registered());
        unknown.put("status", "DELETED");
        assertThat(violations(EventType.STUDY_REGISTERED, unknown)).anyMatch(m -> m.contains("status"));
    }

    @Test
    void aReportEventNamesTheReportsStatusTimeAndReader() {
        assertThat(violations(EventType.STUDY_REPORTED, json(registered())))
                .anyMatch(m -> m.contains("reportStatus"))
                .anyMatch(m -> m.contains("reportedAt"))
                .anyMatch(m -> m.contains("reportedBy"));
        for (String field : List.of("reportStatus", "reportedAt", "reportedBy")) {
            ObjectNode event = json(reportedPreliminary());
            event.remove(field);
            assertThat(violations(EventType.STUDY_REPORTED, event)).as(field).anyMatch(m -> m.contains(field));
        }
        ObjectNode signedOff = json(reportedPreliminary());
        signedOff.put("reportStatus", "SIGNED");
        assertThat(violations(EventType.STUDY_REPORTED, signedOff)).anyMatch(m -> m.contains("reportStatus"));
    }

    @Test
    void aReadingRequestNamesTheCentreAndWhen() {
        for (String field : List.of("readingCentre", "routedAt")) {
            ObjectNode event = json(readingRequested());
            event.remove(field);
            assertThat(violations(EventType.STUDY_READING_REQUESTED, event))
                    .as(field)
                    .anyMatch(m -> m.contains(field));
        }
    }

    @Test
    void everyRequiredStudyFieldIsRequired() {
        for (String field : List.of(
                "studyId",
                "studyVersion",
                "status",
                "studyInstanceUid",
                "patientPseudonym",
                "source",
                "modalities",
                "studyAt",
                "seriesCount",
                "instanceCount",
                "retrieveUrl",
                "nhsaIndexed")) {
            for (EventType type : STUDY_TYPES) {
                ObjectNode event = json(registered());
                event.remove(field);
                assertThat(violations(type, event))
                        .as("%s without %s", type.ceType(), field)
                        .anyMatch(m -> m.contains(field));
            }
        }
    }

    @Test
    void aRetrieveUrlIsHttpOrHttps() {
        for (String url : List.of(
                "ftp://pacs.thc03.local/dicom-web/studies/" + STUDY_UID,
                "file:///srv/pacs/" + STUDY_UID,
                "javascript:alert(1)",
                "pacs.thc03.local:8042/dicom-web/studies/" + STUDY_UID,
                "")) {
            ObjectNode event = json(registered());
            event.put("retrieveUrl", url);
            assertThat(violations(EventType.STUDY_REGISTERED, event)).as(url).anyMatch(m -> m.contains("retrieveUrl"));
        }
        ObjectNode https = json(registered());
        https.put("retrieveUrl", "https://pacs.ndxp-h01.example.cn/dicom-web/studies/" + STUDY_UID);
        assertThat(violations(EventType.STUDY_REGISTERED, https)).isEmpty();
    }

    @Test
    void aStudyInstanceUidIsADicomUid() {
        for (String uid : List.of(
                "1.2.840.0113619", // a component with a leading zero
                "1.2.840.abc",
                "1",
                "1..2",
                "1.2.",
                "1.2.840.10008." + "1".repeat(51), // 65 characters
                "350921198001011234")) {
            ObjectNode event = json(registered());
            event.put("studyInstanceUid", uid);
            assertThat(violations(EventType.STUDY_REGISTERED, event))
                    .as(uid)
                    .anyMatch(m -> m.contains("studyInstanceUid"));
        }
        ObjectNode longest = json(registered());
        longest.put("studyInstanceUid", "1.2.840.10008." + "1".repeat(50));
        assertThat(violations(EventType.STUDY_REGISTERED, longest)).isEmpty();
    }

    @Test
    void modalitiesAreDicomCodes() {
        for (String modality : List.of("ct", "C", "CT SCAN", "胸部CT")) {
            ObjectNode event = json(registered());
            event.putArray("modalities").add("SR").add(modality);
            assertThat(violations(EventType.STUDY_REGISTERED, event))
                    .as(modality)
                    .anyMatch(m -> m.contains("modalities"));
        }
        ObjectNode counts = json(registered());
        counts.put("seriesCount", -1);
        assertThat(violations(EventType.STUDY_REGISTERED, counts)).anyMatch(m -> m.contains("seriesCount"));
    }

    @Test
    void aBreakGlassAccessAndOnlyItHasAReason() {
        ObjectNode withoutReason = json(breakGlass());
        withoutReason.remove("breakGlassReason");
        assertThat(violations(EventType.STUDY_ACCESSED, withoutReason)).anyMatch(m -> m.contains("breakGlassReason"));

        for (AccessBasis basis : AccessBasis.values()) {
            if (basis == AccessBasis.BREAK_GLASS) {
                continue;
            }
            ObjectNode withReason = json(searchedUnderAReferral());
            withReason.put("basis", basis.name());
            withReason.put("breakGlassReason", BreakGlassReason.LIFE_THREATENING.name());
            assertThat(violations(EventType.STUDY_ACCESSED, withReason))
                    .as(basis.name())
                    .anyMatch(m -> m.contains("breakGlassReason"));
            withReason.remove("breakGlassReason");
            assertThat(violations(EventType.STUDY_ACCESSED, withReason))
                    .as(basis.name())
                    .isEmpty();
        }

        ObjectNode freeText = json(breakGlass());
        freeText.put("breakGlassReason", "患者昏迷，急需对比");
        assertThat(violations(EventType.STUDY_ACCESSED, freeText)).anyMatch(m -> m.contains("breakGlassReason"));
    }

    @Test
    void anAccessNamesAtLeastOneStudyById() {
        ObjectNode none = json(retrievedByTheSource());
        none.putArray("studyIds");
        assertThat(violations(EventType.STUDY_ACCESSED, none)).anyMatch(m -> m.contains("studyIds"));

        ObjectNode byUid = json(retrievedByTheSource());
        byUid.putArray("studyIds").add(STUDY_UID);
        assertThat(violations(EventType.STUDY_ACCESSED, byUid)).anyMatch(m -> m.contains("studyIds"));

        ObjectNode sources = json(retrievedByTheSource());
        sources.putArray("sourceInstitutions").add("霞浦县医院");
        assertThat(violations(EventType.STUDY_ACCESSED, sources)).anyMatch(m -> m.contains("sourceInstitutions"));

        for (String field : List.of("action", "basis", "purposeOfUse", "role")) {
            ObjectNode unknown = json(retrievedByTheSource());
            unknown.put(field, "SOMETHING_ELSE");
            assertThat(violations(EventType.STUDY_ACCESSED, unknown)).as(field).anyMatch(m -> m.contains(field));
        }
    }

    @Test
    void aReviewFindsTheAccessJustifiedOrNot() {
        ObjectNode pending = json(justified());
        pending.put("outcome", ReviewStatus.PENDING.name());
        assertThat(violations(EventType.BREAK_GLASS_REVIEWED, pending)).anyMatch(m -> m.contains("outcome"));

        ObjectNode withoutOutcome = json(justified());
        withoutOutcome.remove("outcome");
        assertThat(violations(EventType.BREAK_GLASS_REVIEWED, withoutOutcome)).anyMatch(m -> m.contains("outcome"));

        ObjectNode withNote = json(unjustified());
        withNote.put("note", "无急救指征");
        assertThat(violations(EventType.BREAK_GLASS_REVIEWED, withNote)).anyMatch(m -> m.contains("note"));
    }

    @Test
    void thePatientAppearsOnlyAsAPseudonym() {
        Map<EventType, ObjectNode> events = patientEvents();
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
    void noIdentifierNameReportTextOrIndexIdCanBeAddedToAnyImagingEvent() {
        Map<EventType, ObjectNode> events = patientEvents();
        events.put(EventType.BREAK_GLASS_REVIEWED, json(justified()));
        assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(imagingTypes());
        events.forEach((type, event) -> {
            for (String field : List.of(
                    "patientId",
                    "patientName",
                    "birthDate",
                    "sex",
                    "accessionNumber",
                    "findings",
                    "impression",
                    "studyDescription",
                    "nhsaIndexId",
                    "referringPhysician")) {
                ObjectNode copy = event.deepCopy();
                copy.put(field, "张三 350921198001011234 右肺上叶结节");
                assertThat(violations(type, copy))
                        .as("%s with %s", type.ceType(), field)
                        .anyMatch(m -> m.contains(field));
            }
        });

        ObjectNode source = json(registered());
        ((ObjectNode) source.get("source")).put("name", "霞浦县医院");
        assertThat(violations(EventType.STUDY_REGISTERED, source)).anyMatch(m -> m.contains("name"));

        ObjectNode accessor = json(breakGlass());
        ((ObjectNode) accessor.get("accessor")).put("name", "宁德市医院");
        assertThat(violations(EventType.STUDY_ACCESSED, accessor)).anyMatch(m -> m.contains("name"));

        ObjectNode bodyPart = json(registeredMr());
        bodyPart.put("bodyPart", "头颅平扫 张三");
        assertThat(violations(EventType.STUDY_REGISTERED, bodyPart)).anyMatch(m -> m.contains("bodyPart"));
    }

    // --- realistic instances ------------------------------------------------------------------------------------

    /** A chest CT registered by the county hospital's PACS, not yet reported. */
    private static StudyEvent registered() {
        return new StudyEvent(
                STUDY_ID,
                1,
                StudyStatus.REGISTERED,
                STUDY_UID,
                PSEUDONYM,
                COUNTY_HOSPITAL,
                null,
                List.of("CT"),
                null,
                Instant.parse("2026-04-01T02:30:00Z"),
                3,
                412,
                "http://pacs.ndxp-h01.local:8042/dicom-web/studies/" + STUDY_UID,
                null,
                null,
                null,
                null,
                null,
                true);
    }

    /** A chest X-ray of a township health centre without a county code, ordered by the county hospital. */
    private static StudyEvent registeredByATownship() {
        return new StudyEvent(
                DX_STUDY_ID,
                1,
                StudyStatus.REGISTERED,
                "1.2.156.112605.14038005400001.20260402.1",
                PSEUDONYM,
                TOWNSHIP,
                COUNTY_HOSPITAL,
                List.of("DX"),
                "CHEST",
                Instant.parse("2026-04-02T00:10:00Z"),
                1,
                2,
                "http://10.20.3.15/dicom-web/studies/1.2.156.112605.14038005400001.20260402.1",
                null,
                null,
                null,
                null,
                null,
                false);
    }

    /** A study pushed with its final report already signed; the modality list may be empty in a registration. */
    private static StudyEvent registeredWithAReport() {
        return new StudyEvent(
                "7a3e5c96-bf81-4d4c-9e65-91c2adbecf34",
                1,
                StudyStatus.REGISTERED,
                "2.25.329800735698586629295641978511506172918",
                PSEUDONYM,
                CITY_HOSPITAL,
                null,
                List.of(),
                null,
                Instant.parse("2026-03-28T07:45:12.250Z"),
                0,
                0,
                "https://pacs.nd-h001.example.cn/dicom-web/studies/2.25.329800735698586629295641978511506172918",
                ReportStatus.FINAL,
                Instant.parse("2026-03-28T09:02:00Z"),
                CITY_HOSPITAL,
                null,
                null,
                true);
    }

    /** A head MR with a structured report series, several modalities in the study. */
    private static StudyEvent registeredMr() {
        return new StudyEvent(
                MR_STUDY_ID,
                0,
                StudyStatus.REGISTERED,
                "1.3.12.2.1107.5.2.43.166083.30000026040307391826500000012",
                PSEUDONYM,
                CITY_HOSPITAL,
                TOWNSHIP,
                List.of("MR", "SR", "OT"),
                "HEAD",
                Instant.parse("2026-04-03T07:39:00Z"),
                9,
                1_248,
                "https://pacs.nd-h001.example.cn/dicom-web/studies/1.3.12.2.1107.5.2.43.166083.30000026040307391826500000012",
                null,
                null,
                null,
                null,
                null,
                true);
    }

    /** A second registration of the chest CT added a reconstructed series. */
    private static StudyEvent amended() {
        StudyEvent r = registered();
        return new StudyEvent(
                r.studyId(),
                2,
                StudyStatus.REGISTERED,
                r.studyInstanceUid(),
                r.patientPseudonym(),
                r.source(),
                r.referring(),
                List.of("CT", "SR"),
                "CHEST",
                r.studyAt(),
                4,
                825,
                r.retrieveUrl(),
                null,
                null,
                null,
                null,
                null,
                r.nhsaIndexed());
    }

    private static StudyEvent reportedPreliminary() {
        return reported(amended(), 3, ReportStatus.PRELIMINARY, "2026-04-01T05:00:00Z", COUNTY_HOSPITAL);
    }

    /** The township's X-ray, read at the county imaging centre it was routed to. */
    private static StudyEvent reportedByTheReadingCentre() {
        return reported(readingRequested(), 3, ReportStatus.FINAL, "2026-04-02T03:30:00Z", IMAGING_CENTRE);
    }

    private static StudyEvent reportAmended() {
        return reported(reportedByTheReadingCentre(), 4, ReportStatus.AMENDED, "2026-04-02T08:00:00Z", IMAGING_CENTRE);
    }

    private static StudyEvent reported(StudyEvent s, long version, ReportStatus status, String at, InstitutionRef by) {
        return new StudyEvent(
                s.studyId(),
                version,
                StudyStatus.REGISTERED,
                s.studyInstanceUid(),
                s.patientPseudonym(),
                s.source(),
                s.referring(),
                s.modalities(),
                s.bodyPart(),
                s.studyAt(),
                s.seriesCount(),
                s.instanceCount(),
                s.retrieveUrl(),
                status,
                Instant.parse(at),
                by,
                s.readingCentre(),
                s.routedAt(),
                s.nhsaIndexed());
    }

    /** The township routes its X-ray to the county 医共体's imaging centre (基层检查、上级诊断). */
    private static StudyEvent readingRequested() {
        StudyEvent t = registeredByATownship();
        return new StudyEvent(
                t.studyId(),
                2,
                StudyStatus.REGISTERED,
                t.studyInstanceUid(),
                t.patientPseudonym(),
                t.source(),
                t.referring(),
                t.modalities(),
                t.bodyPart(),
                t.studyAt(),
                t.seriesCount(),
                t.instanceCount(),
                t.retrieveUrl(),
                null,
                null,
                null,
                IMAGING_CENTRE,
                Instant.parse("2026-04-02T00:20:00Z"),
                t.nhsaIndexed());
    }

    private static StudyEvent retracted() {
        return retracted(registered(), 2);
    }

    private static StudyEvent retractedAfterItsReport() {
        return retracted(reportAmended(), 5);
    }

    private static StudyEvent retracted(StudyEvent s, long version) {
        return new StudyEvent(
                s.studyId(),
                version,
                StudyStatus.RETRACTED,
                s.studyInstanceUid(),
                s.patientPseudonym(),
                s.source(),
                s.referring(),
                s.modalities(),
                s.bodyPart(),
                s.studyAt(),
                s.seriesCount(),
                s.instanceCount(),
                s.retrieveUrl(),
                s.reportStatus(),
                s.reportedAt(),
                s.reportedBy(),
                s.readingCentre(),
                s.routedAt(),
                s.nhsaIndexed());
    }

    /** The city hospital, receiver of an accepted referral, searched the patient's studies of two institutions. */
    private static StudyAccessEvent searchedUnderAReferral() {
        return new StudyAccessEvent(
                ACCESS_ID,
                AccessAction.SEARCH,
                PSEUDONYM,
                CITY_HOSPITAL,
                "hospital",
                "TREAT",
                AccessBasis.REFERRAL,
                null,
                List.of(STUDY_ID, DX_STUDY_ID),
                List.of("NDXP-H01", "NDXP-THC03"),
                Instant.parse("2026-04-03T01:15:00Z"));
    }

    private static StudyAccessEvent retrievedByTheSource() {
        return new StudyAccessEvent(
                "8a3e5c96-bf81-4d4c-9e65-91c2adbecf45",
                AccessAction.RETRIEVE,
                PSEUDONYM,
                COUNTY_HOSPITAL,
                "hospital",
                "TREAT",
                AccessBasis.SOURCE,
                null,
                List.of(STUDY_ID),
                List.of("NDXP-H01"),
                Instant.parse("2026-04-03T02:00:00.125Z"));
    }

    /** An emergency department without any relationship to the patient, who arrived unconscious. */
    private static StudyAccessEvent breakGlass() {
        return new StudyAccessEvent(
                "9b4f6da7-c092-4e5d-8f76-a2d3becfd056",
                AccessAction.SEARCH,
                PSEUDONYM,
                CITY_HOSPITAL,
                "hospital",
                "ETREAT",
                AccessBasis.BREAK_GLASS,
                BreakGlassReason.PATIENT_UNABLE_TO_CONSENT,
                List.of(STUDY_ID, DX_STUDY_ID, MR_STUDY_ID),
                List.of("NDXP-H01", "NDXP-THC03", "ND-H001"),
                Instant.parse("2026-04-05T17:42:00Z"));
    }

    /** The county 医保 agency read the index entries of the CT linked to a claim it named (医保可核). */
    private static StudyAccessEvent readByAnInsurer() {
        return new StudyAccessEvent(
                "ac507eb8-d1a3-4f6e-9087-b3e4cfd0e167",
                AccessAction.SEARCH,
                PSEUDONYM,
                INSURER,
                "insurer",
                "CLMATTCH",
                AccessBasis.INSURER_CLAIM,
                null,
                List.of(STUDY_ID),
                List.of("NDXP-H01"),
                Instant.parse("2026-04-20T06:00:00Z"));
    }

    /** The patient presented the e-health card (一码通) at a township health centre without a county code. */
    private static StudyAccessEvent searchedWithConsent() {
        return new StudyAccessEvent(
                "bd618fc9-e2b4-4a7f-a198-c4f5d0e1f278",
                AccessAction.SEARCH,
                PSEUDONYM,
                TOWNSHIP,
                "hospital",
                "PATRQT",
                AccessBasis.CONSENT,
                null,
                List.of(MR_STUDY_ID),
                List.of("ND-H001"),
                Instant.parse("2026-04-06T03:00:00Z"));
    }

    private static StudyAccessEvent retrievedByTheReadingCentre() {
        return new StudyAccessEvent(
                "ce7290da-f3c5-4b80-b2a9-d506e1f20389",
                AccessAction.RETRIEVE,
                PSEUDONYM,
                IMAGING_CENTRE,
                "hospital",
                "TREAT",
                AccessBasis.READING_CENTRE,
                null,
                List.of(DX_STUDY_ID),
                List.of("NDXP-THC03"),
                Instant.parse("2026-04-02T01:00:00Z"));
    }

    private static BreakGlassReviewEvent justified() {
        return new BreakGlassReviewEvent(
                "9b4f6da7-c092-4e5d-8f76-a2d3becfd056",
                "ND-H001",
                ReviewStatus.JUSTIFIED,
                "wjw-reviewer-07",
                Instant.parse("2026-04-08T02:30:00Z"));
    }

    private static BreakGlassReviewEvent unjustified() {
        return new BreakGlassReviewEvent(
                "df83a1eb-04d6-4c91-83ba-e617f2031490",
                "NDXP-THC03",
                ReviewStatus.UNJUSTIFIED,
                "wjw-reviewer-02",
                Instant.parse("2026-04-09T06:10:00.5Z"));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static List<EventType> imagingTypes() {
        return Arrays.stream(EventType.values())
                .filter(t -> t.topic() == Topic.IMAGING_EVENTS || t.topic() == Topic.IMAGING_ACCESS)
                .toList();
    }

    /** One event of every type that names the patient. */
    private static Map<EventType, ObjectNode> patientEvents() {
        Map<EventType, ObjectNode> events = new LinkedHashMap<>();
        events.put(EventType.STUDY_REGISTERED, json(registered()));
        events.put(EventType.STUDY_AMENDED, json(amended()));
        events.put(EventType.STUDY_REPORTED, json(reportedByTheReadingCentre()));
        events.put(EventType.STUDY_READING_REQUESTED, json(readingRequested()));
        events.put(EventType.STUDY_RETRACTED, json(retracted()));
        events.put(EventType.STUDY_ACCESSED, json(breakGlass()));
        return events;
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
                ImagingEventSchemasTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return (ObjectNode) MAPPER.readTree(in);
        }
    }
}
