package org.sanyi.imaging;

import static org.sanyi.testing.TestCallers.as;

import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.sanyi.kernel.Identifier;
import org.sanyi.testing.TestTokens;

/** Registrations and calls the imaging tests share. */
final class Studies {

    static final String PACS = "https://pacs.ndxp-thc01.example/dicom-web";

    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis());

    private Studies() {}

    /** A new, unique Study Instance UID under a test root. */
    static String uid() {
        return "1.2.156.112605.99." + NEXT.incrementAndGet();
    }

    static Map<String, Object> patient(Identifier... identifiers) {
        return Map.of(
                "identifiers",
                List.of(identifiers).stream()
                        .map(i -> Map.of("system", i.system(), "value", i.value()))
                        .toList());
    }

    /** A one-series chest DR acquired {@code daysAgo} days ago; mutable so tests can change a field. */
    static Map<String, Object> chestDr(String uid, int daysAgo, Identifier... identifiers) {
        Map<String, Object> study = new HashMap<>();
        study.put("studyInstanceUid", uid);
        study.put("accessionNumber", "DR" + uid.substring(uid.length() - 8));
        study.put("patient", patient(identifiers));
        study.put("patientName", Map.of("alphabetic", "Lin^Guiying", "ideographic", "林^桂英"));
        study.put("patientSex", "F");
        study.put(
                "studyAt",
                Instant.now()
                        .minus(daysAgo, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        study.put("description", "胸部正位 DR");
        study.put("bodyPart", "CHEST");
        study.put(
                "series",
                List.of(Map.of(
                        "seriesInstanceUid",
                        uid + ".1",
                        "modality",
                        "DX",
                        "seriesNumber",
                        1,
                        "description",
                        "PA",
                        "numberOfInstances",
                        1)));
        study.put("retrieveEndpoint", PACS);
        return study;
    }

    static Response register(String source, Map<String, Object> study) {
        return as(source, TestTokens.HOSPITAL).body(study).post("/v1/studies");
    }

    static String registered(String source, Map<String, Object> study) {
        return register(source, study).then().statusCode(201).extract().path("studyInstanceUid");
    }

    /** QIDO-RS Search for Studies of the patient by resident ID, as {@code institution}. */
    static Response qidoByPatient(String institution, Identifier patient) {
        return as(institution, TestTokens.HOSPITAL)
                .accept("application/dicom+json")
                .queryParam("PatientID", patient.value())
                .queryParam("IssuerOfPatientID", patient.system())
                .get("/dicomweb/studies");
    }
}
