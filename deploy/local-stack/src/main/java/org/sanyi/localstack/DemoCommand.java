package org.sanyi.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sanyi.localstack.exchange.ApiAnswer;
import org.sanyi.localstack.exchange.ExchangeClient;
import org.sanyi.localstack.exchange.HospitalTokens;
import org.sanyi.localstack.exchange.ObservedEvents;
import org.sanyi.localstack.exchange.ReferralEventTap;
import org.sanyi.localstack.exchange.ReferralEventTap.ObservedEvent;
import org.sanyi.localstack.exchange.SyntheticResidentIds;

/**
 * {@code demo}: plays issue #3's scenario against the running stack through the public REST APIs only, and prints
 * what each party did and which events an independent consumer read from Kafka. A village clinic of the 霞浦县
 * 医共体 refers a hypertensive patient up to 霞浦县医院, which accepts, admits and completes with a summary back; later
 * the hospital refers the patient down to the township health centre with a 下转指征. Along the way a hospital that
 * is not a party is refused (403) and an out-of-order step is refused (409). Any step that does not behave as
 * expected ends the demo with exit code 1, so it doubles as a smoke test of the stack.
 */
public final class DemoCommand implements LauncherCommand {

    static final String VILLAGE_CLINIC = "NDXP-VC01";
    static final String COUNTY_HOSPITAL = "NDXP-H01";
    static final String TOWNSHIP_CENTRE = "NDXP-THC01";
    static final String OUTSIDER = "NDFD-H01";
    static final String COUNTY_GROUP = "GRP-XP-YGT";

    static final String RESIDENT_ID_SYSTEM = "urn:sanyi:id:cn-resident-id";
    static final String LICENCE_SYSTEM = "urn:sanyi:id:cn-physician-licence";
    static final String VILLAGE_DOCTOR = "110350921000123";
    static final String CLINIC_REVIEWER = "110350921000999";
    static final String HOSPITAL_PHYSICIAN = "110350921000456";
    static final String HOSPITAL_REVIEWER = "110350921000777";

    /** The user ({@code sub}) of every call except the reviews. */
    static final String DEMO_USER = "demo-user";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(15);
    private static final String EVENT_PREFIX = "org.sanyi.referral.";
    private static final String EVENT_SUFFIX = ".v1";

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
        return "play a referral scenario against the running stack, step by step, with its Kafka events";
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
            stack = LiveStack.connect(context);
        } catch (LiveStack.NotReadyException e) {
            System.err.println(e.getMessage());
            return LiveStack.NOT_RUNNING;
        }
        ObservedEvents events = new ObservedEvents();
        try (ReferralEventTap tap = ReferralEventTap.startAtEnd(stack.kafkaBootstrapServers(), events)) {
            Play play = new Play(stack, events, tap, System.out);
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
    private static final class Play {

        private final LiveStack stack;
        private final ObservedEvents events;
        private final ReferralEventTap tap;
        private final PrintStream out;
        private final ExchangeClient client;
        private final Map<String, String> names = new HashMap<>();
        private final LocalDate today = LocalDate.now(CHINA);
        private final String residentId = SyntheticResidentIds.of("350921", LocalDate.of(1958, 3, 12), 3);
        private final String patientName = "林秀英";
        private final Map<String, List<String>> expectedSteps = new LinkedHashMap<>();
        private JsonNode upwardBody;
        private String upwardKey;
        private int step;

        Play(LiveStack stack, ObservedEvents events, ReferralEventTap tap, PrintStream out) {
            this.stack = stack;
            this.events = events;
            this.tap = tap;
            this.out = out;
            this.client =
                    new ExchangeClient(new HospitalTokens(stack.tokenSigner(), stack.tokenAudiences(), DEMO_USER));
        }

        void run() throws Exception {
            out.println("Sanyi demo: 双向转诊 in the 霞浦县 county medical community (issue #3)");
            out.println("  directory-service " + stack.directory().baseUrl() + " and referral-service "
                    + stack.referral().baseUrl() + " are ready; an independent Kafka consumer reads "
                    + ReferralEventTap.TOPIC + " (" + tap.partitions() + " partitions) from its current end.");
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

            checkEventsInOrder(List.of(upward, downward));
            out.println();
            int ours = events.about(upward).size() + events.about(downward).size();
            int others = events.all().size() - ours;
            out.println("Demo passed: " + step + " steps behaved as expected; " + ours + " events of its two referrals"
                    + " read from " + ReferralEventTap.TOPIC
                    + (others > 0 ? " (and " + others + " events of other referrals created meanwhile)" : "") + ".");
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

        private void checkEventsInOrder(List<String> ids) throws Exception {
            // A moment for anything unexpected (a duplicate, an event of the replayed create) to show up.
            Thread.sleep(1000);
            out.println();
            out.println("Events on " + ReferralEventTap.TOPIC + ", per referral in the order the consumer read them:");
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

        private void beginStep(String what) {
            step++;
            out.println();
            out.println(step + ". " + what);
        }

        private void say(String line) {
            out.println(line);
        }

        private String party(String code) {
            return names.getOrDefault(code, "?") + " (" + code + ")";
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
