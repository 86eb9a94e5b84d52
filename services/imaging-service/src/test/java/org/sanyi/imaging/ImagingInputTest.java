package org.sanyi.imaging;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.TOWNSHIP_CENTRE;
import static org.sanyi.testing.TestCallers.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanyi.kernel.Identifier;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestPatients;
import org.sanyi.testing.TestTokens;

/** Bad input is a 4xx problem+json naming the fault, never a 500, and nothing is stored. */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ImagingInputTest extends ImagingTestBase {

    @Test
    void badRegistrationsAreRefusedFieldByFieldAndNothingIsStored() {
        Identifier patient = TestPatients.residentId();
        refused(patient, Map.of("studyInstanceUid", "1.2.03.4"), "studyInstanceUid");
        refused(patient, Map.of("studyInstanceUid", "1.2." + "9".repeat(70)), "studyInstanceUid");
        refused(patient, Map.of("retrieveEndpoint", "ftp://pacs.example/dicom-web"), "retrieveEndpoint");
        refused(patient, Map.of("retrieveEndpoint", "https://user:secret@pacs.example/dicom-web"), "retrieveEndpoint");
        refused(patient, Map.of("retrieveEndpoint", "javascript:alert(1)"), "retrieveEndpoint");
        refused(
                patient,
                Map.of("studyAt", Instant.now().plus(2, ChronoUnit.DAYS).toString()),
                "studyAt");
        refused(patient, Map.of("referringInstitution", "NOWHERE-01"), "referringInstitution");
        refused(patient, Map.of("storageCreditCode", "91350100M000100Y44"), "storageCreditCode");
        refused(patient, Map.of("bodyPart", "chest, left side"), "bodyPart");
        refused(patient, Map.of("modalities", List.of("x-ray")), "modalities[0]");
        refused(
                patient,
                Map.of(
                        "series",
                        List.of(
                                Map.of("seriesInstanceUid", "1.2.3.4.5", "modality", "DX", "numberOfInstances", 1),
                                Map.of("seriesInstanceUid", "1.2.3.4.5", "modality", "DX", "numberOfInstances", 1))),
                "series[1].seriesInstanceUid");
        Map<String, Object> badPatient = Studies.chestDr(Studies.uid(), 1, patient);
        badPatient.put(
                "patient",
                Map.of(
                        "identifiers",
                        List.of(Map.of("system", "urn:sanyi:id:cn-resident-id", "value", "350921195803129990"))));
        Studies.register(TOWNSHIP_CENTRE, badPatient)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("patient.identifiers[0].value"));
        Studies.qidoByPatient(TOWNSHIP_CENTRE, patient).then().statusCode(204);
    }

    @Test
    void aControlCharacterInAnyTextFieldIsA400() {
        Identifier patient = TestPatients.residentId();
        Map<String, Object> study = Studies.chestDr(Studies.uid(), 1, patient);
        study.put("description", "胸部\u0000DR");
        Studies.register(TOWNSHIP_CENTRE, study).then().statusCode(400).body("code", equalTo("PLT-0018"));
        String dicom = "[{\"0020000D\": {\"vr\": \"UI\", \"Value\": [\"" + Studies.uid() + "\"]},"
                + " \"00081030\": {\"vr\": \"LO\", \"Value\": [\"bad\\u0007text\"]}}]";
        dicom(dicom)
                .statusCode(400)
                .body("code", equalTo("IMG-0005"))
                .body("errors[0].field", containsString("00081030"));
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("reason", "wrong\u001bpatient"))
                .post("/v1/studies/" + Studies.uid() + "/retraction")
                .then()
                .statusCode(400);
        Studies.qidoByPatient(TOWNSHIP_CENTRE, patient).then().statusCode(204);
    }

    @Test
    void malformedDicomJsonIsNamedByDataSetAndTag() {
        String uid = Studies.uid();
        String base = "\"00081190\": {\"vr\": \"UR\", \"Value\": [\"http://pacs.example/dicom-web/studies/" + uid
                + "\"]}, \"00100020\": {\"vr\": \"LO\", \"Value\": [\""
                + TestPatients.residentId().value()
                + "\"]}, \"00080020\": {\"vr\": \"DA\", \"Value\": [\"20261201\"]}";
        // Wrong VR on a known attribute.
        dicom("[{" + base + ", \"0020000D\": {\"vr\": \"LO\", \"Value\": [\"" + uid + "\"]}}]")
                .statusCode(400)
                .body("code", equalTo("IMG-0005"))
                .body("detail", containsString("StudyInstanceUID has VR UI"));
        // A required attribute without Value.
        dicom("[{" + base + ", \"0020000D\": {\"vr\": \"UI\"}}]")
                .statusCode(400)
                .body("detail", containsString("StudyInstanceUID is required"));
        // Value that is not an array, a PN that is no object, an unknown VR, a lower-case tag.
        dicom("[{" + base + ", \"0020000D\": {\"vr\": \"UI\", \"Value\": \"" + uid + "\"}}]")
                .statusCode(400)
                .body("detail", containsString("always an array"));
        dicom("[{" + base + ", \"0020000D\": {\"vr\": \"UI\", \"Value\": [\"" + uid
                        + "\"]}, \"00100010\": {\"vr\": \"PN\", \"Value\": [\"Wang^XiaoDong\"]}}]")
                .statusCode(400)
                .body("detail", containsString("PN value is an object"));
        dicom("[{" + base + ", \"0020000D\": {\"vr\": \"XX\", \"Value\": [\"" + uid + "\"]}}]")
                .statusCode(400);
        dicom("[{" + base + ", \"0020000d\": {\"vr\": \"UI\", \"Value\": [\"" + uid + "\"]}}]")
                .statusCode(400);
        // A date that is no DA, a RetrieveURL that does not name the study, a local patient number.
        dicom("[{" + base.replace("20261201", "2026-12-01") + ", \"0020000D\": {\"vr\": \"UI\", \"Value\": [\"" + uid
                        + "\"]}}]")
                .statusCode(400)
                .body("detail", containsString("DA"));
        dicom("[{" + base.replace("/studies/" + uid, "/studies/1.2.3")
                        + ", \"0020000D\": {\"vr\": \"UI\", \"Value\": [\"" + uid + "\"]}}]")
                .statusCode(400)
                .body("detail", containsString("RetrieveURL"));
        dicom("[{" + base + ", \"00100021\": {\"vr\": \"LO\", \"Value\": [\"Hospital A\"]}, \"0020000D\": {\"vr\":"
                        + " \"UI\", \"Value\": [\"" + uid + "\"]}}]")
                .statusCode(400)
                .body("detail", containsString("names no identifier system"));
        dicom("{\"not\": \"an array\"}").statusCode(400);
        dicom("[1, 2]").statusCode(400);
        dicom("[{").statusCode(400);
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .queryParam("StudyInstanceUID", uid)
                .get("/dicomweb/studies")
                .then()
                .statusCode(204);
    }

    @Test
    void reportsAndRoutesRefuseWhatIsNotTheirs() {
        Identifier patient = TestPatients.residentId();
        String uid = Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 1, patient));
        Map<String, Object> report = Map.of(
                "status",
                "FINAL",
                "impression",
                "正常",
                "reportedAt",
                Instant.now().toString());
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(report)
                .put("/v1/studies/" + uid + "/report")
                .then()
                .statusCode(403)
                .body("code", equalTo("IMG-0008"));
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("status", "FINAL", "reportedAt", Instant.now().toString()))
                .put("/v1/studies/" + uid + "/report")
                .then()
                .statusCode(400);
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("readingCentre", "NDFA-H01"))
                .post("/v1/studies/" + uid + "/reading-requests")
                .then()
                .statusCode(422)
                .body("code", equalTo("IMG-0007"));
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("readingCentre", "NDXP-VC01"))
                .post("/v1/studies/" + uid + "/reading-requests")
                .then()
                .statusCode(422);
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(report)
                .put("/v1/studies/1.2.3.999999/report")
                .then()
                .statusCode(404)
                .body("code", equalTo("IMG-0001"));
    }

    private static void refused(Identifier patient, Map<String, Object> change, String field) {
        Map<String, Object> study = Studies.chestDr(Studies.uid(), 1, patient);
        study.putAll(change);
        Studies.register(TOWNSHIP_CENTRE, study)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static ValidatableResponse dicom(String body) {
        return as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .contentType("application/dicom+json; charset=UTF-8")
                .body(body)
                .post("/v1/dicom-registrations")
                .then()
                .contentType("application/problem+json");
    }
}
