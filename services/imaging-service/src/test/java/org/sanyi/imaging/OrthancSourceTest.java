package org.sanyi.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.OPERATOR;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.TOWNSHIP_CENTRE;
import static org.sanyi.testing.TestCallers.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventType;
import org.sanyi.imaging.infrastructure.source.SourcePoller;
import org.sanyi.kernel.Identifier;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestPatients;
import org.sanyi.testing.TestTokens;

/**
 * A real PACS on the other side: Orthanc with its DICOMweb plugin, loaded with DICOM files this test writes. The
 * source connector pulls its studies through Orthanc's own QIDO-RS (the 前置机 pattern) without duplicates, the
 * exchange then answers the same QIDO-RS queries as Orthanc does for the standard return attributes, and Orthanc's
 * own DICOMweb client searches the exchange.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class OrthancSourceTest extends ImagingTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** PS3.18 study return attributes both answers carry (RetrieveURL included: both point at Orthanc). */
    private static final List<String> STUDY_ATTRIBUTES = List.of(
            "00080005",
            "00080020",
            "00080030",
            "00080050",
            "00080056",
            "00080061",
            "00080090",
            "00081190",
            "00100010",
            "00100020",
            "00100030",
            "00100040",
            "0020000D",
            "00200010",
            "00201206",
            "00201208");

    private static final List<String> SERIES_ATTRIBUTES =
            List.of("00080060", "0008103E", "00081190", "0020000E", "00200011", "00201209");

    private static OrthancServer orthanc;

    @Inject
    SourcePoller poller;

    @BeforeAll
    static void startOrthanc() throws Exception {
        orthanc = OrthancServer.startOrSkip();
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void polledStudiesAppearOnceAndTheExchangeAnswersAsThePacsDoes() throws Exception {
        Identifier patient = TestPatients.residentId();
        String chest = Studies.uid();
        String head = Studies.uid();
        store(chest, daysAgo(5), "093000", "DX", "胸部正位", "CHEST", patient, 1, 2);
        store(head, daysAgo(1), "141530", "CT", "头颅平扫", "HEAD", patient, 2, 3);

        SourcePoller.Poll first = poller.poll(TOWNSHIP_CENTRE, orthanc.dicomWeb());
        assertThat(first.created()).isGreaterThanOrEqualTo(2);
        SourcePoller.Poll second = poller.poll(TOWNSHIP_CENTRE, orthanc.dicomWeb());
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isGreaterThanOrEqualTo(2);
        // One registration event per study, however often the source is polled.
        for (String uid : List.of(chest, head)) {
            List<String> types = StudyRegistrationTest.eventsOf(uid, 1).stream()
                    .map(e -> e.path("type").asText())
                    .toList();
            assertThat(types).containsExactly(EventType.STUDY_REGISTERED.ceType());
        }

        List<Map<String, String>> queries = List.of(
                Map.of("PatientID", patient.value()),
                Map.of("PatientID", patient.value(), "StudyDate", daysAgo(2) + "-" + daysAgo(0)),
                Map.of("PatientID", patient.value(), "ModalitiesInStudy", "DX"),
                Map.of("PatientID", patient.value(), "AccessionNumber", "ACC" + head.substring(head.length() - 10)),
                Map.of("PatientID", patient.value(), "StudyInstanceUID", chest));
        for (Map<String, String> query : queries) {
            Map<String, JsonNode> fromOrthanc =
                    DicomAnswers.by(orthanc("/dicom-web/studies" + queryString(query)), "0020000D");
            Map<String, JsonNode> fromExchange = DicomAnswers.by(exchange("/dicomweb/studies", query), "0020000D");
            assertThat(fromExchange.keySet())
                    .as("%s", query)
                    .isEqualTo(fromOrthanc.keySet())
                    .isNotEmpty();
            fromOrthanc.forEach((uid, expected) -> {
                for (String tag : STUDY_ATTRIBUTES) {
                    if (expected.has(tag)) {
                        assertThat(DicomAnswers.normalised(fromExchange.get(uid).get(tag)))
                                .as("%s %s %s", query, uid, tag)
                                .isEqualTo(DicomAnswers.normalised(expected.get(tag)));
                    } else {
                        // Orthanc leaves out InstanceAvailability, which PS3.18 requires; the exchange returns it.
                        assertThat(tag).isEqualTo("00080056");
                        assertThat(fromExchange
                                        .get(uid)
                                        .path(tag)
                                        .path("Value")
                                        .path(0)
                                        .asText())
                                .isEqualTo("ONLINE");
                    }
                }
            });
        }
        Map<String, JsonNode> seriesOfOrthanc =
                DicomAnswers.by(orthanc("/dicom-web/studies/" + head + "/series"), "0020000E");
        Map<String, JsonNode> seriesOfExchange =
                DicomAnswers.by(exchange("/dicomweb/studies/" + head + "/series", Map.of()), "0020000E");
        assertThat(seriesOfExchange.keySet())
                .isEqualTo(seriesOfOrthanc.keySet())
                .hasSize(2);
        seriesOfOrthanc.forEach((uid, expected) -> {
            for (String tag : SERIES_ATTRIBUTES) {
                assertThat(DicomAnswers.normalised(seriesOfExchange.get(uid).get(tag)))
                        .as("series %s %s", uid, tag)
                        .isEqualTo(DicomAnswers.normalised(expected.get(tag)));
            }
        });
    }

    @Test
    void orthancsDicomwebClientSearchesTheExchange() throws Exception {
        Identifier patient = TestPatients.residentId();
        String uid = Studies.uid();
        store(uid, daysAgo(3), "080000", "DX", "胸部正位", "CHEST", patient, 1, 1);
        // The platform operator polls the source now (POST /v1/source-polls); a hospital may not.
        Map<String, String> poll = Map.of("sourceCode", TOWNSHIP_CENTRE, "baseUrl", orthanc.dicomWeb());
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(poll)
                .post("/v1/source-polls")
                .then()
                .statusCode(403);
        as(OPERATOR, TestTokens.PLATFORM_ADMIN)
                .body(Map.of("sourceCode", TOWNSHIP_CENTRE, "baseUrl", "file:///etc/passwd"))
                .post("/v1/source-polls")
                .then()
                .statusCode(400);
        as(OPERATOR, TestTokens.PLATFORM_ADMIN)
                .body(poll)
                .post("/v1/source-polls")
                .then()
                .statusCode(200)
                .body("created", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        // Orthanc as an ordinary DICOMweb client of the exchange, with a county hospital's token (same 医共体).
        String server = "{\"Url\": \"http://127.0.0.1:" + RestAssured.port + "/dicomweb/\", \"HttpHeaders\":"
                + " {\"Authorization\": \"Bearer " + TestTokens.mint(COUNTY_HOSPITAL, TestTokens.HOSPITAL) + "\"}}";
        assertThat(orthanc.send("PUT", "/dicom-web/servers/sanyi", server).statusCode())
                .isEqualTo(200);
        HttpResponse<String> answer = orthanc.send(
                "POST",
                "/dicom-web/servers/sanyi/qido",
                "{\"Uri\": \"/studies\", \"Arguments\": {\"PatientID\": \"" + patient.value() + "\"}}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode studies = MAPPER.readTree(answer.body());
        assertThat(studies).as(answer.body()).hasSize(1);
        // Orthanc re-serialises what it parsed in its own JSON form: one value per tag, with the tag's name.
        assertThat(studies.get(0).path("0020000D").path("Value").asText()).isEqualTo(uid);
        assertThat(studies.get(0).path("00100020").path("Value").asText()).isEqualTo(patient.value());

        // The same client with the token of a hospital without a relationship is refused.
        String stranger = "{\"Url\": \"http://127.0.0.1:" + RestAssured.port + "/dicomweb/\", \"HttpHeaders\":"
                + " {\"Authorization\": \"Bearer " + TestTokens.mint("NDFA-H01", TestTokens.HOSPITAL) + "\"}}";
        assertThat(orthanc.send("PUT", "/dicom-web/servers/stranger", stranger).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = orthanc.send(
                "POST",
                "/dicom-web/servers/stranger/qido",
                "{\"Uri\": \"/studies\", \"Arguments\": {\"PatientID\": \"" + patient.value() + "\"}}");
        // Orthanc reports the exchange's 403 as its own "Unauthorized".
        assertThat(refused.statusCode()).isIn(401, 403);
        Studies.qidoByPatient("NDFA-H01", patient).then().statusCode(403);
    }

    private static void store(
            String studyUid,
            String date,
            String time,
            String modality,
            String description,
            String bodyPart,
            Identifier patient,
            int seriesCount,
            int instancesPerSeries)
            throws Exception {
        for (int s = 1; s <= seriesCount; s++) {
            for (int i = 1; i <= instancesPerSeries; i++) {
                orthanc.store(new DicomFiles()
                        .with("00080005", "CS", "ISO_IR 192")
                        .with("00080016", "UI", modality.equals("CT") ? DicomFiles.CT_IMAGE : DicomFiles.DIGITAL_X_RAY)
                        .with("00080018", "UI", studyUid + "." + s + "." + i)
                        .with("00080020", "DA", date)
                        .with("00080030", "TM", time)
                        .with("00080050", "SH", "ACC" + studyUid.substring(studyUid.length() - 10))
                        .with("00080060", "CS", modality)
                        .with("00080090", "PN", "Chen^Ming")
                        .with("00081030", "LO", description)
                        .with("0008103E", "LO", "Series " + s)
                        .with("00100010", "PN", "Lin^Guiying=林^桂英")
                        .with("00100020", "LO", patient.value())
                        .with("00100030", "DA", "19580312")
                        .with("00100040", "CS", "F")
                        .with("00180015", "CS", bodyPart)
                        .with("0020000D", "UI", studyUid)
                        .with("0020000E", "UI", studyUid + "." + s)
                        .with("00200010", "SH", "S" + s)
                        .with("00200011", "IS", String.valueOf(s))
                        .with("00200013", "IS", String.valueOf(i))
                        .toPart10());
            }
        }
    }

    private static String daysAgo(int days) {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .minusDays(days)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static JsonNode orthanc(String path) throws Exception {
        HttpResponse<String> response = orthanc.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }

    private static JsonNode exchange(String path, Map<String, String> query) throws Exception {
        Response response = as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .accept("application/dicom+json")
                .queryParams(query)
                .get(path);
        assertThat(response.statusCode()).as(path + " " + query).isEqualTo(200);
        return MAPPER.readTree(response.asString());
    }

    private static String queryString(Map<String, String> query) {
        return "?"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }
}
