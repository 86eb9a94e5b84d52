package org.sanyi.directory.api;

/** Request examples shown in the OpenAPI document. */
final class ApiExamples {

    private ApiExamples() {}

    static final String INSTITUTION =
            """
            {
              "name": "霞浦县医院",
              "type": "GENERAL_HOSPITAL",
              "level": "SECONDARY",
              "ownership": "GOVERNMENT",
              "region": {"provinceCode": "350000", "cityCode": "350900", "countyCode": "350921"},
              "active": true
            }""";

    static final String TOWNSHIP_HEALTH_CENTRE =
            """
            {
              "name": "霞浦县长春镇卫生院",
              "type": "TOWNSHIP_HEALTH_CENTER",
              "level": "GRASSROOTS",
              "ownership": "GOVERNMENT",
              "region": {"provinceCode": "350000", "cityCode": "350900", "countyCode": "350921",
                         "townshipCode": "350921101"},
              "active": true
            }""";

    static final String PAIRINGS =
            """
            {
              "pairings": [
                {"partnerCode": "NDXP-THC01", "kind": "TOWNSHIP_PAIRING", "validFrom": "2023-01-01"},
                {"partnerCode": "NDXP-THC02", "kind": "TOWNSHIP_PAIRING", "validFrom": "2023-01-01",
                 "validTo": "2026-01-01"}
              ]
            }""";

    static final String GROUP =
            """
            {
              "name": "霞浦县总医院（县域医共体）",
              "kind": "COUNTY_MEDICAL_COMMUNITY",
              "regionCode": "350921"
            }""";

    static final String MEMBERSHIPS =
            """
            {
              "memberships": [
                {"institutionCode": "NDXP-H01", "role": "LEAD", "validFrom": "2023-01-01"},
                {"institutionCode": "NDXP-THC01", "role": "MEMBER", "validFrom": "2023-01-01"}
              ]
            }""";
}
