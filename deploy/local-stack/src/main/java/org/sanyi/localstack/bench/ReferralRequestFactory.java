package org.sanyi.localstack.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.sanyi.localstack.exchange.ExchangeClient;
import org.sanyi.localstack.exchange.SyntheticResidentIds;

/**
 * Varied, realistic {@code POST /v1/referrals} bodies over the seeded 宁德 region: upward referrals from village
 * clinics and township centres to their county hospital and from a county hospital to the city hospital, downward
 * referrals with a 下转指征, and lateral ones; every request a distinct synthetic patient and a unique
 * Idempotency-Key. Thread-safe.
 */
public final class ReferralRequestFactory {

    static final String RESIDENT_ID_SYSTEM = "urn:sanyi:id:cn-resident-id";
    static final String LICENCE_SYSTEM = "urn:sanyi:id:cn-physician-licence";

    /** One sender → receiver pair of the seed with a diagnosis that fits it. */
    record Route(
            String sender,
            String receiver,
            String direction,
            String patientRegion,
            String diagnosisCode,
            String diagnosisDisplay,
            String department,
            String reason,
            String urgency,
            String downReferralIndication,
            DischargeMedication medication) {}

    /** A drug to continue after a down-referral. */
    record DischargeMedication(String name, String dosage, String frequency) {}

    /** Half upward, three in ten downward, two in ten lateral: roughly a county network's mix. */
    static final List<Route> ROUTES = List.of(
            new Route(
                    "NDXP-VC01",
                    "NDXP-H01",
                    "UPWARD",
                    "350921",
                    "I10",
                    "原发性高血压",
                    "心血管内科",
                    "血压控制不佳，三联用药后仍 170/105 mmHg",
                    "ROUTINE",
                    null,
                    null),
            new Route(
                    "NDGT-VC01",
                    "NDGT-H01",
                    "UPWARD",
                    "350922",
                    "E11.9",
                    "2型糖尿病",
                    "内分泌科",
                    "空腹血糖持续高于 13 mmol/L，需调整胰岛素方案",
                    "ROUTINE",
                    null,
                    null),
            new Route(
                    "NDFA-THC01",
                    "NDFA-H01",
                    "UPWARD",
                    "350981",
                    "I10",
                    "原发性高血压",
                    "心血管内科",
                    "血压波动大，伴头晕，需排查继发性高血压",
                    "ROUTINE",
                    null,
                    null),
            new Route(
                    "NDFD-THC02",
                    "NDFD-H01",
                    "UPWARD",
                    "350982",
                    "J18.9",
                    "肺炎",
                    "呼吸内科",
                    "发热三天，胸片示右下肺渗出，需住院治疗",
                    "URGENT",
                    null,
                    null),
            new Route(
                    "NDXP-H01",
                    "ND-H01",
                    "UPWARD",
                    "350921",
                    "I21.9",
                    "急性心肌梗死",
                    "心血管内科",
                    "急性下壁心肌梗死，需急诊 PCI",
                    "URGENT",
                    null,
                    null),
            new Route(
                    "NDXP-H01",
                    "NDXP-THC01",
                    "DOWNWARD",
                    "350921",
                    "I63.9",
                    "脑梗死",
                    "全科",
                    "急性期治疗结束，转回基层康复",
                    "ROUTINE",
                    "RECOVERY_PHASE",
                    new DischargeMedication("阿司匹林肠溶片", "100 mg", "每日一次")),
            new Route(
                    "NDGT-H01",
                    "NDGT-THC01",
                    "DOWNWARD",
                    "350922",
                    "E11.9",
                    "2型糖尿病",
                    "全科",
                    "血糖控制达标，回基层随访管理",
                    "ROUTINE",
                    "STABLE_CHRONIC_PHASE",
                    new DischargeMedication("盐酸二甲双胍片", "0.5 g", "每日三次")),
            new Route(
                    "ND-H01",
                    "NDJC-THC01",
                    "DOWNWARD",
                    "350902",
                    "S72.0",
                    "股骨颈骨折",
                    "康复科",
                    "术后第十天，转基层康复训练",
                    "ROUTINE",
                    "REHABILITATION",
                    new DischargeMedication("碳酸钙D3片", "600 mg", "每日一次")),
            new Route(
                    "NDXP-H01",
                    "NDXP-TCM01",
                    "LATERAL",
                    "350921",
                    "M54.5",
                    "腰痛",
                    "针灸科",
                    "慢性腰痛，建议中医针灸治疗",
                    "ROUTINE",
                    null,
                    null),
            new Route(
                    "NDFD-THC01",
                    "NDFD-THC02",
                    "LATERAL",
                    "350982",
                    "K29.7",
                    "胃炎",
                    "全科",
                    "患者迁居店下镇，就近随访",
                    "ROUTINE",
                    null,
                    null));

