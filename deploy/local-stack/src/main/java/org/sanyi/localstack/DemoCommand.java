package org.sanyi.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sanyi.localstack.exchange.ApiAnswer;
import org.sanyi.localstack.exchange.EventTap;
import org.sanyi.localstack.exchange.EventTap.ObservedEvent;
import org.sanyi.localstack.exchange.ExchangeClient;
import org.sanyi.localstack.exchange.HospitalTokens;
import org.sanyi.localstack.exchange.ObservedEvents;
import org.sanyi.localstack.exchange.RecognitionAnswers;
import org.sanyi.localstack.exchange.SyntheticInsuranceCodes;
import org.sanyi.localstack.exchange.SyntheticResidentIds;
import org.sanyi.tokens.TokenContract;

/**
 * {@code demo}: plays issue #3's scenario against the running stack through the public REST APIs only, and prints
 * what each party did and which events an independent consumer read from Kafka. A village clinic of the 霞浦县
 * 医共体 refers a hypertensive patient up to 霞浦县医院, which accepts, admits and completes with a summary back; later
 * the hospital refers the patient down to the township health centre with a 下转指征. Along the way a hospital that
 * is not a party is refused (403) and an out-of-order step is refused (409).
 *
 * <p>Then 检查检验结果互认 for the same patient: the regulator records an EQA pass of the 医共体 lab, the lab publishes a
 * 血常规 and a 肝功能, a member lab without EQA publishes another 肝功能, and before an operation the county hospital
 * checks by the patient's 医保 code, reads the 血常规 values, recognises it and declines the 肝功能 with a reason; an
 * independent consumer reads the check and decision events from {@code result.events.v1}, and the regulator's
 * statistics count the saving. Any step that does not behave as expected ends the demo with exit code 1, so it
 * doubles as a smoke test of the stack.
 */
public final class DemoCommand implements LauncherCommand {

    static final String VILLAGE_CLINIC = "NDXP-VC01";
    static final String COUNTY_HOSPITAL = "NDXP-H01";
    static final String TOWNSHIP_CENTRE = "NDXP-THC01";
    static final String OUTSIDER = "NDFD-H01";
    static final String COUNTY_GROUP = "GRP-XP-YGT";
    /** A 霞浦 医共体 member township centre with no EQA (室间质评) record: its lab results are not recognisable. */
    static final String LAB_WITHOUT_EQA = "NDXP-THC02";
    /** 宁德市卫生健康委员会: records EQA outcomes and reads the recognition statistics. */
    static final String REGULATOR = "ND-HC01";

    static final String INSURANCE_CODE_SYSTEM = "urn:sanyi:id:cn-insurance-person-code";
    /** 宁德市 pooling region (统筹区) of the demo patient's 医保 code. */
    static final String POOLING_REGION = "350900";

    static final String BLOOD_COUNT = "LAB-CBC";
    static final String LIVER_PANEL = "LAB-LFT";
    static final String DECLINE_NOTE = "择期腹腔镜胆囊切除术，术前评估需当日肝功能";

    static final String RESIDENT_ID_SYSTEM = "urn:sanyi:id:cn-resident-id";
    static final String LICENCE_SYSTEM = "urn:sanyi:id:cn-physician-licence";
    static final String VILLAGE_DOCTOR = "110350921000123";
    static final String CLINIC_REVIEWER = "110350921000999";
    static final String HOSPITAL_PHYSICIAN = "110350921000456";
    static final String HOSPITAL_REVIEWER = "110350921000777";

