package org.sanyi.imaging.api;

/** Examples for the OpenAPI document: the demo's chest DR of a village clinic's patient, read at the county centre. */
public final class ApiExamples {

    private ApiExamples() {}

    public static final String REGISTRATION =
            """
            {"studyInstanceUid": "1.2.156.112605.350921.20261201.1", "accessionNumber": "DR20261201001",
             "patient": {"identifiers": [{"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803129997"}]},
             "patientName": {"alphabetic": "Lin^Guiying", "ideographic": "林^桂英"}, "patientSex": "F",
             "patientBirthDate": "1958-03-12", "studyAt": "2026-12-01T01:30:00Z", "description": "胸部正位 DR",
             "bodyPart": "CHEST", "series": [{"seriesInstanceUid": "1.2.156.112605.350921.20261201.1.1",
             "modality": "DX", "seriesNumber": 1, "description": "PA", "bodyPart": "CHEST", "numberOfInstances": 1}],
             "referringInstitution": "NDXP-VC01", "retrieveEndpoint": "https://pacs.ndxp-thc01.example/dicom-web",
             "claimReferences": ["MDTRT-350921-20261201-0001"]}""";

    public static final String REGISTERED =
            """
            {"id": "01938a8e-4c2b-7d4e-9a55-3f1e2b7c9d01", "studyInstanceUid": "1.2.156.112605.350921.20261201.1",
             "version": 1, "outcome": "CREATED"}""";

    public static final String BATCH = "{\"studies\": [" + REGISTRATION + "]}";

    public static final String BATCH_ANSWER = "{\"studies\": [" + REGISTERED + "]}";

    public static final String DICOM_REGISTRATION =
            """
            [{"00080005": {"vr": "CS", "Value": ["ISO_IR 192"]},
              "00080018": {"vr": "UI", "Value": ["1.2.156.112605.350921.20261201.1.1.1"]},
              "00080020": {"vr": "DA", "Value": ["20261201"]}, "00080030": {"vr": "TM", "Value": ["093000"]},
              "00080050": {"vr": "SH", "Value": ["DR20261201001"]}, "00080060": {"vr": "CS", "Value": ["DX"]},
              "00081190": {"vr": "UR", "Value": ["https://pacs.ndxp-thc01.example/dicom-web/studies/1.2.156.112605.350921.20261201.1"]},
              "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Lin^Guiying", "Ideographic": "林^桂英"}]},
              "00100020": {"vr": "LO", "Value": ["350921195803129997"]},
              "00100021": {"vr": "LO", "Value": ["urn:sanyi:id:cn-resident-id"]},
              "00180015": {"vr": "CS", "Value": ["CHEST"]},
              "0020000D": {"vr": "UI", "Value": ["1.2.156.112605.350921.20261201.1"]},
              "0020000E": {"vr": "UI", "Value": ["1.2.156.112605.350921.20261201.1.1"]},
              "00200011": {"vr": "IS", "Value": [1]}}]""";

    public static final String QIDO_STUDIES =
            """
            [{"00080005": {"vr": "CS", "Value": ["ISO_IR 192"]}, "00080020": {"vr": "DA", "Value": ["20261201"]},
              "00080030": {"vr": "TM", "Value": ["093000"]}, "00080050": {"vr": "SH", "Value": ["DR20261201001"]},
              "00080056": {"vr": "CS", "Value": ["ONLINE"]}, "00080061": {"vr": "CS", "Value": ["DX"]},
              "00080090": {"vr": "PN"},
              "00081190": {"vr": "UR", "Value": ["https://pacs.ndxp-thc01.example/dicom-web/studies/1.2.156.112605.350921.20261201.1"]},
              "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Lin^Guiying", "Ideographic": "林^桂英"}]},
              "00100020": {"vr": "LO", "Value": ["350921195803129997"]}, "00100030": {"vr": "DA", "Value": ["19580312"]},
              "00100040": {"vr": "CS", "Value": ["F"]},
              "0020000D": {"vr": "UI", "Value": ["1.2.156.112605.350921.20261201.1"]}, "00200010": {"vr": "SH"},
              "00201206": {"vr": "IS", "Value": [1]}, "00201208": {"vr": "IS", "Value": [1]}}]""";

