package org.sanyi.result;

import static org.sanyi.testing.TestCallers.as;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sanyi.directory.replica.testing.NingdeTestRegion;
import org.sanyi.kernel.Identifier;
import org.sanyi.testing.TestTokens;

/** Request bodies and calls the result tests share. */
final class Results {

    private Results() {}

    static Map<String, Object> patient(Identifier... identifiers) {
        return Map.of(
                "identifiers",
                List.of(identifiers).stream()
                        .map(i -> Map.of("system", i.system(), "value", i.value()))
                        .toList());
    }

    /** A 血常规 (LAB-CBC) result taken {@code age} ago. */
    static Map<String, Object> bloodCount(String reportId, Duration age, Identifier... identifiers) {
        Instant specimen = Instant.now().minus(age);
        return Map.of(
                "reportId",
                reportId,
                "patient",
                patient(identifiers),
                "itemCode",
                "LAB-CBC",
                "specimenAt",
                specimen.toString(),
                "reportedAt",
                specimen.plus(Duration.ofHours(2)).toString(),
                "observations",
                List.of(
                        Map.of("analyte", "HGB", "value", 132, "unit", "g/L", "referenceRange", "115-150"),
                        Map.of("analyte", "PLT", "value", 210, "unit", "10*9/L", "abnormalFlag", "N")));
    }

    /** A 肝功能 (LAB-LFT) result taken {@code age} ago. */
    static Map<String, Object> liverPanel(String reportId, Duration age, Identifier... identifiers) {
        Instant specimen = Instant.now().minus(age);
        return Map.of(
                "reportId",
                reportId,
                "patient",
                patient(identifiers),
                "itemCode",
                "LAB-LFT",
                "specimenAt",
                specimen.toString(),
                "reportedAt",
                specimen.plus(Duration.ofHours(3)).toString(),
                "observations",
                List.of(Map.of("analyte", "ALT", "value", 22, "unit", "U/L")));
    }

    static Response publish(String issuer, Map<String, Object> body) {
        return as(issuer, TestTokens.HOSPITAL).body(body).post("/v1/results");
    }

    static String published(String issuer, Map<String, Object> body) {
        return publish(issuer, body).then().statusCode(201).extract().path("id");
    }

    static void eqaPass(String institution, String item) {
        as(NingdeTestRegion.REGULATOR, TestTokens.REGULATOR)
                .body(Map.of(
                        "institutionCode",
                        institution,
                        "itemCode",
                        item,
                        "passed",
                        true,
                        "scheme",
                        "福建省临床检验中心 室间质评 (test)",
                        "validFrom",
                        "2020-01-01",
                        "validTo",
                        "2030-12-31"))
                .post("/v1/quality-statuses")
                .then()
                .statusCode(201);
    }

    static Response check(String orderer, List<String> items, Identifier... identifiers) {
        return as(orderer, TestTokens.HOSPITAL)
                .body(Map.of("patient", patient(identifiers), "itemCodes", items, "clinicalContext", "PRE_OPERATIVE"))
                .post("/v1/recognition-checks");
    }
}
