package org.sanyi.directory;

import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.sanyi.testing.TestCallers;
import org.sanyi.testing.TestTokens;

/** Requests as the kinds of caller the directory serves. */
final class Callers {

    private Callers() {}

    /** The seed's platform operator, 宁德市卫生健康信息中心. */
    static final String OPERATOR = "ND-HIC01";

    static RequestSpecification asAdmin() {
        return as(OPERATOR, TestTokens.PLATFORM_ADMIN);
    }

    static RequestSpecification asHospital() {
        return as("NDXP-H01", TestTokens.HOSPITAL);
    }

    static RequestSpecification as(String institutionCode, String role) {
        return TestCallers.as(institutionCode, role);
    }

    /** A code no other test uses, so tests stay independent on the shared database. */
    static String freshCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** An institution body in 周宁县 (350925), a county the seed leaves empty, so seed counts stay put. */
    static String institutionBody(String name, String type, String level) {
        return """
                {"name": "%s", "type": "%s", "level": "%s", "ownership": "GOVERNMENT",
                 "region": {"provinceCode": "350000", "cityCode": "350900", "countyCode": "350925"%s},
                 "active": true}"""
                .formatted(
                        name,
                        type,
                        level,
                        type.equals("TOWNSHIP_HEALTH_CENTER") || type.equals("VILLAGE_CLINIC")
                                ? ", \"townshipCode\": \"350925101\""
                                : "");
    }
}