    public static final String QIDO_SERIES =
            """
            [{"00080005": {"vr": "CS", "Value": ["ISO_IR 192"]}, "00080060": {"vr": "CS", "Value": ["DX"]},
              "0008103E": {"vr": "LO", "Value": ["PA"]},
              "00081190": {"vr": "UR", "Value": ["https://pacs.ndxp-thc01.example/dicom-web/studies/1.2.156.112605.350921.20261201.1/series/1.2.156.112605.350921.20261201.1.1"]},
              "0020000D": {"vr": "UI", "Value": ["1.2.156.112605.350921.20261201.1"]},
              "0020000E": {"vr": "UI", "Value": ["1.2.156.112605.350921.20261201.1.1"]},
              "00200011": {"vr": "IS", "Value": [1]}, "00201209": {"vr": "IS", "Value": [1]}}]""";

    public static final String SEARCH =
            """
            {"patient": {"identifiers": [{"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803129997"}]},
             "from": "2026-01-01", "modality": "DX"}""";

    public static final String CLAIM_SEARCH = """
            {"claim": "MDTRT-350921-20261201-0001"}""";

    public static final String STUDY =
            """
            {"id": "01938a8e-4c2b-7d4e-9a55-3f1e2b7c9d01", "studyInstanceUid": "1.2.156.112605.350921.20261201.1",
             "version": 3, "status": "REGISTERED", "sourceInstitution": "NDXP-THC01", "accessionNumber": "DR20261201001",
             "patientIdentifier": {"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803129997"},
             "studyAt": "2026-12-01T01:30:00Z", "modalities": ["DX"], "bodyPart": "CHEST",
             "description": "胸部正位 DR", "numberOfSeries": 1, "numberOfInstances": 1,
             "series": [{"seriesInstanceUid": "1.2.156.112605.350921.20261201.1.1", "modality": "DX",
             "seriesNumber": 1, "description": "PA", "bodyPart": "CHEST", "instanceCount": 1}],
             "referringInstitution": "NDXP-VC01", "readingCentre": "NDXP-H01", "routedAt": "2026-12-01T01:40:00Z",
             "report": {"status": "FINAL", "findings": "双肺纹理增多", "impression": "支气管炎改变",
             "reportedAt": "2026-12-01T03:10:00Z", "reportedBy": "NDXP-H01"},
             "retrieveUrl": "https://pacs.ndxp-thc01.example/dicom-web/studies/1.2.156.112605.350921.20261201.1",
             "claimReferences": ["MDTRT-350921-20261201-0001"], "accessBasis": "REFERRAL"}""";

    public static final String STUDY_PAGE = "{\"studies\": [" + STUDY + "], \"more\": false}";

    public static final String READING = """
            {"readingCentre": "NDXP-H01"}""";

    public static final String REPORT =
            """
            {"status": "FINAL", "findings": "双肺纹理增多", "impression": "支气管炎改变",
             "reportedAt": "2026-12-01T03:10:00Z"}""";

    public static final String RETRACTION = """
            {"reason": "registered under the wrong patient"}""";

    public static final String TICKET =
            """
            {"ticket": "eyJraWQiOiI…", "retrieveUrl":
             "https://pacs.ndxp-thc01.example/dicom-web/studies/1.2.156.112605.350921.20261201.1",
             "expiresAt": "2026-12-02T08:05:00Z", "accessId": "01938b10-7e2a-7c11-8f00-2b9d3c4e5f60"}""";

    public static final String KEYS =
            """
            {"keys": [{"kty": "EC", "kid": "5b0e…", "use": "sig", "alg": "ES256", "crv": "P-256",
             "x": "…", "y": "…"}]}""";

    public static final String CONSENT =
            """
            {"patient": {"identifiers": [{"system": "urn:sanyi:id:cn-e-health-card",
             "value": "A3F1C2D4E5B6978812AB34CD56EF7890A1B2C3D4E5F60718293A4B5C6D7E8F90"}]},
             "expiresAt": "2027-01-01T00:00:00Z"}""";

