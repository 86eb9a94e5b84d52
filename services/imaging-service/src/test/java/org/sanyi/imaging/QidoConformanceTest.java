package org.sanyi.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.TOWNSHIP_CENTRE;
import static org.sanyi.testing.TestCallers.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanyi.kernel.Identifier;
import org.sanyi.testing.Conformance;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestPatients;
import org.sanyi.testing.TestTokens;

/**
 * QIDO-RS as PS3.18 and its conformance material define it: the Annex F example round-trips through registration and
 * search attribute by attribute, answers pass the study schema other servers are tested with, limit and offset page
 * as the dicomweb-client suite expects, and the DICOM JSON model's rules hold (QIDO-RS-NOTES.md). The standard's files
 * are read from ../shared/conformance; without them those tests are skipped with a message.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class QidoConformanceTest extends ImagingTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The F.4 tags a QIDO-RS study answer must carry (the study return set), with the example's values. */
    private static final List<String> STUDY_RETURN_SET = List.of(
            "00080005",
            "00080020",
            "00080030",
            "00080050",
            "00080056",
            "00080061",
            "00080090",
            "00081190",
            "00100010",
            "00100030",
            "00100040",
            "0020000D",
            "00200010",
            "00201206",
            "00201208");

    @Test
    void theAnnexFExampleComesBackAttributeByAttribute() throws Exception {
        ArrayNode example =
                (ArrayNode) MAPPER.readTree(Conformance.file("dicom/ps3.18-annexF/F.4-qido-studies-response.json")
                        .toFile());
        Identifier patient = TestPatients.residentId();
        ArrayNode registration = MAPPER.createArrayNode();
        for (JsonNode study : example) {
            ObjectNode copy = study.deepCopy();
            // The example's two errata (QIDO-RS-NOTES.md): DA written as DT, InlineBinary as an array.
            ((ObjectNode) copy.get("00080020")).put("vr", "DA");
            ((ObjectNode) copy.get("00100030")).put("vr", "DA");
            ((ObjectNode) copy.get("00091002"))
                    .put(
                            "InlineBinary",
                            copy.path("00091002").path("InlineBinary").path(0).asText());
            // "12345" at "Hospital A" is a local number; the exchange files studies under a regional identifier.
            ((ObjectNode) copy.get("00100020")).putArray("Value").add(patient.value());
            copy.remove("00100021");
            registration.add(copy);
        }
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .contentType("application/dicom+json; charset=UTF-8")
                .body(registration.toString())
                .post("/v1/dicom-registrations")
                .then()
                .statusCode(200)
                .body("studies.size()", equalTo(2));

        JsonNode answer = MAPPER.readTree(Studies.qidoByPatient(TOWNSHIP_CENTRE, patient)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/dicom+json"))
                .extract()
                .asString());
        assertThat(answer).hasSize(2);
        for (JsonNode expected : registration) {
            String uid = expected.path("0020000D").path("Value").path(0).asText();
            JsonNode actual = DicomAnswers.by(answer, "0020000D").get(uid);
            for (String tag : STUDY_RETURN_SET) {
                assertThat(DicomAnswers.normalised(actual.get(tag)))
                        .as(tag)
                        .isEqualTo(DicomAnswers.normalised(expected.get(tag)));
            }
            assertThat(actual.path("00100020").path("Value").path(0).asText()).isEqualTo(patient.value());
            assertThat(actual.has("00091002")).as("private tags are not kept").isFalse();
        }
        // Newest first: the April study before the March one.
        assertThat(answer.get(0).path("00080020").path("Value").path(0).asText())
                .isEqualTo("20130409");
    }

    @Test
    void answersPassTheStudySchemaOfTheDcmjsServerAndTheModelsRules() throws Exception {
        ObjectNode schemaNode =
                (ObjectNode) MAPPER.readTree(Conformance.file("dicom/dcmjs-dicomweb-server/studies_output_schema.json")
                        .toFile());
        // Its $id ("studies_schema") is no URI, which the validator refuses; the id plays no part in validation.
        schemaNode.remove("$id");
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode);
        Identifier patient = TestPatients.residentId();
        Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 3, patient));
        JsonNode answer = MAPPER.readTree(Studies.qidoByPatient(TOWNSHIP_CENTRE, patient)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(schema.validate(answer)).isEmpty();
        assertModelRules(answer);
    }

    @Test
    void limitAndOffsetPageAsTheDicomwebClientSuiteExpects() throws Exception {
        ArrayNode studies =
                (ArrayNode) MAPPER.readTree(Conformance.file("dicom/dicomweb-client/search_for_studies.json")
                        .toFile());
        ArrayNode expectedPage = (ArrayNode)
                MAPPER.readTree(Conformance.file("dicom/dicomweb-client/search_for_studies_limit-2_offset-1.json")
                        .toFile());
        Identifier patient = TestPatients.residentId();
        ArrayNode registration = MAPPER.createArrayNode();
        for (JsonNode study : studies) {
            ObjectNode copy = study.deepCopy();
            copy.set(
                    "00100020",
                    MAPPER.createObjectNode()
                            .put("vr", "LO")
                            .set("Value", MAPPER.createArrayNode().add(patient.value())));
            copy.set(
                    "00080020",
                    MAPPER.createObjectNode()
                            .put("vr", "DA")
                            .set("Value", MAPPER.createArrayNode().add("20200101")));
            registration.add(copy);
        }
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .contentType("application/dicom+json; charset=UTF-8")
                .body(registration.toString())
                .post("/v1/dicom-registrations")
                .then()
                .statusCode(200);
        Response page = as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .queryParam("PatientID", patient.value())
                .queryParam("limit", 2)
                .queryParam("offset", 1)
                .get("/dicomweb/studies");
        page.then().statusCode(200).header("Warning", startsWith("299 "));
        JsonNode answer = MAPPER.readTree(page.asString());
        assertThat(DicomAnswers.uids(answer)).isEqualTo(DicomAnswers.uids(expectedPage));
        for (int i = 0; i < answer.size(); i++) {
            assertThat(answer.get(i).path("00080061"))
                    .isEqualTo(expectedPage.get(i).path("00080061"));
            assertThat(answer.get(i).path("00081190"))
                    .isEqualTo(expectedPage.get(i).path("00081190"));
        }
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .queryParam("PatientID", patient.value())
                .queryParam("offset", 4)
                .get("/dicomweb/studies")
                .then()
                .statusCode(204);
    }

    @Test
    void matchingKeysIncludefieldAndSeriesSearchesFollowTheStandard() throws Exception {
        Identifier patient = TestPatients.residentId();
        String older = Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 40, patient));
        Map<String, Object> ct = Studies.chestDr(Studies.uid(), 2, patient);
        ct.put("description", "头颅 CT 平扫");
        ct.put(
                "series",
                List.of(
                        Map.of(
                                "seriesInstanceUid",
                                ct.get("studyInstanceUid") + ".1",
                                "modality",
                                "CT",
                                "seriesNumber",
                                1,
                                "numberOfInstances",
                                120),
                        Map.of(
                                "seriesInstanceUid",
                                ct.get("studyInstanceUid") + ".2",
                                "modality",
                                "SR",
                                "seriesNumber",
                                2,
                                "numberOfInstances",
                                1)));
        String newer = Studies.registered(TOWNSHIP_CENTRE, ct);

        assertThat(DicomAnswers.uids(qido(patient, Map.of("ModalitiesInStudy", "CT"))))
                .containsExactly(newer);
        assertThat(DicomAnswers.uids(qido(patient, Map.of("00081030", "*ct*")))).containsExactly(newer);
        assertThat(DicomAnswers.uids(qido(patient, Map.of("StudyDescription", "胸部?位*"))))
                .containsExactly(older);
        assertThat(DicomAnswers.uids(qido(patient, Map.of("StudyInstanceUID", older + "," + newer))))
                .containsExactly(newer, older);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String monthAgo = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .minusDays(30)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(DicomAnswers.uids(qido(patient, Map.of("StudyDate", monthAgo + "-" + today))))
                .containsExactly(newer);
        assertThat(DicomAnswers.uids(qido(patient, Map.of("StudyDate", "-" + monthAgo))))
                .containsExactly(older);

        JsonNode described = qido(patient, Map.of("includefield", "StudyDescription", "limit", "1"));
        assertThat(described.get(0).path("00081030").path("Value").path(0).asText())
                .isEqualTo("头颅 CT 平扫");
        assertThat(qido(patient, Map.of("limit", "1")).get(0).has("00081030")).isFalse();
        JsonNode all = qido(patient, Map.of("includefield", "all", "limit", "1"));
        assertThat(all.get(0).has("00100021")).isTrue();

        JsonNode series = MAPPER.readTree(as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .get("/dicomweb/studies/" + newer + "/series")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(series).hasSize(2);
        assertThat(series.get(0).path("0020000D").path("Value").path(0).asText())
                .isEqualTo(newer);
        assertThat(series.get(0).has("00100010"))
                .as("no patient attributes within a study")
                .isFalse();
        assertThat(series.get(0).path("00201209").path("Value").path(0).asInt()).isEqualTo(120);
        assertThat(series.get(0).path("00081190").path("Value").path(0).asText())
                .isEqualTo(Studies.PACS + "/studies/" + newer + "/series/" + newer + ".1");
        assertModelRules(series);

        JsonNode srSeries = MAPPER.readTree(as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .queryParam("PatientID", patient.value())
                .queryParam("Modality", "SR")
                .get("/dicomweb/series")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(srSeries).hasSize(1);
        assertThat(srSeries.get(0).has("00100010"))
                .as("patient attributes come with /series")
                .isTrue();
    }

    @Test
    void invalidQueriesAre400ProblemsNamingTheirFault() {
        Identifier patient = TestPatients.residentId();
        Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 2, patient));
        assertInvalid(Map.of("StudyDate", "20261231-20260101"), "ends before it begins");
        assertInvalid(Map.of("StudyDate", "-"), "not YYYYMMDD");
        assertInvalid(Map.of("StudyDate", "2026-01-01"), "not YYYYMMDD");
        assertInvalid(Map.of("PatientWeight", "70"), "not a matching key");
        assertInvalid(Map.of("color", "blue"), "neither a DICOM attribute");
        assertInvalid(Map.of("limit", "0"), "limit");
        assertInvalid(Map.of("limit", "201"), "limit");
        assertInvalid(Map.of("limit", "ten"), "limit");
        assertInvalid(Map.of("offset", "-1"), "offset");
        assertInvalid(Map.of("StudyInstanceUID", "1.2.abc"), "not a valid DICOM UID");
        assertInvalid(Map.of("PatientID", "3509*"), "wildcards");
        assertInvalid(
                Map.of("PatientID", patient.value(), "IssuerOfPatientID", "Hospital A"), "names no identifier system");
        assertInvalid(Map.of("includefield", "not-an-attribute"), "includefield");
    }

    private static void assertInvalid(Map<String, String> query, String detail) {
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .queryParams(query)
                .get("/dicomweb/studies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("IMG-0006"))
                .body("detail", org.hamcrest.Matchers.containsString(detail));
    }

    private static JsonNode qido(Identifier patient, Map<String, String> query) throws Exception {
        Response response = as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .queryParam("PatientID", patient.value())
                .queryParams(query)
                .get("/dicomweb/studies");
        if (response.statusCode() == 204) {
            return MAPPER.createArrayNode();
        }
        return MAPPER.readTree(response.then().statusCode(200).extract().asString());
    }

    /** PS3.18 F.2: tags of eight upper-case hex digits in ascending order, vr always, Value an array, no empty Value. */
    static void assertModelRules(JsonNode answer) {
        for (JsonNode dataset : answer) {
            List<String> tags = new ArrayList<>();
            dataset.fieldNames().forEachRemaining(tags::add);
            assertThat(tags).isSorted().allMatch(tag -> tag.matches("[0-9A-F]{8}"));
            assertThat(dataset.path("00080005").path("Value").path(0).asText()).isEqualTo("ISO_IR 192");
            for (Iterator<JsonNode> it = dataset.elements(); it.hasNext(); ) {
                JsonNode attribute = it.next();
                assertThat(attribute.path("vr").asText()).matches("[A-Z]{2}");
                if (attribute.has("Value")) {
                    assertThat(attribute.get("Value").isArray()).isTrue();
                    assertThat(attribute.get("Value")).isNotEmpty();
                }
                if (attribute.path("vr").asText().equals("PN") && attribute.has("Value")) {
                    assertThat(attribute.get("Value").get(0).isObject()).isTrue();
                }
            }
        }
    }
}