    private static final String[] SURNAMES = {"林", "陈", "黄", "郑", "吴", "刘", "张", "王", "李", "杨", "谢", "游"};
    private static final String[] GIVEN_NAMES = {
        "秀英", "建国", "丽华", "志强", "玉兰", "国平", "美玲", "德明", "桂芳", "文杰", "春花", "永福", "淑珍"
    };
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1930, 1, 1);
    private static final long BIRTH_DATES = ChronoUnit.DAYS.between(FIRST_BIRTH_DATE, LocalDate.of(2005, 12, 31));

    /** The number of distinct patients per region before numbers repeat. */
    static final long DISTINCT_PATIENTS_PER_REGION = BIRTH_DATES * SyntheticResidentIds.RESERVED_SEQUENCES;

    /** How many sender/receiver pairs the requests rotate through. */
    public static int routeCount() {
        return ROUTES.size();
    }

    /** A create ready to send. */
    public record PlannedCreate(String sender, String receiver, String direction, String idempotencyKey, byte[] body) {}

    private final AtomicLong sequence = new AtomicLong();
    private final long patientOffset;

    /** @param patientOffset where this run starts numbering patients, so runs do not reuse each other's patients */
    public ReferralRequestFactory(long patientOffset) {
        this.patientOffset = Math.floorMod(patientOffset, DISTINCT_PATIENTS_PER_REGION);
    }

    public PlannedCreate next() {
        long n = sequence.getAndIncrement();
        Route route = ROUTES.get((int) (n % ROUTES.size()));
        long patient = (patientOffset + n) % DISTINCT_PATIENTS_PER_REGION;
        return new PlannedCreate(
                route.sender(),
                route.receiver(),
                route.direction(),
                "bench-" + UUID.randomUUID(),
                body(route, patient));
    }

    /** The resident ID number of the n-th synthetic patient of a region. */
    static String residentId(String region, long patient) {
        LocalDate birthDate = FIRST_BIRTH_DATE.plusDays(patient / SyntheticResidentIds.RESERVED_SEQUENCES);
        return SyntheticResidentIds.of(region, birthDate, (int) (patient % SyntheticResidentIds.RESERVED_SEQUENCES));
    }

    private static byte[] body(Route route, long patient) {
        ObjectNode body = ExchangeClient.JSON.createObjectNode();
        body.put("receiverInstitution", route.receiver());
        ObjectNode patientNode = body.putObject("patient");
        patientNode
                .putObject("identifier")
                .put("system", RESIDENT_ID_SYSTEM)
                .put("value", residentId(route.patientRegion(), patient));
        patientNode.put(
                "name",
                SURNAMES[(int) (patient % SURNAMES.length)] + GIVEN_NAMES[(int) (patient / 7 % GIVEN_NAMES.length)]);
        body.putObject("diagnosis").put("code", route.diagnosisCode()).put("display", route.diagnosisDisplay());
        body.put("reason", route.reason());
        body.put("requestedDepartment", route.department());
        body.put("urgency", route.urgency());
        body.putObject("sendingClinician")
                .put("system", LICENCE_SYSTEM)
                .put("value", "110" + route.patientRegion() + String.format("%06d", patient % 1_000_000));
        if (route.downReferralIndication() != null) {
            body.put("downReferralIndication", route.downReferralIndication());
            body.putArray("dischargeMedications")
                    .addObject()
                    .put("name", route.medication().name())
                    .put("dosage", route.medication().dosage())
                    .put("frequency", route.medication().frequency())
                    .put("supplyDays", 30);
        }
        try {
            return ExchangeClient.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