    /** The user ({@code sub}) of every call except the reviews. */
    static final String DEMO_USER = "demo-user";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(15);
    private static final String EVENT_PREFIX = "org.sanyi.referral.";
    private static final String EVENT_SUFFIX = ".v1";
    private static final String RESULT_EVENT_PREFIX = "org.sanyi.result.";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "demo";
    }

    @Override
    public String summary() {
        return "play a referral and a result-recognition scenario against the running stack, with their Kafka"
                + " events";
    }

    @Override
    public String logFileName() {
        return "demo.log";
    }

    @Override
    public int run(List<String> arguments, StackContext context) throws Exception {
        CommandArguments.parse(arguments, Set.of(), Set.of());
        LiveStack stack;
        try {
            stack = LiveStack.connect(
                    context,
                    List.of(
                            LiveStack.DIRECTORY_SERVICE,
                            LiveStack.REFERRAL_SERVICE,
                            LiveStack.RESULT_SERVICE,
                            LiveStack.IMAGING_SERVICE));
        } catch (LiveStack.NotReadyException e) {
            System.err.println(e.getMessage());
            return LiveStack.NOT_RUNNING;
        }
        ObservedEvents events = new ObservedEvents();
        ObservedEvents resultEvents = new ObservedEvents();
        ObservedEvents studyEvents = new ObservedEvents();
        ObservedEvents accessEvents = new ObservedEvents();
        try (EventTap tap = EventTap.startAtEnd(stack.kafkaBootstrapServers(), EventTap.REFERRAL_EVENTS, events);
                EventTap resultTap =
                        EventTap.startAtEnd(stack.kafkaBootstrapServers(), EventTap.RESULT_EVENTS, resultEvents);
                EventTap studyTap =
                        EventTap.startAtEnd(stack.kafkaBootstrapServers(), EventTap.IMAGING_EVENTS, studyEvents);
                EventTap accessTap =
                        EventTap.startAtEnd(stack.kafkaBootstrapServers(), EventTap.IMAGING_ACCESS, accessEvents)) {
            Play play = new Play(stack, events, tap, resultEvents, resultTap, System.out);
            play.imagingEvents(studyEvents, accessEvents);
            try {
                play.run();
                return 0;
            } catch (StepFailed e) {
                System.out.println();
                System.out.println("DEMO FAILED at step " + play.step + ": " + e.getMessage());
                return 1;
            }
        }
    }

    /** A step did not behave as expected. */
    static final class StepFailed extends Exception {
        StepFailed(String message) {
            super(message);
        }
    }

    /** One run of the scenario, with what it learnt so far. */
    private static final class Play implements DemoNarrator {

        private final LiveStack stack;
        private final ObservedEvents events;
        private final EventTap tap;
        private final ObservedEvents resultEvents;
        private final EventTap resultTap;
        private final PrintStream out;
        private final ExchangeClient client;
        private final Map<String, String> names = new HashMap<>();
        private final LocalDate today = LocalDate.now(CHINA);
        private final String residentId = SyntheticResidentIds.of("350921", LocalDate.of(1958, 3, 12), 3);
        private final String patientName = "林秀英";
        /** The patient's 医保 code: always the same, as a person holds one (a second one is an identity conflict). */
        private final String insuranceCode = SyntheticInsuranceCodes.of(POOLING_REGION, 1);
        /** Per run, so each run publishes new reports instead of amending those of an earlier run. */
        private final String runTag = Long.toString(Instant.now().getEpochSecond(), 36);

        private final Map<String, List<String>> expectedSteps = new LinkedHashMap<>();
        private ObservedEvents studyEvents;
        private ObservedEvents accessEvents;
        private JsonNode upwardBody;
        private String upwardKey;
        private int step;

        Play(
                LiveStack stack,
                ObservedEvents events,
                EventTap tap,
                ObservedEvents resultEvents,
                EventTap resultTap,
                PrintStream out) {
            this.stack = stack;
            this.events = events;
            this.tap = tap;
            this.resultEvents = resultEvents;
            this.resultTap = resultTap;
            this.out = out;
            this.client =
                    new ExchangeClient(new HospitalTokens(stack.tokenSigner(), stack.tokenAudiences(), DEMO_USER));
        }

        void imagingEvents(ObservedEvents studyEvents, ObservedEvents accessEvents) {
            this.studyEvents = studyEvents;
            this.accessEvents = accessEvents;
        }

        void run() throws Exception {
            out.println("Sanyi demo: 双向转诊 in the 霞浦县 county medical community (issue #3), then 检查检验结果互认 for"
                    + " the same patient");
            out.println("  directory-service " + stack.directory().baseUrl() + ", referral-service "
                    + stack.referral().baseUrl() + " and result-service "
                    + stack.result().baseUrl()
                    + " are ready; independent Kafka consumers read " + tap.topic() + " (" + tap.partitions()
                    + " partitions) and " + resultTap.topic() + " (" + resultTap.partitions()
                    + " partitions) from their current end.");
            out.println("  Part 1: referral up to 霞浦县医院 and back down with a 下转指征 (403 and 409 on the way).");
            out.println("  Part 2: EQA pass of the 医共体 lab, its 血常规 and 肝功能, a 肝功能 of a lab without EQA, the"
                    + " county hospital's check before an operation by the 医保 code, reading the values, one"
                    + " recognition and one decline, the events, the regulator's statistics.");
            out.println();
            meetTheParties();

            out.println();
            out.println("Patient: 林秀英 (synthetic), resident ID " + residentId + " — check character computed per"
                    + " GB 11643; sequence code 999 is reserved for centenarians, so no one born in 1958 holds it.");
            out.println("  Diagnosis I10 原发性高血压 (hypertension), managed by the village doctor as family doctor.");

            String upward = referUp();
            showIdempotentRetry(upward);
            showIllegalTransition(upward);
            showOutsiderRefused(upward);
            String etag = answerUpward(upward);
            readSummaryAsSender(upward, etag);
            String downward = referDown();
            answerDownward(downward);

            String referralPseudonym = checkEventsInOrder(List.of(upward, downward));

            int resultEventsOfThisRun = recognition(referralPseudonym);

            int imagingEventsOfThisRun = new ImagingDemo(
                            stack, client, this, studyEvents, accessEvents, residentId, referralPseudonym, runTag)
                    .play();

            out.println();
            int ours = events.about(upward).size() + events.about(downward).size();
            int others = events.all().size() - ours;
            out.println("Demo passed: " + step + " steps behaved as expected; " + ours + " events of its two referrals"
                    + " read from " + tap.topic()
                    + (others > 0 ? " (and " + others + " events of other referrals created meanwhile)" : "") + ", "
                    + resultEventsOfThisRun + " events of its results, check and decisions from " + resultTap.topic()
                    + ", " + imagingEventsOfThisRun + " events of its study and the looks at it from "
                    + EventTap.IMAGING_EVENTS + " and " + EventTap.IMAGING_ACCESS + ".");
        }

        private void meetTheParties() throws Exception {
            out.println("The parties, from the directory (GET /v1/institutions/{code}):");
            for (String code : List.of(VILLAGE_CLINIC, COUNTY_HOSPITAL, TOWNSHIP_CENTRE, OUTSIDER)) {
                ApiAnswer institution = client.get(directoryUri("/v1/institutions/" + code), VILLAGE_CLINIC);
                expectStatus(institution, 200, "GET /v1/institutions/" + code);
                names.put(code, institution.text("name"));
                out.printf(
                        "  %-11s %s — %s, %s, county %s%s%n",
                        code,
                        institution.text("name"),
                        institution.text("type"),
                        institution.text("level"),
                        institution.body().path("region").path("countyCode").asText("?"),
                        code.equals(OUTSIDER) ? " (not a party to this patient's referrals)" : "");
            }
            Map<String, String> roles = new LinkedHashMap<>();
            String groupName = null;
            for (String code : List.of(COUNTY_HOSPITAL, VILLAGE_CLINIC, TOWNSHIP_CENTRE)) {
                ApiAnswer groups =
                        client.get(directoryUri("/v1/institutions/" + code + "/groups?on=" + today), VILLAGE_CLINIC);
                expectStatus(groups, 200, "GET /v1/institutions/" + code + "/groups");
                for (JsonNode group : groups.body()) {
                    if (COUNTY_GROUP.equals(group.path("groupId").asText())) {
                        roles.put(code, group.path("role").asText());
                        groupName = group.path("groupName").asText();
                    }
                }
                require(roles.containsKey(code), code + " is not a member of " + COUNTY_GROUP + " on " + today);
            }
            StringBuilder members = new StringBuilder();
            roles.forEach((code, role) -> members.append(members.length() == 0 ? "" : ", ")
                    .append(code)
                    .append(' ')
                    .append(role));
            out.println("  On " + today + " (Asia/Shanghai) all three are in " + COUNTY_GROUP + " " + groupName + ": "
                    + members + ".");
        }

        private String referUp() throws Exception {
            beginStep(party(VILLAGE_CLINIC) + " refers the patient up to " + party(COUNTY_HOSPITAL)
                    + " (POST /v1/referrals, Idempotency-Key)");
            upwardBody = upwardReferralBody();
            upwardKey = "demo-" + UUID.randomUUID();
            ApiAnswer created = client.post(
                    referralUri("/v1/referrals"), VILLAGE_CLINIC, upwardBody, Map.of("Idempotency-Key", upwardKey));
            expectStatus(created, 201, "the upward referral");
            String id = created.text("id");
            printReferral(created);
            expectField(created, "status", "REQUESTED");
            expectField(created, "direction", "UPWARD");
            JsonNode flags = created.body().path("flags");
            expectFlag(flags, "properReferral", true, "upward from a grassroots clinic");
            expectFlag(flags, "sameGroupEpisode", true, "both in " + COUNTY_GROUP);
            expectFlag(flags, "bypassedGrassroots", false, "the sender is grassroots");
            expectFlag(flags, "outOfCounty", false, "both in 霞浦县");
            require(
                    flags.path("reimbursementUpliftPoints").asInt() == 5,
                    "reimbursementUpliftPoints should be 5 (宁德 policy), is " + flags.path("reimbursementUpliftPoints"));
            require(
                    containsText(created.body().path("commonGroupIds"), COUNTY_GROUP),
                    "commonGroupIds lacks " + COUNTY_GROUP);
            say("   insurer's view: proper referral, +"
                    + flags.path("reimbursementUpliftPoints").asInt()
                    + " points reimbursement, one episode in " + COUNTY_GROUP + " (second deductible waived: "
                    + flags.path("secondDeductibleWaived").asBoolean() + ")");
            expectEvent(id, "requested", created);
            return id;
        }

        private JsonNode upwardReferralBody() {
            ObjectNode body = ExchangeClient.JSON.createObjectNode();
            body.put("receiverInstitution", COUNTY_HOSPITAL);
            ObjectNode patient = body.putObject("patient");
            patient.putObject("identifier").put("system", RESIDENT_ID_SYSTEM).put("value", residentId);
            patient.put("name", patientName);
            body.putObject("diagnosis").put("code", "I10").put("display", "原发性高血压");
            body.put("reason", "高血压3级，三联用药后血压仍 172/106 mmHg，伴头晕，需上级医院调整降压方案");
            body.put("requestedDepartment", "心血管内科");
            body.put("urgency", "ROUTINE");
            body.putArray("attachments")
                    .addObject()
                    .put("kind", "LAB_REPORT")
                    .put("reference", "demo-lab-0001")
                    .put("description", "血生化、尿常规");
            body.putObject("sendingClinician").put("system", LICENCE_SYSTEM).put("value", VILLAGE_DOCTOR);
            ObjectNode familyDoctor = body.putObject("familyDoctor");
            familyDoctor.put("involvement", "INITIATED");
            familyDoctor.putObject("practitioner").put("system", LICENCE_SYSTEM).put("value", VILLAGE_DOCTOR);
            return body;
        }

        private void showIdempotentRetry(String id) throws Exception {
            beginStep(party(VILLAGE_CLINIC) + "'s system did not see the answer and retries the same request"
                    + " (same Idempotency-Key)");
            ApiAnswer replay = client.post(
                    referralUri("/v1/referrals"), VILLAGE_CLINIC, upwardBody, Map.of("Idempotency-Key", upwardKey));
            expectStatus(replay, 200, "the repeated create");
            require(
                    "true".equals(replay.idempotentReplayed().orElse("")),
                    "the repeat lacks the header Idempotent-Replayed: true");
            require(id.equals(replay.text("id")), "the repeat answered another referral " + replay.text("id"));
            say("   -> 200, Idempotent-Replayed: true, the same referral " + id + "; no second referral, no event");
        }

        private void showIllegalTransition(String id) throws Exception {
            beginStep(party(COUNTY_HOSPITAL) + " tries to accept before the sender's review (转诊审核)");
            ApiAnswer refused = client.post(
                    referralUri("/v1/referrals/" + id + "/accept"),
                    COUNTY_HOSPITAL,
                    ExchangeClient.JSON.createObjectNode(),
                    Map.of());
            expectProblem(refused, 409, "REF-0002");
        }

        private void showOutsiderRefused(String id) throws Exception {
            beginStep(party(OUTSIDER) + ", not a party, tries to read the referral (GET /v1/referrals/{id})");
            ApiAnswer refused = client.get(referralUri("/v1/referrals/" + id), OUTSIDER);
            expectProblem(refused, 403, "PLT-0006");
        }

        /** Review by the clinic, then acceptance, arrival and completion by the county hospital. */
        private String answerUpward(String id) throws Exception {
            ApiAnswer current = client.get(referralUri("/v1/referrals/" + id), VILLAGE_CLINIC);
            expectStatus(current, 200, "reading the referral as its sender");
            String etag = current.etag().orElseThrow(() -> new StepFailed("the referral has no ETag"));

            beginStep(party(VILLAGE_CLINIC) + "'s referral reviewer (not the sending doctor) approves (If-Match " + etag
                    + ")");
            ObjectNode review = ExchangeClient.JSON.createObjectNode();
            review.putObject("reviewer").put("system", LICENCE_SYSTEM).put("value", CLINIC_REVIEWER);
            review.put("note", "符合上转指征，同意转诊");
            etag = reviewExpecting(id, VILLAGE_CLINIC, etag, review);

            beginStep(party(COUNTY_HOSPITAL) + " accepts and offers an appointment tomorrow 08:30");
            ObjectNode accept = ExchangeClient.JSON.createObjectNode();
            accept.put(
                    "appointmentAt",
                    today.plusDays(1)
                            .atTime(LocalTime.of(8, 30))
                            .atZone(CHINA)
                            .toInstant()
                            .toString());
            accept.put("note", "心血管内科门诊，请携带既往用药记录");
            etag = stepExpecting(id, "accept", COUNTY_HOSPITAL, etag, accept, "ACCEPTED", "accepted");

            beginStep(party(COUNTY_HOSPITAL) + " records the patient's arrival, admitted as an inpatient");
            ObjectNode arrive = ExchangeClient.JSON.createObjectNode();
            arrive.put("admittedAsInpatient", true);
            arrive.put("jointWard", false);
            etag = stepExpecting(id, "arrive", COUNTY_HOSPITAL, etag, arrive, "ARRIVED", "arrived");

            beginStep(party(COUNTY_HOSPITAL) + " completes and sends the summary back to " + party(VILLAGE_CLINIC));
            ObjectNode complete = ExchangeClient.JSON.createObjectNode();
            complete.put("outcome", "REFERRED_BACK");
            complete.put("summary", SUMMARY);
            return stepExpecting(id, "complete", COUNTY_HOSPITAL, etag, complete, "COMPLETED", "completed");
        }

        private static final String SUMMARY =
                "住院5天，停用氢氯噻嗪，改为氨氯地平5 mg+缬沙坦80 mg，出院血压132/84 mmHg。建议回基层随访，每周测血压，三个月后复查肾功能。";

        private void readSummaryAsSender(String id, String etag) throws Exception {
            beginStep(party(VILLAGE_CLINIC) + " reads the closed referral (audited read)");
            ApiAnswer read = client.get(referralUri("/v1/referrals/" + id), VILLAGE_CLINIC);
            expectStatus(read, 200, "the sender's read");
            expectField(read, "status", "COMPLETED");
            require(
                    SUMMARY.equals(
                            read.body().path("completion").path("summary").asText()),
                    "the sender does not see the receiver's summary");
            require(etag.equals(read.etag().orElse("")), "ETag " + read.etag().orElse("none") + ", expected " + etag);
            say("   -> 200, loop closed: outcome "
                    + read.body().path("completion").path("outcome").asText() + ", summary \""
                    + read.body().path("completion").path("summary").asText() + "\"");
        }

        private String referDown() throws Exception {
            beginStep("Later, " + party(COUNTY_HOSPITAL) + " refers the patient DOWN to " + party(TOWNSHIP_CENTRE)
                    + " with 下转指征 STABLE_CHRONIC_PHASE (慢性稳定期)");
            ObjectNode body = ExchangeClient.JSON.createObjectNode();
            body.put("receiverInstitution", TOWNSHIP_CENTRE);
            ObjectNode patient = body.putObject("patient");
            patient.putObject("identifier").put("system", RESIDENT_ID_SYSTEM).put("value", residentId);
            patient.put("name", patientName);
            body.putObject("diagnosis").put("code", "I10").put("display", "原发性高血压");
            body.put("reason", "血压控制达标，转回乡镇卫生院慢病随访管理");
            body.put("requestedDepartment", "全科");
            body.put("urgency", "ROUTINE");
            body.putObject("sendingClinician").put("system", LICENCE_SYSTEM).put("value", HOSPITAL_PHYSICIAN);
            body.put("downReferralIndication", "STABLE_CHRONIC_PHASE");
            body.put("downReferralNote", "每周测血压两次，血压>160/100 mmHg 时再上转");
            var medications = body.putArray("dischargeMedications");
            medications
                    .addObject()
                    .put("name", "苯磺酸氨氯地平片")
                    .put("dosage", "5 mg")
                    .put("frequency", "每日一次")
                    .put("supplyDays", 30);
            medications
                    .addObject()
                    .put("name", "缬沙坦胶囊")
                    .put("dosage", "80 mg")
                    .put("frequency", "每日一次")
                    .put("supplyDays", 30);
            ApiAnswer created = client.post(
                    referralUri("/v1/referrals"),
                    COUNTY_HOSPITAL,
                    body,
                    Map.of("Idempotency-Key", "demo-" + UUID.randomUUID()));
            expectStatus(created, 201, "the downward referral");
            String id = created.text("id");
            printReferral(created);
            expectField(created, "direction", "DOWNWARD");
            JsonNode flags = created.body().path("flags");
            expectFlag(flags, "properReferral", true, "downward to grassroots with a 下转指征");
            expectFlag(flags, "sameGroupEpisode", true, "both in " + COUNTY_GROUP);
            require(
                    flags.path("reimbursementUpliftPoints").asInt() == 5,
                    "reimbursementUpliftPoints should be 5, is " + flags.path("reimbursementUpliftPoints"));
            say("   insurer's view: proper down-referral, +"
                    + flags.path("reimbursementUpliftPoints").asInt()
                    + " points, same 医共体 episode; discharge medications travel with it");
            ObservedEvent requested = expectEvent(id, "requested", created);
            require(
                    "STABLE_CHRONIC_PHASE"
                            .equals(requested
                                    .json()
                                    .path("downReferralIndication")
                                    .asText()),
                    "the requested event does not carry the down-referral indication");
            return id;
        }

        private void answerDownward(String id) throws Exception {
            ApiAnswer current = client.get(referralUri("/v1/referrals/" + id), COUNTY_HOSPITAL);
            expectStatus(current, 200, "reading the downward referral as its sender");
            String etag = current.etag().orElseThrow(() -> new StepFailed("the referral has no ETag"));

            beginStep(party(COUNTY_HOSPITAL) + "'s referral reviewer approves the down-referral");
            ObjectNode review = ExchangeClient.JSON.createObjectNode();
            review.putObject("reviewer").put("system", LICENCE_SYSTEM).put("value", HOSPITAL_REVIEWER);
            review.put("note", "符合下转指征");
            etag = reviewExpecting(id, COUNTY_HOSPITAL, etag, review);

            beginStep(party(TOWNSHIP_CENTRE) + " accepts: the family doctor team takes over follow-up");
            ObjectNode accept = ExchangeClient.JSON.createObjectNode();
            accept.put("note", "已纳入高血压慢病管理，村医每周随访");
            stepExpecting(id, "accept", TOWNSHIP_CENTRE, etag, accept, "ACCEPTED", "accepted");
        }

        /**
         * The review (转诊审核) as the institution's reviewer: the services refuse a review whose token names the
         * user who created the referral, so the reviewer signs in as a user of their own.
         */
        private String reviewExpecting(String id, String institution, String etag, JsonNode body) throws Exception {
            return stepExpecting(
                    id, "review", institution, reviewerSubject(institution), etag, body, "REVIEWED", "reviewed");
        }

        private String stepExpecting(
                String id, String action, String caller, String etag, JsonNode body, String status, String eventStep)
                throws Exception {
            return stepExpecting(id, action, caller, null, etag, body, status, eventStep);
        }

        /**
         * Posts a lifecycle step with If-Match as {@code subject} (null: {@value #DEMO_USER}), checks the new status
         * and waits for its event; the new ETag.
         */
        private String stepExpecting(
                String id,
                String action,
                String caller,
                String subject,
                String etag,
                JsonNode body,
                String status,
                String eventStep)
                throws Exception {
            ApiAnswer answer = client.postAs(
                    referralUri("/v1/referrals/" + id + "/" + action), caller, subject, body, Map.of("If-Match", etag));
            expectStatus(answer, 200, action);
            expectField(answer, "status", status);
            String next = answer.etag().orElseThrow(() -> new StepFailed(action + " answered without an ETag"));
            say("   -> 200, status " + status + ", ETag " + next);
            expectEvent(id, eventStep, answer);
            return next;
        }

        /** Waits for the step's event, prints it and checks it agrees with the REST answer. */
        private ObservedEvent expectEvent(String id, String eventStep, ApiAnswer answer) throws Exception {
            String type = EVENT_PREFIX + eventStep + EVENT_SUFFIX;
            expectedSteps.computeIfAbsent(id, key -> new ArrayList<>()).add(type);
            ObservedEvent event = events.await(id, type, EVENT_TIMEOUT)
                    .orElseThrow(() ->
                            new StepFailed("no " + type + " event for " + id + " within " + EVENT_TIMEOUT.toSeconds()
                                    + " s" + (tap.failure() == null ? "" : " (" + tap.failure() + ")")));
            JsonNode data = event.json();
            say("   Kafka: " + event.ceType() + "  key=" + event.key() + "  (partition " + event.partition()
                    + ", offset " + event.offset() + ")");
            say("          flags " + flagsLine(data.path("flags")));
            require(
                    answer.text("status").equals(data.path("status").asText()),
                    "the event says status " + data.path("status").asText() + ", the API " + answer.text("status"));
            require(
                    answer.body().path("flags").equals(data.path("flags")),
                    "the event's flags differ from the API's: " + data.path("flags"));
            return event;
        }

        /** Checks the referrals' events in order; the patient pseudonym they carry. */
        private String checkEventsInOrder(List<String> ids) throws Exception {
            // A moment for anything unexpected (a duplicate, an event of the replayed create) to show up.
            Thread.sleep(1000);
            out.println();
            out.println("Events on " + tap.topic() + ", per referral in the order the consumer read them:");
            String pseudonym = null;
            for (String id : ids) {
                List<ObservedEvent> about = events.about(id);
                out.println("  referral " + id + " (key), partition "
                        + (about.isEmpty() ? "-" : String.valueOf(about.get(0).partition())));
                for (ObservedEvent event : about) {
                    JsonNode data = event.json();
                    out.printf(
                            "    offset %-6d v%d  %-34s %-9s %s -> %s  ce_time %s%n",
                            event.offset(),
                            data.path("referralVersion").asInt(),
                            event.ceType(),
                            data.path("status").asText(),
                            data.path("sender").path("institutionCode").asText(),
                            data.path("receiver").path("institutionCode").asText(),
                            event.ceTime());
                }
                List<String> types = about.stream().map(ObservedEvent::ceType).toList();
                require(
                        types.equals(expectedSteps.get(id)),
                        "events of " + id + " are " + types + ", expected " + expectedSteps.get(id));
                for (int version = 0; version < about.size(); version++) {
                    require(
                            about.get(version).json().path("referralVersion").asInt() == version,
                            "event " + (version + 1) + " of " + id + " has referralVersion "
                                    + about.get(version).json().path("referralVersion"));
                }
                for (ObservedEvent event : about) {
                    String data = new String(event.data(), StandardCharsets.UTF_8);
                    require(
                            !data.contains(residentId) && !data.contains(patientName),
                            "an event carries the patient's identity: " + event.ceType());
                    String eventPseudonym =
                            event.json().path("patientPseudonym").asText();
                    require(eventPseudonym.startsWith("pp-"), "no patient pseudonym in " + event.ceType());
                    require(
                            pseudonym == null || pseudonym.equals(eventPseudonym),
                            "the same patient has two pseudonyms");
                    pseudonym = eventPseudonym;
                }
            }
            out.println("  Both referrals carry the same patient pseudonym " + pseudonym + ", so insurers can link the"
                    + " episodes; no event holds the resident ID number or the name.");
            return pseudonym;
        }

        // ---- Part 2: 检查检验结果互认 -----------------------------------------------------------------------------

        /** A result as published: its id and the pseudonym result-service gave the patient. */
        private record Published(String id, String itemCode, String pseudonym) {}

        /** Part 2 of the scenario; the number of this run's events read from result.events.v1. */
        private int recognition(String referralPseudonym) throws Exception {
            out.println();
            out.println("Part 2: 检查检验结果互认 (result recognition) for the same patient, 医保 code " + insuranceCode
                    + " (synthetic)");
            Instant labSpecimenAt = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
            Instant noEqaSpecimenAt = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
            meetTheLabs(noEqaSpecimenAt);

            recordEqaPasses();

            beginStep(party(TOWNSHIP_CENTRE) + ", the 医共体 lab, publishes the patient's 血常规 and 肝功能 of "
                    + localTime(labSpecimenAt) + " (two days ago), by resident ID and 医保 code (POST /v1/results)");
            Published bloodCount = publish(TOWNSHIP_CENTRE, bloodCountBody(labSpecimenAt), true);
            Published liver = publish(
                    TOWNSHIP_CENTRE,
                    liverPanelBody("THC01-LFT-", labSpecimenAt, List.of(residentIdentifier(), insuranceIdentifier())),
                    true);

            beginStep(party(LAB_WITHOUT_EQA) + ", a member lab without EQA, publishes a 肝功能 of "
                    + localTime(noEqaSpecimenAt) + " by resident ID only");
            Published noEqa = publish(
                    LAB_WITHOUT_EQA,
                    liverPanelBody("THC02-LFT-", noEqaSpecimenAt, List.of(residentIdentifier())),
                    false);
            require(
                    bloodCount.pseudonym().equals(noEqa.pseudonym()),
                    "the results of one patient have two pseudonyms: the identifiers were not linked");

            JsonNode statisticsBefore = statistics();
            CheckFound check = checkBeforeOperation(bloodCount, liver, noEqa);
            readValues(bloodCount);
            decide(check, bloodCount, liver);
            int read = checkResultEvents(List.of(bloodCount, liver, noEqa), check.id(), referralPseudonym);
            showStatistics(statisticsBefore, check);
            return read;
        }

        private void meetTheLabs(Instant noEqaSpecimenAt) throws Exception {
            out.println("The labs and the regulator, from the directory; the recognition policy and quality status from"
                    + " result-service:");
            for (String code : List.of(LAB_WITHOUT_EQA, REGULATOR)) {
                ApiAnswer institution = client.get(directoryUri("/v1/institutions/" + code), COUNTY_HOSPITAL);
                expectStatus(institution, 200, "GET /v1/institutions/" + code);
                names.put(code, institution.text("name"));
            }
            ApiAnswer groups = client.get(
                    directoryUri("/v1/institutions/" + LAB_WITHOUT_EQA + "/groups?on=" + today), COUNTY_HOSPITAL);
            expectStatus(groups, 200, "GET /v1/institutions/" + LAB_WITHOUT_EQA + "/groups");
            boolean member = false;
            for (JsonNode group : groups.body()) {
                member |= COUNTY_GROUP.equals(group.path("groupId").asText());
            }
            require(member, LAB_WITHOUT_EQA + " is not a member of " + COUNTY_GROUP + " on " + today);
            out.printf(
                    "  %-11s %s (EQA pass recorded in step %d) and %s %s — both members of %s%n",
                    TOWNSHIP_CENTRE,
                    names.getOrDefault(TOWNSHIP_CENTRE, "?"),
                    step + 1,
                    LAB_WITHOUT_EQA,
                    names.get(LAB_WITHOUT_EQA),
                    COUNTY_GROUP);
            out.printf("  %-11s %s — the regulator (role regulator)%n", REGULATOR, names.get(REGULATOR));

            ApiAnswer policies = client.get(resultUri("/v1/recognition-policies"), COUNTY_HOSPITAL);
            expectStatus(policies, 200, "GET /v1/recognition-policies");
            JsonNode xiapu = null;
            for (JsonNode policy : policies.body()) {
                if ("350921".equals(policy.path("regionCode").asText())
                        && !LocalDate.parse(policy.path("effectiveFrom").asText())
                                .isAfter(today)
                        && (policy.path("effectiveTo").isNull()
                                || policy.path("effectiveTo").isMissingNode()
                                || LocalDate.parse(policy.path("effectiveTo").asText())
                                        .isAfter(today))
                        && (xiapu == null
                                || policy.path("version").asInt()
                                        > xiapu.path("version").asInt())) {
                    xiapu = policy;
                }
            }
            require(xiapu != null, "no recognition policy of 霞浦县 (350921) in force on " + today);
            JsonNode scopes = xiapu.path("parameters").path("scopes");
            require(containsText(scopes, "SAME_GROUP"), "the 霞浦县 policy does not recognise within a 医共体: " + scopes);
            out.println("  Policy 350921 v" + xiapu.path("version").asInt() + " in force: scopes " + scopes + " — "
                    + xiapu.path("title").asText());

            LocalDate specimenDay = LocalDate.ofInstant(noEqaSpecimenAt, CHINA);
            ApiAnswer quality = client.getInRole(
                    resultUri("/v1/quality-statuses?institution=" + LAB_WITHOUT_EQA),
                    REGULATOR,
                    TokenContract.REGULATOR);
            expectStatus(quality, 200, "GET /v1/quality-statuses?institution=" + LAB_WITHOUT_EQA);
            require(
                    !RecognitionAnswers.hasValidPass(quality.body(), LIVER_PANEL, specimenDay),
                    LAB_WITHOUT_EQA + " holds an EQA pass for " + LIVER_PANEL + " covering " + specimenDay
                            + ", so it cannot play the lab without EQA (someone recorded one: " + quality.body() + ")");
            out.println(
                    "  " + LAB_WITHOUT_EQA + ": " + quality.body().size() + " quality statuses recorded, no pass for "
                            + LIVER_PANEL + " covering " + specimenDay + " — its results cannot be recognised.");
        }

        private void recordEqaPasses() throws Exception {
            beginStep(party(REGULATOR) + " records a valid EQA (室间质评) pass of " + party(TOWNSHIP_CENTRE) + " for "
                    + BLOOD_COUNT + " 血常规 and " + LIVER_PANEL + " 肝功能 (POST /v1/quality-statuses)");
            LocalDate from = today.minusYears(1);
            LocalDate to = today.plusYears(1);
            for (String item : List.of(BLOOD_COUNT, LIVER_PANEL)) {
                ObjectNode body = ExchangeClient.JSON.createObjectNode();
                body.put("institutionCode", TOWNSHIP_CENTRE);
                body.put("itemCode", item);
                body.put("passed", true);
                body.put("scheme", "福建省临床检验中心 室间质评 " + today.getYear() + " (demo)");
                body.put("validFrom", from.toString());
                body.put("validTo", to.toString());
                ApiAnswer recorded =
                        client.postInRole(resultUri("/v1/quality-statuses"), REGULATOR, TokenContract.REGULATOR, body);
                expectStatus(recorded, 201, "recording the EQA pass for " + item);
                require(
                        recorded.body().path("passed").asBoolean(false)
                                && item.equals(recorded.text("itemCode"))
                                && TOWNSHIP_CENTRE.equals(recorded.text("institutionCode")),
                        "the recorded status is not a pass of " + TOWNSHIP_CENTRE + " for " + item + ": "
                                + recorded.body());
                say("   -> 201, " + item + " passed, valid " + recorded.text("validFrom") + " to "
                        + recorded.text("validTo") + ", " + recorded.text("scheme") + " (status "
                        + recorded.text("id") + ")");
            }
        }

        private ObjectNode residentIdentifier() {
            return ExchangeClient.JSON
                    .createObjectNode()
                    .put("system", RESIDENT_ID_SYSTEM)
                    .put("value", residentId);
        }

        private ObjectNode insuranceIdentifier() {
            return ExchangeClient.JSON
                    .createObjectNode()
                    .put("system", INSURANCE_CODE_SYSTEM)
                    .put("value", insuranceCode);
        }

        private ObjectNode resultBody(String reportPrefix, String item, Instant specimenAt, List<ObjectNode> ids) {
            ObjectNode body = ExchangeClient.JSON.createObjectNode();
            body.put("reportId", reportPrefix + runTag);
            body.putObject("patient").putArray("identifiers").addAll(ids);
            body.put("itemCode", item);
            body.put("specimenAt", specimenAt.toString());
            body.put("reportedAt", specimenAt.plus(Duration.ofHours(2)).toString());
            body.put("status", "FINAL");
            return body;
        }

        private ObjectNode bloodCountBody(Instant specimenAt) {
            ObjectNode body = resultBody(
                    "THC01-CBC-", BLOOD_COUNT, specimenAt, List.of(residentIdentifier(), insuranceIdentifier()));
            var observations = body.putArray("observations");
            observation(observations, "WBC", 6.2, "10*9/L", "3.5-9.5");
            observation(observations, "RBC", 4.21, "10*12/L", "3.8-5.1");
            observation(observations, "HGB", 128, "g/L", "115-150");
            observation(observations, "HCT", 38.6, "%", "35-45");
            observation(observations, "MCV", 91.7, "fL", "82-100");
            observation(observations, "PLT", 215, "10*9/L", "125-350");
            observation(observations, "NEUT%", 62.3, "%", "40-75");
            observation(observations, "LYMPH%", 28.4, "%", "20-50");
            body.put("conclusion", "血常规未见明显异常");
            return body;
        }

        private ObjectNode liverPanelBody(String reportPrefix, Instant specimenAt, List<ObjectNode> ids) {
            ObjectNode body = resultBody(reportPrefix, LIVER_PANEL, specimenAt, ids);
            var observations = body.putArray("observations");
            observation(observations, "ALT", 24, "U/L", "7-40");
            observation(observations, "AST", 22, "U/L", "13-35");
            observation(observations, "GGT", 18, "U/L", "7-45");
            observation(observations, "ALP", 76, "U/L", "50-135");
            observation(observations, "TBIL", 12.4, "umol/L", "0-21");
            observation(observations, "DBIL", 3.1, "umol/L", "0-8");
            observation(observations, "TP", 68.2, "g/L", "65-85");
            observation(observations, "ALB", 41.5, "g/L", "40-55");
            return body;
        }

        private void observation(
                com.fasterxml.jackson.databind.node.ArrayNode observations,
                String analyte,
                double value,
                String unit,
                String range) {
            ObjectNode observation = observations.addObject().put("analyte", analyte);
            if (value == Math.rint(value)) {
                observation.put("value", (long) value);
            } else {
                observation.put("value", BigDecimal.valueOf(value));
            }
            observation.put("unit", unit).put("referenceRange", range).put("abnormalFlag", "N");
        }

        /** Publishes, checks the answer and waits for the published event, whose EQA flag must be as expected. */
        private Published publish(String issuer, ObjectNode body, boolean eqaExpected) throws Exception {
            String item = body.path("itemCode").asText();
            ApiAnswer published = client.post(resultUri("/v1/results"), issuer, body, Map.of());
            expectStatus(published, 201, "publishing " + item + " as " + issuer);
            String id = published.text("id");
            expectField(published, "status", "FINAL");
            expectField(published, "itemCode", item);
            expectField(published, "issuerInstitution", issuer);
            String pseudonym = published.text("patientPseudonym");
            require(pseudonym.startsWith("pp-"), "the published result has no patient pseudonym");
            say("   -> 201, result " + id + " " + item + " " + published.text("itemName") + ", report "
                    + published.text("reportId") + ", version "
                    + published.body().path("version").asLong() + ", "
                    + published.body().path("observations").size() + " observations");
            ObservedEvent event = expectResultEvent(id, "published");
            JsonNode data = event.json();
            say("          eqaPassed=" + data.path("eqaPassed").asText() + " issuer="
                    + data.path("issuer").path("institutionCode").asText() + " performer="
                    + data.path("performer").path("institutionCode").asText() + " patientPseudonym="
                    + data.path("patientPseudonym").asText());
            require(
                    data.path("eqaPassed").asBoolean(!eqaExpected) == eqaExpected,
                    "the published event says eqaPassed=" + data.path("eqaPassed") + ", expected " + eqaExpected);
            require(
                    pseudonym.equals(data.path("patientPseudonym").asText()),
                    "the event's patient pseudonym differs from the API's");
            return new Published(id, item, pseudonym);
        }

        /** The check's id and what it found per item, as answered. */
        private record CheckFound(String id, JsonNode answer) {}

        private CheckFound checkBeforeOperation(Published bloodCount, Published liver, Published noEqa)
                throws Exception {
            beginStep("Before an operation, " + party(COUNTY_HOSPITAL) + " checks for recognisable results by the"
                    + " patient's 医保 code only (POST /v1/recognition-checks, PRE_OPERATIVE, 血常规 + 肝功能)");
            ObjectNode body = ExchangeClient.JSON.createObjectNode();
            body.putObject("patient").putArray("identifiers").add(insuranceIdentifier());
            body.putArray("itemCodes").add(BLOOD_COUNT).add(LIVER_PANEL);
            body.put("clinicalContext", "PRE_OPERATIVE");
            ApiAnswer checked = client.post(resultUri("/v1/recognition-checks"), COUNTY_HOSPITAL, body, Map.of());
            expectStatus(checked, 201, "the recognition check");
            String id = checked.text("id");
            say("   -> 201, check " + id + ", open for decisions until " + checked.text("openUntil"));
            Set<String> ours = Set.of(bloodCount.id(), liver.id(), noEqa.id());
            for (String item : List.of(BLOOD_COUNT, LIVER_PANEL)) {
                printFindings(RecognitionAnswers.item(checked.body(), item), ours);
            }
            expectFinding(checked.body(), BLOOD_COUNT, bloodCount.id(), "recognisable", "basis", "SAME_GROUP");
            expectFinding(checked.body(), LIVER_PANEL, liver.id(), "recognisable", "basis", "SAME_GROUP");
            expectFinding(checked.body(), LIVER_PANEL, noEqa.id(), "notRecognisable", "reason", "NO_VALID_EQA");
            say("   as expected: both results of " + TOWNSHIP_CENTRE + " recognisable (same 医共体), the one of "
                    + LAB_WITHOUT_EQA + " not (NO_VALID_EQA), although it is newer and in the same 医共体");

            ObservedEvent event = expectResultEvent(id, "check-made");
            JsonNode data = event.json();
            List<String> counts = new ArrayList<>();
            for (JsonNode item : data.path("items")) {
                counts.add(item.path("itemCode").asText() + " "
                        + item.path("recognisable").asInt() + " recognisable "
                        + item.path("notRecognisable").asInt() + " not " + item.path("reasons"));
            }
            say("          " + data.path("clinicalContext").asText() + " by "
                    + data.path("orderer").path("institutionCode").asText() + ": " + String.join("; ", counts)
                    + " (counts and codes only)");
            require(
                    bloodCount.pseudonym().equals(data.path("patientPseudonym").asText()),
                    "the check-made event names another patient pseudonym than the results");
            return new CheckFound(id, checked.body());
        }

        private void printFindings(JsonNode item, Set<String> ours) {
            say("   " + item.path("itemCode").asText() + " "
                    + item.path("itemName").asText() + " (valid "
                    + item.path("validityDays").asInt() + " days, reference price "
                    + RecognitionAnswers.decimal(item.path("referencePrice")).toPlainString() + " 元):");
            int earlier = 0;
            for (String list : List.of("recognisable", "notRecognisable")) {
                for (JsonNode found : item.path(list)) {
                    if (!ours.contains(found.path("resultId").asText())) {
                        earlier++;
                        continue;
                    }
                    say(String.format(
                            "      %-16s %s from %s, %d days old, %s",
                            list.equals("recognisable") ? "recognisable" : "NOT recognisable",
                            found.path("resultId").asText(),
                            found.path("issuerInstitution").asText(),
                            found.path("ageDays").asLong(),
                            list.equals("recognisable")
                                    ? "basis " + found.path("basis").asText()
                                    : "reason " + found.path("reason").asText()));
                }
            }
            if (earlier > 0) {
                say("      (and " + earlier + " results of earlier runs of the demo for this patient)");
            }
        }

        private void expectFinding(
                JsonNode check, String itemCode, String resultId, String list, String field, String value)
                throws StepFailed {
            JsonNode item = RecognitionAnswers.item(check, itemCode);
            require(!item.isMissingNode(), "the check answered nothing for " + itemCode);
            JsonNode found = RecognitionAnswers.found(item.path(list), resultId)
                    .orElseThrow(() -> new StepFailed("result " + resultId + " is not among the " + list
                            + " results of " + itemCode + ": " + item));
            require(
                    value.equals(found.path(field).asText()),
                    "result " + resultId + " of " + itemCode + " has " + field + " "
                            + found.path(field).asText() + ", expected " + value);
        }

        private void readValues(Published bloodCount) throws Exception {
            beginStep("The surgeon at " + party(COUNTY_HOSPITAL) + " reads the 血常规 values (GET /v1/results/{id},"
                    + " audited; allowed through the open check)");
            ApiAnswer read = client.get(resultUri("/v1/results/" + bloodCount.id()), COUNTY_HOSPITAL);
            expectStatus(read, 200, "reading the 血常规");
            JsonNode observations = read.body().path("observations");
            require(observations.size() == 8, "the 血常规 has " + observations.size() + " observations, 8 were sent");
            List<String> values = new ArrayList<>();
            for (JsonNode observation : observations) {
                values.add(observation.path("analyte").asText() + " "
                        + observation.path("value").asText() + " "
                        + observation.path("unit").asText() + " ("
                        + observation.path("referenceRange").asText()
                        + ")");
            }
            require(values.contains("HGB 128 g/L (115-150)"), "HGB is not as published: " + values);
            say("   -> 200, " + read.text("itemName") + " of " + read.text("issuerInstitution") + ", specimen "
                    + localTime(Instant.parse(read.text("specimenAt"))) + ":");
            for (int i = 0; i < values.size(); i += 4) {
                say("      " + String.join("   ", values.subList(i, Math.min(values.size(), i + 4))));
            }
            say("      conclusion: " + read.text("conclusion"));
        }

        private void decide(CheckFound check, Published bloodCount, Published liver) throws Exception {
            beginStep("The surgeon recognises the 血常规 (引用, no new test) and declines the 肝功能: MAJOR_INTERVENTION"
                    + " (对重大诊疗措施意义重大) (POST /v1/recognition-checks/{id}/decisions)");
            ObjectNode body = ExchangeClient.JSON.createObjectNode();
            var decisions = body.putArray("decisions");
            decisions
                    .addObject()
                    .put("itemCode", BLOOD_COUNT)
                    .put("outcome", "RECOGNISED")
                    .put("resultId", bloodCount.id());
            decisions
                    .addObject()
                    .put("itemCode", LIVER_PANEL)
                    .put("outcome", "DECLINED")
                    .put("resultId", liver.id())
                    .put("reason", "MAJOR_INTERVENTION")
                    .put("note", DECLINE_NOTE);
            ApiAnswer decided = client.post(
                    resultUri("/v1/recognition-checks/" + check.id() + "/decisions"), COUNTY_HOSPITAL, body, Map.of());
            expectStatus(decided, 200, "the decisions");
            JsonNode recognised = decisionOf(decided.body(), BLOOD_COUNT);
            JsonNode declined = decisionOf(decided.body(), LIVER_PANEL);
            BigDecimal price = RecognitionAnswers.decimal(
                    RecognitionAnswers.item(check.answer(), BLOOD_COUNT).path("referencePrice"));
            BigDecimal avoided = RecognitionAnswers.decimal(recognised.path("avoidedFee"));
            require(
                    "RECOGNISED".equals(recognised.path("outcome").asText())
                            && bloodCount
                                    .id()
                                    .equals(recognised.path("resultId").asText()),
                    "the 血常规 decision is not a recognition of " + bloodCount.id() + ": " + recognised);
            require(
                    avoided.compareTo(price) == 0 && avoided.signum() > 0,
                    "the recognition saved " + avoided.toPlainString() + " 元, the catalogue price is "
                            + price.toPlainString());
            require(
                    "DECLINED".equals(declined.path("outcome").asText())
                            && "MAJOR_INTERVENTION"
                                    .equals(declined.path("reason").asText()),
                    "the 肝功能 decision is not a decline with MAJOR_INTERVENTION: " + declined);
            require(
                    RecognitionAnswers.decimal(declined.path("avoidedFee")).signum() == 0,
                    "a decline counted a saving: " + declined);
            say("   -> 200, " + BLOOD_COUNT + " RECOGNISED " + bloodCount.id() + " (issuer "
                    + recognised.path("issuerInstitution").asText() + "), avoided fee " + avoided.toPlainString()
                    + " 元");
            say("          " + LIVER_PANEL + " DECLINED, reason MAJOR_INTERVENTION, note \""
                    + declined.path("note").asText() + "\" (kept for the medical record)");

            ObservedEvent recognisedEvent = expectResultEvent(check.id(), "recognised");
            JsonNode data = recognisedEvent.json();
            say("          " + data.path("itemCode").asText() + " result "
                    + data.path("resultId").asText() + " basis "
                    + data.path("basis").asText() + " avoidedFee "
                    + data.path("avoidedFee").asText());
            require(
                    bloodCount.id().equals(data.path("resultId").asText())
                            && BLOOD_COUNT.equals(data.path("itemCode").asText()),
                    "the recognised event does not cite the 血常规: " + data);
            ObservedEvent declinedEvent = expectResultEvent(check.id(), "declined");
            JsonNode declinedData = declinedEvent.json();
            say("          " + declinedData.path("itemCode").asText() + " declineReason "
                    + declinedData.path("declineReason").asText() + " (the note stays in result-service)");
            require(
                    "MAJOR_INTERVENTION"
                            .equals(declinedData.path("declineReason").asText()),
                    "the declined event does not carry MAJOR_INTERVENTION: " + declinedData);
        }

        private JsonNode decisionOf(JsonNode decisions, String itemCode) throws StepFailed {
            for (JsonNode decision : decisions) {
                if (itemCode.equals(decision.path("itemCode").asText())) {
                    return decision;
                }
            }
            throw new StepFailed("no decision for " + itemCode + " in the answer " + decisions);
        }

        /** Prints the result topic's events of this run and checks what they hold; how many there were. */
        private int checkResultEvents(List<Published> results, String checkId, String referralPseudonym)
                throws Exception {
            beginStep("What an independent consumer read from " + resultTap.topic()
                    + " (insurers and regulators read this topic)");
            // A moment for anything unexpected (a duplicate, a second decision event) to show up.
            Thread.sleep(1000);
            List<ObservedEvent> ours = new ArrayList<>();
            for (Published result : results) {
                ours.addAll(resultEvents.about(result.id()));
            }
            List<ObservedEvent> ofCheck = resultEvents.about(checkId);
            ours.addAll(ofCheck);
            for (ObservedEvent event : ours) {
                JsonNode data = event.json();
                say(String.format(
                        "   partition %d offset %-6d %-36s key=%s  %s %s",
                        event.partition(),
                        event.offset(),
                        event.ceType(),
                        event.key(),
                        data.path("itemCode").asText(data.path("items").size() + " items"),
                        data.path("patientPseudonym").asText()));
            }
            List<String> types = ofCheck.stream().map(ObservedEvent::ceType).toList();
            List<String> expected = List.of(
                    RESULT_EVENT_PREFIX + "check-made" + EVENT_SUFFIX,
                    RESULT_EVENT_PREFIX + "recognised" + EVENT_SUFFIX,
                    RESULT_EVENT_PREFIX + "declined" + EVENT_SUFFIX);
            require(types.equals(expected), "events of check " + checkId + " are " + types + ", expected " + expected);
            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("the resident ID", residentId);
            secrets.put("the 医保 code", insuranceCode);
            secrets.put("the name", patientName);
            secrets.put("the clinician's note", DECLINE_NOTE);
            String pseudonym = results.get(0).pseudonym();
            for (ObservedEvent event : ours) {
                List<String> revealed = RecognitionAnswers.revealed(event.data(), secrets);
                require(revealed.isEmpty(), event.ceType() + " (key " + event.key() + ") carries " + revealed);
                require(
                        pseudonym.equals(event.json().path("patientPseudonym").asText()),
                        event.ceType() + " carries another patient pseudonym: "
                                + event.json().path("patientPseudonym").asText());
            }
            require(
                    pseudonym.equals(referralPseudonym),
                    "result-service calls the patient " + pseudonym + ", referral-service " + referralPseudonym
                            + ": the services do not share the pseudonym key");
            say("   The check's events arrived in order (one key, one partition). All " + ours.size() + " events carry"
                    + " the pseudonym " + pseudonym + ", the same as the referrals', so the episodes link without the"
                    + " ID number; none holds the resident ID, the 医保 code, the name or the clinician's note.");
            return ours.size();
        }

        private JsonNode statistics() throws Exception {
            ApiAnswer statistics = client.getInRole(
                    resultUri("/v1/recognition/statistics?from=" + today + "&to=" + today),
                    REGULATOR,
                    TokenContract.REGULATOR);
            expectStatus(statistics, 200, "GET /v1/recognition/statistics as " + REGULATOR);
            return statistics.body();
        }

        private void showStatistics(JsonNode before, CheckFound check) throws Exception {
            beginStep(party(REGULATOR) + " reads today's recognition statistics (GET /v1/recognition/statistics?from="
                    + today + "&to=" + today + ", role regulator)");
            JsonNode after = statistics();
            BigDecimal savings = RecognitionAnswers.itemSavings(after, BLOOD_COUNT);
            BigDecimal saved = savings.subtract(RecognitionAnswers.itemSavings(before, BLOOD_COUNT));
            BigDecimal price = RecognitionAnswers.decimal(
                    RecognitionAnswers.item(check.answer(), BLOOD_COUNT).path("referencePrice"));
            long recognised = RecognitionAnswers.itemRecognised(after, BLOOD_COUNT)
                    - RecognitionAnswers.itemRecognised(before, BLOOD_COUNT);
            long declines = RecognitionAnswers.declines(after, "MAJOR_INTERVENTION")
                    - RecognitionAnswers.declines(before, "MAJOR_INTERVENTION");
            JsonNode total = after.path("total");
            say("   -> 200, today: " + after.path("checks").asLong() + " checks, "
                    + total.path("recognised").asLong()
                    + " recognised, " + total.path("declined").asLong() + " declined, recognition rate "
                    + total.path("recognitionRate").asText() + ", savings "
                    + RecognitionAnswers.decimal(total.path("savings")).toPlainString() + " 元");
            say("      " + BLOOD_COUNT + ": " + RecognitionAnswers.itemRecognised(after, BLOOD_COUNT) + " recognised (+"
                    + recognised + " by this demo), savings " + savings.toPlainString() + " 元 (+"
                    + saved.toPlainString() + ")");
            say("      declines by reason " + after.path("declinesByReason") + "; by group "
                    + COUNTY_GROUP + " " + after.path("byGroup").path(COUNTY_GROUP) + "; repeats without a reason "
                    + after.path("repeatsWithoutReason").asLong());
            require(
                    savings.compareTo(new BigDecimal("20.00")) >= 0 && saved.compareTo(price) >= 0,
                    "the statistics show savings of " + savings.toPlainString() + " 元 for " + BLOOD_COUNT + " (+"
                            + saved.toPlainString() + "), expected at least 20.00 and +" + price.toPlainString());
            require(recognised >= 1, "the statistics do not count the recognition of " + BLOOD_COUNT);
            require(declines >= 1, "the statistics do not count the MAJOR_INTERVENTION decline");
        }

        /** Waits for a result-service event about {@code key} and prints it. */
        private ObservedEvent expectResultEvent(String key, String eventStep) throws Exception {
            String type = RESULT_EVENT_PREFIX + eventStep + EVENT_SUFFIX;
            ObservedEvent event = resultEvents
                    .await(key, type, EVENT_TIMEOUT)
                    .orElseThrow(() -> new StepFailed("no " + type + " event for " + key + " within "
                            + EVENT_TIMEOUT.toSeconds() + " s"
                            + (resultTap.failure() == null ? "" : " (" + resultTap.failure() + ")")));
            say("   Kafka: " + event.ceType() + "  key=" + event.key() + "  (partition " + event.partition()
                    + ", offset " + event.offset() + ")");
            return event;
        }

        private String localTime(Instant instant) {
            return LOCAL_TIME.format(instant.atZone(CHINA)) + " (Asia/Shanghai)";
        }

        private URI resultUri(String path) {
            return stack.resultBase().resolve(path);
        }

        private void printReferral(ApiAnswer created) {
            JsonNode body = created.body();
            say("   -> 201 Created, referral " + body.path("id").asText() + ", status "
                    + body.path("status").asText() + ", direction "
                    + body.path("direction").asText() + ", ETag "
                    + created.etag().orElse("-"));
            say("      flags " + flagsLine(body.path("flags")));
            say("      common groups " + body.path("commonGroupIds") + ", policy "
                    + body.path("policy").path("regionCode").asText() + " v"
                    + body.path("policy").path("version").asText() + ", answer due "
                    + body.path("timeline").path("answerDueAt").asText());
        }

        private void expectProblem(ApiAnswer answer, int status, String code) throws StepFailed {
            require(
                    answer.status() == status && answer.isProblem() && code.equals(answer.problemCode()),
                    "expected " + status + " " + ApiAnswer.PROBLEM_JSON + " " + code + ", got " + answer.status() + " "
                            + answer.contentType() + " " + answer.body());
            say("   -> " + status + " " + answer.contentType() + " (as expected)");
            say("      " + answer.body());
        }

        private void expectStatus(ApiAnswer answer, int status, String what) throws StepFailed {
            require(
                    answer.status() == status,
                    what + ": expected HTTP " + status + ", got " + answer.status() + " " + answer.body());
        }

        private void expectField(ApiAnswer answer, String field, String value) throws StepFailed {
            require(value.equals(answer.text(field)), field + " is " + answer.text(field) + ", expected " + value);
        }

        private void expectFlag(JsonNode flags, String flag, boolean value, String because) throws StepFailed {
            require(
                    flags.path(flag).isBoolean() && flags.path(flag).asBoolean() == value,
                    flag + " should be " + value + " (" + because + "), is " + flags.path(flag));
        }

        @Override
        public void beginStep(String what) {
            step++;
            out.println();
            out.println(step + ". " + what);
        }

        @Override
        public void say(String line) {
            out.println(line);
        }

        @Override
        public String party(String code) {
            return names.computeIfAbsent(code, this::nameInDirectory) + " (" + code + ")";
        }

        /** The institution's name from the directory, for parties met after the introductions. */
        private String nameInDirectory(String code) {
            try {
                ApiAnswer institution = client.get(directoryUri("/v1/institutions/" + code), COUNTY_HOSPITAL);
                return institution.status() == 200 ? institution.text("name") : "?";
            } catch (IOException e) {
                return "?";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "?";
            }
        }

        private URI directoryUri(String path) {
            return stack.directoryBase().resolve(path);
        }

        private URI referralUri(String path) {
            return stack.referralBase().resolve(path);
        }
    }

    /** The reviewer's user at an institution: never {@value #DEMO_USER}, who created the referrals. */
    static String reviewerSubject(String institution) {
        return "reviewer-" + institution;
    }

    /** {@code sameGroupEpisode=true properReferral=true reimbursementUpliftPoints=5 ...} in the data's order. */
    static String flagsLine(JsonNode flags) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = flags.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            parts.add(field.getKey() + "=" + field.getValue().asText());
        }
        return parts.isEmpty() ? "(none)" : String.join(" ", parts);
    }

    static boolean containsText(JsonNode array, String text) {
        for (JsonNode element : array) {
            if (text.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }

    private static void require(boolean condition, String failure) throws StepFailed {
        if (!condition) {
            throw new StepFailed(failure);
        }
    }
}
