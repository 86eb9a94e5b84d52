package org.sanyi.referral.api;

/**
 * Examples of the OpenAPI document, with institution codes of the seeded 宁德 region of the directory service. The
 * identifiers are made up; the resident ID number is well-formed (its check character is right).
 */
final class ApiExamples {

    private ApiExamples() {}

    static final String CREATE_UPWARD =
            """
            {
              "receiverInstitution": "NDXP-H01",
              "patient": {
                "identifier": {"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803120027"},
                "name": "林秀英",
                "contact": "13905930000"
              },
              "diagnosis": {"code": "I10.x00", "display": "高血压"},
              "reason": "血压控制不佳，三联用药后仍 170/105 mmHg，需上级医院调整方案",
              "requestedDepartment": "心血管内科",
              "urgency": "ROUTINE",
              "attachments": [
                {"kind": "LAB_REPORT", "reference": "lab-2026-000187", "description": "血生化"},
                {"kind": "IMAGING_STUDY", "reference": "1.2.156.112605.14038013507.20260301.1", "description": "胸部DR"}
              ],
              "sendingClinician": {"system": "urn:sanyi:id:cn-physician-licence", "value": "110350921000123"},
              "familyDoctor": {
                "involvement": "INITIATED",
                "practitioner": {"system": "urn:sanyi:id:cn-physician-licence", "value": "110350921000123"}
              }
            }
            """;

    static final String CREATE_DOWNWARD =
            """
            {
              "receiverInstitution": "NDXP-THC01",
              "patient": {
                "identifier": {"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803120027"},
                "name": "林秀英",
                "contact": "13905930000"
              },
              "diagnosis": {"code": "I63.900", "display": "脑梗死"},
              "reason": "急性期治疗结束，转回基层康复",
              "requestedDepartment": "全科",
              "urgency": "ROUTINE",
              "sendingClinician": {"system": "urn:sanyi:id:cn-physician-licence", "value": "110350921000456"},
              "downReferralIndication": "RECOVERY_PHASE",
              "downReferralNote": "神志清，肢体肌力4级，可行走",
              "dischargeMedications": [
                {"code": "XB01ACA056A001010101445", "name": "阿司匹林肠溶片", "dosage": "100 mg",
                 "frequency": "每日一次", "supplyDays": 30},
                {"name": "阿托伐他汀钙片", "dosage": "20 mg", "frequency": "每晚一次", "supplyDays": 30}
              ]
            }
            """;

    static final String REFERRAL_REQUESTED =
            """
            {
              "id": "3f0c1a52-8d0e-4b8e-a0c4-6f8d2b7c1e90",
              "version": 0,
              "status": "REQUESTED",
              "direction": "UPWARD",
              "urgency": "ROUTINE",
              "sender": {"institutionCode": "NDXP-VC01", "name": "霞浦县长春镇大京村卫生所", "level": "GRASSROOTS",
                         "countyCode": "350921"},
              "receiver": {"institutionCode": "NDXP-H01", "name": "霞浦县医院", "level": "SECONDARY",
                           "countyCode": "350921"},
              "patient": {
                "identifier": {"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803120027"},
                "name": "林秀英",
                "contact": "13905930000"
              },
              "diagnosis": {"code": "I10.x00", "display": "高血压"},
              "reason": "血压控制不佳，三联用药后仍 170/105 mmHg，需上级医院调整方案",
              "requestedDepartment": "心血管内科",
              "attachments": [
                {"kind": "LAB_REPORT", "reference": "lab-2026-000187", "description": "血生化"},
                {"kind": "IMAGING_STUDY", "reference": "1.2.156.112605.14038013507.20260301.1", "description": "胸部DR"}
              ],
              "sendingClinician": {"system": "urn:sanyi:id:cn-physician-licence", "value": "110350921000123"},
              "familyDoctor": {
                "involvement": "INITIATED",
                "practitioner": {"system": "urn:sanyi:id:cn-physician-licence", "value": "110350921000123"}
              },
              "dischargeMedications": [],
              "flags": {
                "greenChannel": false, "sameGroupEpisode": true, "secondDeductibleWaived": true,
                "properReferral": true, "reimbursementUpliftPoints": 5, "bypassedGrassroots": false,
                "outOfCounty": false, "outOfCity": false, "familyDoctorInvolved": true, "elderlyCareTransfer": false
              },
              "commonGroupIds": ["GRP-XP-YGT"],
              "policy": {"regionCode": "350900", "version": 1},
              "timeline": {"requestedAt": "2026-03-02T01:15:04.120331Z", "answerDueAt": "2026-03-05T01:15:04.120331Z"}
            }
            """;