    public static final String CONSENT_ANSWER =
            """
            {"id": "01938b12-0000-7000-8000-000000000001", "granteeCode": "ND-H01", "studyUids": null,
             "grantedAt": "2026-12-02T08:00:00Z", "expiresAt": "2027-01-01T00:00:00Z"}""";

    public static final String DISCLOSURE_REQUEST =
            """
            {"patient": {"identifiers": [{"system": "urn:sanyi:id:cn-e-health-card",
             "value": "A3F1C2D4E5B6978812AB34CD56EF7890A1B2C3D4E5F60718293A4B5C6D7E8F90"}]}}""";

    public static final String DISCLOSURES =
            """
            [{"accessId": "01938b10-7e2a-7c11-8f00-2b9d3c4e5f60", "accessedAt": "2026-12-02T08:00:00Z",
              "institutionCode": "FJ-H01", "role": "hospital", "action": "SEARCH", "basis": "BREAK_GLASS",
              "purposeOfUse": "ETREAT", "breakGlassReason": "LIFE_THREATENING", "reviewStatus": "PENDING",
              "studyInstanceUids": ["1.2.156.112605.350921.20261201.1"]},
             {"accessId": "01938b0f-1111-7000-8000-000000000002", "accessedAt": "2026-12-02T07:00:00Z",
              "institutionCode": "NDXP-H01", "role": "hospital", "action": "SEARCH", "basis": "REFERRAL",
              "basisReference": "01938a90-2222-7000-8000-000000000003", "purposeOfUse": "TREAT",
              "studyInstanceUids": ["1.2.156.112605.350921.20261201.1"]}]""";

    public static final String BREAK_GLASS_LIST =
            """
            [{"accessId": "01938b10-7e2a-7c11-8f00-2b9d3c4e5f60", "accessedAt": "2026-12-02T08:00:00Z",
              "institutionCode": "FJ-H01", "subject": "dr-chen", "reason": "LIFE_THREATENING",
              "patientPseudonym": "pp-abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst", "studies": 1,
              "reviewStatus": "PENDING"}]""";

    public static final String REVIEW =
            """
            {"outcome": "JUSTIFIED", "note": "unconscious trauma patient, ED record checked"}""";

    public static final String REVIEWED =
            """
            {"accessId": "01938b10-7e2a-7c11-8f00-2b9d3c4e5f60", "accessedAt": "2026-12-02T08:00:00Z",
              "institutionCode": "FJ-H01", "subject": "dr-chen", "reason": "LIFE_THREATENING",
              "patientPseudonym": "pp-abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst", "studies": 1,
              "reviewStatus": "JUSTIFIED", "reviewedBy": "ND-HC01/inspector-wu",
              "reviewedAt": "2026-12-03T02:00:00Z", "reviewNote": "unconscious trauma patient, ED record checked"}""";

    public static final String STATISTICS =
            """
            {"from": "2026-11-01", "to": "2026-11-30",
             "crossInstitutionLooks": [{"month": "2026-11", "accessor": "NDXP-H01", "source": "NDXP-THC01",
              "looks": 42, "studies": 57}],
             "grassrootsCoverage": {"grassrootsInstitutions": 3, "registering": 2, "share": 0.6667,
              "notRegistering": ["NDXP-VC01"]},
             "breakGlass": [{"reviewStatus": "JUSTIFIED", "looks": 1}, {"reviewStatus": "PENDING", "looks": 2}],
             "readingCentres": [{"readingCentre": "NDXP-H01", "reports": 18, "medianHours": 1.8, "p90Hours": 6.5}]}""";

    public static final String SOURCE_POLL =
            """
            {"sourceCode": "NDXP-THC01", "baseUrl": "http://pacs.ndxp-thc01.example:8042/dicom-web"}""";

    public static final String SOURCE_POLLED =
            """
            {"studiesSeen": 12, "created": 3, "updated": 0, "unchanged": 9, "highWaterMark": "2026-12-07"}""";
}
