package org.sanyi.result.api;

/** Examples of the OpenAPI document: synthetic patients, 霞浦县 institutions of the seed region. */
final class ApiExamples {

    private ApiExamples() {}

    static final String PUBLISH_LAB =
            """
            {"reportId": "THC01-LAB-20261201-0042",
             "patient": {"identifiers": [
               {"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803129997"},
               {"system": "urn:sanyi:id:cn-insurance-person-code", "value": "35092100000000123456"}]},
             "itemCode": "LAB-CBC",
             "specimenAt": "2026-12-01T08:10:00+08:00", "reportedAt": "2026-12-01T10:40:00+08:00",
             "observations": [
               {"analyte": "WBC", "value": 6.2, "unit": "10*9/L", "referenceRange": "3.5-9.5", "abnormalFlag": "N"},
               {"analyte": "HGB", "value": 132, "unit": "g/L", "referenceRange": "115-150", "abnormalFlag": "N"},
               {"analyte": "PLT", "value": 210, "unit": "10*9/L", "referenceRange": "125-350", "abnormalFlag": "N"}]}
            """;

    static final String PUBLISH_EXAM =
            """
            {"reportId": "H01-CT-20261130-0007",
             "patient": {"identifiers": [{"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803129997"}]},
             "itemCode": "EXAM-CT-HEAD",
             "specimenAt": "2026-11-30T15:00:00+08:00", "reportedAt": "2026-11-30T16:20:00+08:00",
             "findings": "脑实质内未见异常密度影，脑室系统未见扩大，中线结构居中。",
             "conclusion": "头颅CT平扫未见明显异常。"}
            """;

    static final String RESULT =
            """
            {"id": "4f7c1f0e-2b7d-4c55-9d0e-3f1a2b3c4d5e", "reportId": "THC01-LAB-20261201-0042", "version": 1,
             "status": "FINAL", "itemCode": "LAB-CBC", "itemName": "血常规(五分类)", "kind": "LAB",
             "issuerInstitution": "NDXP-THC01", "performerInstitution": "NDXP-THC01",
             "patient": {"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803129997"},
             "patientPseudonym": "pp-abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst",
             "specimenAt": "2026-12-01T00:10:00Z", "reportedAt": "2026-12-01T02:40:00Z",
             "observations": [{"analyte": "HGB", "value": 132, "unit": "g/L", "referenceRange": "115-150",
               "abnormalFlag": "N"}],
             "repeatWithoutReason": false,
             "publishedAt": "2026-12-01T02:41:00Z", "updatedAt": "2026-12-01T02:41:00Z"}
            """;

    static final String BATCH = "{\"results\": [" + PUBLISH_LAB + "]}";

    static final String BATCH_ANSWER =
            """
            {"results": [{"id": "4f7c1f0e-2b7d-4c55-9d0e-3f1a2b3c4d5e", "reportId": "THC01-LAB-20261201-0042",
              "version": 1, "outcome": "CREATED"}]}
            """;

    static final String WITHDRAW = """
            {"reason": "标本与患者不符，报告作废"}
            """;

    static final String CHECK =
            """
            {"patient": {"identifiers": [{"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803129997"}]},
             "itemCodes": ["LAB-CBC", "LAB-LFT"], "clinicalContext": "PRE_OPERATIVE"}
            """;

    static final String CHECK_ANSWER =
            """
            {"id": "9b1d2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d", "ordererInstitution": "NDXP-H01",
             "clinicalContext": "PRE_OPERATIVE", "checkedAt": "2026-12-03T01:00:00Z",
             "openUntil": "2026-12-04T01:00:00Z", "policy": {"regionCode": "350921", "version": 1},
             "items": [{"itemCode": "LAB-CBC", "itemName": "血常规(五分类)", "validityDays": 7,
               "referencePrice": 20.00,
               "recognisable": [{"resultId": "4f7c1f0e-2b7d-4c55-9d0e-3f1a2b3c4d5e",
                 "issuerInstitution": "NDXP-THC01", "performerInstitution": "NDXP-THC01",
                 "specimenAt": "2026-12-01T00:10:00Z", "reportedAt": "2026-12-01T02:40:00Z", "ageDays": 2,
                 "status": "FINAL", "basis": "SAME_GROUP"}],
               "notRecognisable": []},
              {"itemCode": "LAB-LFT", "itemName": "肝功能", "validityDays": 14, "referencePrice": 60.00,
               "recognisable": [],
               "notRecognisable": [{"resultId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                 "issuerInstitution": "NDXP-THC09", "performerInstitution": "NDXP-THC09",
                 "specimenAt": "2026-12-01T00:15:00Z", "reportedAt": "2026-12-01T03:00:00Z", "ageDays": 2,
                 "status": "FINAL", "reason": "NO_VALID_EQA"}]}]}
            """;

    static final String DECISIONS =
            """
            {"decisions": [
              {"itemCode": "LAB-CBC", "outcome": "RECOGNISED", "resultId": "4f7c1f0e-2b7d-4c55-9d0e-3f1a2b3c4d5e"},
              {"itemCode": "LAB-LFT", "outcome": "DECLINED", "reason": "MAJOR_INTERVENTION",
               "note": "术前需复查肝功能"}]}
            """;

    static final String DECISIONS_ANSWER =
            """
            [{"id": "0c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "checkId": "9b1d2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d",
              "itemCode": "LAB-CBC", "outcome": "RECOGNISED", "resultId": "4f7c1f0e-2b7d-4c55-9d0e-3f1a2b3c4d5e",
              "issuerInstitution": "NDXP-THC01", "avoidedFee": 20.00, "decidedAt": "2026-12-03T01:05:00Z",
              "voided": false}]
            """;

    static final String ITEM =
            """
            {"name": "血常规(五分类)", "kind": "LAB", "category": "临床血液学", "loinc": "58410-2",
             "validityDays": 7, "referencePrice": 20.00, "requiresEqa": true, "largeEquipment": false,
             "analytes": [{"code": "HGB", "name": "血红蛋白", "loinc": "718-7", "type": "QUANTITY", "units": ["g/L"]}],
             "active": true}
            """;

    static final String QUALITY =
            """
            {"institutionCode": "NDXP-THC01", "itemCode": "LAB-CBC", "passed": true,
             "scheme": "福建省临床检验中心 2026 年室间质评", "validFrom": "2026-01-01", "validTo": "2026-12-31"}
            """;

    static final String POLICY =
            """
            {"regionCode": "350921", "effectiveFrom": "2027-01-01", "title": "霞浦县 2027: 增加全市互认",
             "scopes": ["SAME_GROUP", "SAME_LEVEL", "HIGHER_TO_LOWER", "CITY_WIDE"],
             "validityDays": {"LAB-CBC": 5}, "openCheckHours": 24}
            """;

    static final String DISCLOSURE =
            """
            {"patient": {"identifiers": [{"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803129997"}]}}
            """;

    static final String DISCLOSURE_LOG =
            """
            [{"recordedAt": "2026-12-03T01:02:00Z", "institutionCode": "NDXP-H01", "role": "hospital",
              "action": "READ", "resourceType": "Result", "resourceId": "4f7c1f0e-2b7d-4c55-9d0e-3f1a2b3c4d5e",
              "purpose": "TREAT"}]
            """;
}