    static final String REFERRAL_COMPLETED =
            """
            {
              "id": "3f0c1a52-8d0e-4b8e-a0c4-6f8d2b7c1e90",
              "version": 4,
              "status": "COMPLETED",
              "direction": "UPWARD",
              "urgency": "ROUTINE",
              "sender": {"institutionCode": "NDXP-VC01", "name": "霞浦县长春镇大京村卫生所", "level": "GRASSROOTS",
                         "countyCode": "350921"},
              "receiver": {"institutionCode": "NDXP-H01", "name": "霞浦县医院", "level": "SECONDARY",
                           "countyCode": "350921"},
              "patient": {
                "identifier": {"system": "urn:sanyi:id:cn-resident-id", "value": "350921195803120027"},
                "name": "林秀英",
                "contact": "13905930000"
              },
              "diagnosis": {"code": "I10.x00", "display": "高血压"},
              "reason": "血压控制不佳，三联用药后仍 170/105 mmHg，需上级医院调整方案",
              "requestedDepartment": "心血管内科",
              "attachments": [],
              "sendingClinician": {"system": "urn:sanyi:id:cn-physician-licence", "value": "110350921000123"},
              "dischargeMedications": [],
              "flags": {
                "greenChannel": false, "sameGroupEpisode": true, "secondDeductibleWaived": true,
                "properReferral": true, "reimbursementUpliftPoints": 5, "bypassedGrassroots": false,
                "outOfCounty": false, "outOfCity": false, "familyDoctorInvolved": false, "elderlyCareTransfer": false
              },
              "commonGroupIds": ["GRP-XP-YGT"],
              "policy": {"regionCode": "350900", "version": 1},
              "timeline": {
                "requestedAt": "2026-03-02T01:15:04.120331Z",
                "answerDueAt": "2026-03-05T01:15:04.120331Z",
                "reviewedAt": "2026-03-02T01:40:11.004512Z",
                "acceptedAt": "2026-03-02T03:02:47.553120Z",
                "arrivedAt": "2026-03-03T00:30:00Z",
                "completedAt": "2026-03-09T07:12:30.781044Z"
              },
              "review": {"reviewer": {"system": "urn:sanyi:id:cn-physician-licence", "value": "110350921000999"},
                         "note": "符合上转指征", "retrospective": false},
              "acceptance": {"appointmentAt": "2026-03-03T00:30:00Z", "note": "请携带既往用药记录"},
              "arrival": {"admittedAsInpatient": true, "jointWard": false},
              "completion": {"outcome": "REFERRED_BACK", "summary": "血压控制达标，建议回基层随访，继续原方案用药"}
            }
            """;

    static final String REFERRAL_PAGE =
            """
            {
              "items": [
                {
                  "id": "3f0c1a52-8d0e-4b8e-a0c4-6f8d2b7c1e90",
                  "status": "REVIEWED",
                  "direction": "UPWARD",
                  "urgency": "ROUTINE",
                  "senderInstitution": "NDXP-VC01",
                  "receiverInstitution": "NDXP-H01",
                  "diagnosisCode": "I10.x00",
                  "requestedAt": "2026-03-02T01:15:04.120331Z",
                  "answerDueAt": "2026-03-05T01:15:04.120331Z",
                  "flags": {
                    "greenChannel": false, "sameGroupEpisode": true, "secondDeductibleWaived": true,
                    "properReferral": true, "reimbursementUpliftPoints": 5, "bypassedGrassroots": false,
                    "outOfCounty": false, "outOfCity": false, "familyDoctorInvolved": true, "elderlyCareTransfer": false
                  }
                }
              ],
              "nextCursor": "MTc3MjQxNDEwNC4xMjAzMzEwMDAuM2YwYzFhNTItOGQwZS00YjhlLWEwYzQtNmY4ZDJiN2MxZTkw"
            }
            """;

    static final String REVIEW =
            """
            {"reviewer": {"system": "urn:sanyi:id:cn-physician-licence", "value": "110350921000999"}, "note": "符合上转指征"}
            """;

    static final String ACCEPT =
            """
            {"appointmentAt": "2026-03-03T00:30:00Z", "note": "请携带既往用药记录"}
            """;

    static final String REJECT = """
            {"reason": "NO_CAPACITY", "note": "心内科床位已满，建议转闽东医院"}
            """;

    static final String ARRIVE =
            """
            {"arrivedAt": "2026-03-03T00:30:00Z", "admittedAsInpatient": true, "jointWard": false}
            """;

    static final String COMPLETE =
            """
            {"outcome": "REFERRED_BACK", "summary": "血压控制达标，建议回基层随访，继续原方案用药"}
            """;

    static final String CANCEL = """
            {"reason": "PATIENT_DECLINED", "note": "患者要求在本院继续治疗"}
            """;

    static final String STATISTICS =
            """
            {
              "from": "2026-01-01",
              "to": "2026-03-31",
              "zone": "Asia/Shanghai",
              "requested": 5,
              "byDirection": {"upward": 3, "downward": 1, "lateral": 1},
              "outcomes": {"reviewed": 4, "accepted": 3, "rejected": 1, "arrived": 2, "completed": 2,
                           "cancelled": 0, "expired": 1, "awaitingAnswer": 0},
              "acceptanceRate": 0.75,
              "completionRate": 0.6666666666666666,
              "medianTimeToAcceptance": "PT1H47M43.433S",
              "medianSecondsToAcceptance": 6463.433,
              "flags": {"properReferral": 3, "sameGroupEpisode": 3, "bypassedGrassroots": 1, "outOfCounty": 1,
                        "outOfCity": 1, "greenChannel": 0, "familyDoctorInvolved": 2},
              "bySenderReceiver": [
                {"senderInstitution": "NDXP-VC01", "receiverInstitution": "NDXP-H01", "direction": "UPWARD",
                 "total": 2, "accepted": 2, "completed": 2},
                {"senderInstitution": "NDXP-H01", "receiverInstitution": "FJ-H01", "direction": "UPWARD",
                 "total": 1, "accepted": 1, "completed": 0},
                {"senderInstitution": "NDXP-H01", "receiverInstitution": "NDXP-THC01", "direction": "DOWNWARD",
                 "total": 1, "accepted": 0, "completed": 0},
                {"senderInstitution": "NDXP-H01", "receiverInstitution": "NDXP-TCM01", "direction": "LATERAL",
                 "total": 1, "accepted": 0, "completed": 0}
              ],
              "byMonth": [
                {"month": "2026-02", "total": 2, "upward": 1, "downward": 1, "lateral": 0},
                {"month": "2026-03", "total": 3, "upward": 2, "downward": 0, "lateral": 1}
              ],
              "outOfCountyByDiagnosis": [{"diagnosisCategory": "I21", "total": 1}]
            }
            """;
}
