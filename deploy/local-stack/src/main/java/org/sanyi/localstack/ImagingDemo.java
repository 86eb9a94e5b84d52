package org.sanyi.localstack;

import static org.sanyi.localstack.DemoCommand.CHINA;
import static org.sanyi.localstack.DemoCommand.COUNTY_HOSPITAL;
import static org.sanyi.localstack.DemoCommand.OUTSIDER;
import static org.sanyi.localstack.DemoCommand.REGULATOR;
import static org.sanyi.localstack.DemoCommand.RESIDENT_ID_SYSTEM;
import static org.sanyi.localstack.DemoCommand.TOWNSHIP_CENTRE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanyi.localstack.DemoCommand.StepFailed;
import org.sanyi.localstack.exchange.ApiAnswer;
import org.sanyi.localstack.exchange.EventTap.ObservedEvent;
import org.sanyi.localstack.exchange.ExchangeClient;
import org.sanyi.localstack.exchange.ObservedEvents;
import org.sanyi.tokens.TokenContract;

/**
 * Part 3 of the demo, 医学影像共享调阅 (issue #9): the village clinic's patient had a chest DR at the township centre,
 * read by the county imaging centre; after the referral is accepted the county hospital finds the study by DICOMweb
 * search, an unrelated hospital is refused, a break-glass look is flagged, and the disclosure log lists every look.
 * REST only; the events are read by independent Kafka consumers. With Orthanc installed, the township's PACS is a real
 * Orthanc that the exchange polls; without it, the PACS pushes DICOM JSON.
 */
final class ImagingDemo {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(15);
    private static final String PROVINCIAL_HOSPITAL = "FJ-H01";
    private static final String OPERATOR = "ND-HIC01";
    private static final String IMAGING = "org.sanyi.imaging.";

    private final LiveStack stack;
    private final ExchangeClient client;
    private final DemoNarrator narrator;
    private final ObservedEvents studyEvents;
    private final ObservedEvents accessEvents;
    private final String residentId;
    private final String pseudonym;
    private final String runTag;

    ImagingDemo(
            LiveStack stack,
            ExchangeClient client,
            DemoNarrator narrator,
            ObservedEvents studyEvents,
            ObservedEvents accessEvents,
            String residentId,
            String pseudonym,
            String runTag) {
        this.stack = stack;
        this.client = client;
        this.narrator = narrator;
        this.studyEvents = studyEvents;
        this.accessEvents = accessEvents;
        this.residentId = residentId;
        this.pseudonym = pseudonym;
        this.runTag = runTag;
    }

    /** Plays part 3; the number of this run's imaging events read from Kafka. */
    int play() throws Exception {
        Optional<DemoPacs> pacs = DemoPacs.startIfInstalled();
        try {
            return play(pacs);
        } finally {
            if (pacs.isPresent()) {
                pacs.get().close();
            }
        }
    }

    private int play(Optional<DemoPacs> pacs) throws Exception {
        narrator.say("");
        narrator.say("Part 3: 医学影像共享调阅 (imaging sharing) for the same patient: a chest DR at the township centre"
                + (pacs.isPresent()
                        ? ", kept by a real Orthanc PACS at " + pacs.get().url() + " that the exchange polls"
                        : " (Orthanc is not installed: the township's PACS pushes DICOM JSON instead)"));
        String studyUid = "1.2.156.112605.350921." + Instant.now().toEpochMilli() + ".1";
        LocalDateTime acquired = LocalDateTime.now(CHINA).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        String studyId = register(pacs, studyUid, acquired);

        narrator.beginStep(narrator.party(TOWNSHIP_CENTRE) + " routes the study to its 医共体's imaging centre for"
                + " reading (POST /v1/studies/{uid}/reading-requests, no centre named: the group's lead)");
        ApiAnswer routed = call(
                "POST",
                "/v1/studies/" + studyUid + "/reading-requests",
                TOWNSHIP_CENTRE,
                TokenContract.HOSPITAL,
                ExchangeClient.JSON.createObjectNode(),
                Map.of());
        expect(routed, 200, "route the study");
        require(COUNTY_HOSPITAL.equals(routed.text("readingCentre")), "routed to " + routed.text("readingCentre"));
        narrator.say("   -> 200, reading centre " + narrator.party(routed.text("readingCentre")));
        expectStudyEvent(studyId, "reading-requested");

        narrator.beginStep(
                narrator.party(COUNTY_HOSPITAL) + " reads the DR and reports on it (PUT /v1/studies/{uid}/report)");
        ObjectNode report = ExchangeClient.JSON
                .createObjectNode()
                .put("status", "FINAL")
                .put("findings", "双肺纹理增多，未见实变影")
                .put("impression", "支气管炎改变")
                .put("reportedAt", Instant.now().minusSeconds(60).toString());
        ApiAnswer reported = call(
                "PUT",
                "/v1/studies/" + studyUid + "/report",
                COUNTY_HOSPITAL,
                TokenContract.HOSPITAL,
                report,
                Map.of());
        expect(reported, 200, "report");
        narrator.say("   -> 200, report "
                + reported.body().path("report").path("status").asText() + " by "
                + reported.body().path("report").path("reportedBy").asText());
        ObservedEvent reportedEvent = expectStudyEvent(studyId, "reported");
        require(
                !new String(reportedEvent.data(), StandardCharsets.UTF_8).contains("支气管炎"),
                "the reported event carries the report text");

        narrator.beginStep(narrator.party(COUNTY_HOSPITAL) + ", which accepted the patient's referral in part 1, finds"
                + " the study by DICOMweb search (GET /dicomweb/studies?PatientID=…&IssuerOfPatientID=…, Accept"
                + " application/dicom+json)");
        ApiAnswer found = qido(COUNTY_HOSPITAL, Map.of());
        expect(found, 200, "QIDO-RS as the county hospital");
        JsonNode study = ofUid(found.body(), studyUid)
                .orElseThrow(() -> new StepFailed("the county hospital's search did not find " + studyUid));
        narrator.say("   -> 200 " + found.contentType() + ", " + found.body().size() + " stud"
                + (found.body().size() == 1 ? "y" : "ies") + "; this one: StudyDate "
                + study.path("00080020").path("Value").path(0).asText() + ", ModalitiesInStudy "
                + study.path("00080061").path("Value") + ", RetrieveURL "
                + study.path("00081190").path("Value").path(0).asText());
        expectAccess("SEARCH", COUNTY_HOSPITAL);

        narrator.beginStep(narrator.party(COUNTY_HOSPITAL) + " asks for a retrieval ticket to open the images at the"
                + " source (POST /v1/studies/{uid}/retrieval-tickets)");
        ApiAnswer ticket = call(
                "POST",
                "/v1/studies/" + studyUid + "/retrieval-tickets",
                COUNTY_HOSPITAL,
                TokenContract.HOSPITAL,
                null,
                Map.of());
        expect(ticket, 201, "retrieval ticket");
        narrator.say(
                "   -> 201, an ES256 ticket for " + ticket.text("retrieveUrl") + " until " + ticket.text("expiresAt")
                        + "; the PACS verifies it with GET /v1/retrieval-keys, the exchange never carries pixels");
        if (pacs.isPresent()) {
            HttpResponse<String> metadata = pacs.get().send("GET", ticket.text("retrieveUrl") + "/metadata", null);
            narrator.say("   The viewer fetches WADO-RS metadata from the source PACS itself: HTTP "
                    + metadata.statusCode() + ", " + metadata.body().length() + " bytes of DICOM JSON");
            require(metadata.statusCode() == 200, "the PACS did not serve the study's metadata");
        }
        expectAccess("RETRIEVE", COUNTY_HOSPITAL);

        narrator.beginStep(narrator.party(OUTSIDER) + ", with no referral, group or consent for this patient, searches"
                + " the same way");
        ApiAnswer refused = qido(OUTSIDER, Map.of());
        require(
                refused.status() == 403 && "IMG-0004".equals(refused.problemCode()),
                "expected 403 IMG-0004, got " + refused.status() + " " + refused.body());
        narrator.say("   -> 403 " + refused.contentType() + " " + refused.problemCode() + " (as expected; the refusal"
                + " is in the audit trail)");

        narrator.beginStep(narrator.party(PROVINCIAL_HOSPITAL) + " treats the patient in an emergency and breaks the"
                + " glass (X-Purpose-Of-Use: ETREAT, X-Break-Glass-Reason: LIFE_THREATENING)");
        ApiAnswer breakGlass = qido(
                PROVINCIAL_HOSPITAL, Map.of("X-Purpose-Of-Use", "ETREAT", "X-Break-Glass-Reason", "LIFE_THREATENING"));
        expect(breakGlass, 200, "break-glass search");
        narrator.say("   -> 200, " + breakGlass.body().size() + " stud"
                + (breakGlass.body().size() == 1 ? "y" : "ies") + ", flagged for review");
        ObservedEvent flagged = expectAccess("SEARCH", PROVINCIAL_HOSPITAL);
        require("BREAK_GLASS".equals(flagged.json().path("basis").asText()), "the look is not flagged as break-glass");
        ApiAnswer pending = client.getInRole(imaging("/v1/break-glass-accesses"), REGULATOR, TokenContract.REGULATOR);
        expect(pending, 200, "the regulator's review list");
        boolean listed = false;
        for (JsonNode look : pending.body()) {
            listed |= look.path("accessId")
                    .asText()
                    .equals(flagged.json().path("accessId").asText());
        }
        require(listed, "the break-glass look is not on the 卫健委's review list");
        narrator.say("   " + narrator.party(REGULATOR) + " sees it on the review list (GET /v1/break-glass-accesses):"
                + " reason LIFE_THREATENING, status PENDING");

        narrator.beginStep(narrator.party(TOWNSHIP_CENTRE) + ", the source, reads the patient's disclosure log for the"
                + " patient (POST /v1/disclosures)");
        ObjectNode patient = ExchangeClient.JSON.createObjectNode();
        patient.putObject("patient")
                .putArray("identifiers")
                .addObject()
                .put("system", RESIDENT_ID_SYSTEM)
                .put("value", residentId);
        ApiAnswer log = call("POST", "/v1/disclosures", TOWNSHIP_CENTRE, TokenContract.HOSPITAL, patient, Map.of());
        expect(log, 200, "disclosure log");
        List<String> lines = new ArrayList<>();
        for (JsonNode look : log.body()) {
            if (!look.path("studyInstanceUids").toString().contains(studyUid)) {
                continue;
            }
            lines.add(look.path("institutionCode").asText() + " "
                    + look.path("action").asText() + " under "
                    + look.path("basis").asText() + " ("
                    + look.path("purposeOfUse").asText() + ")"
                    + (look.hasNonNull("reviewStatus")
                            ? " review " + look.path("reviewStatus").asText()
                            : ""));
        }
        lines.forEach(line -> narrator.say("   " + line));
        require(lines.stream().anyMatch(l -> l.startsWith(COUNTY_HOSPITAL + " SEARCH")), "no county search in the log");
        require(lines.stream().anyMatch(l -> l.startsWith(COUNTY_HOSPITAL + " RETRIEVE")), "no ticket in the log");
        require(
                lines.stream().anyMatch(l -> l.startsWith(PROVINCIAL_HOSPITAL + " SEARCH under BREAK_GLASS")),
                "no break-glass look in the log");
        require(lines.stream().noneMatch(l -> l.startsWith(OUTSIDER)), "the refused search is listed as a disclosure");

        narrator.beginStep(narrator.party(REGULATOR) + " reads the imaging statistics (GET /v1/imaging/statistics)");
        ApiAnswer statistics = client.getInRole(imaging("/v1/imaging/statistics"), REGULATOR, TokenContract.REGULATOR);
        expect(statistics, 200, "statistics");
        JsonNode body = statistics.body();
        narrator.say("   -> 200: grassroots institutions registering studies "
                + body.path("grassrootsCoverage").path("registering").asText() + " of "
                + body.path("grassrootsCoverage").path("grassrootsInstitutions").asText() + "; break-glass "
                + body.path("breakGlass") + "; reading centres "
                + body.path("readingCentres"));

        int events = studyEvents.about(studyId).size()
                + accessEvents.about(pseudonym).size();
        for (ObservedEvent event : accessEvents.about(pseudonym)) {
            require(
                    !new String(event.data(), StandardCharsets.UTF_8).contains(residentId),
                    "an access event carries the resident ID");
        }
        return events;
    }

    /** The PACS registers the study, by poll (Orthanc) or push (DICOM JSON); the exchange's study id. */
    private String register(Optional<DemoPacs> pacs, String studyUid, LocalDateTime acquired) throws Exception {
        String date = acquired.format(DateTimeFormatter.BASIC_ISO_DATE);
        String time = acquired.format(DateTimeFormatter.ofPattern("HHmmss"));
        if (pacs.isPresent()) {
            narrator.beginStep("The township centre's PACS (Orthanc) receives the DR from the modality; the platform"
                    + " operator " + OPERATOR + " polls it now (POST /v1/source-polls) instead of waiting for the"
                    + " schedule");
            ObjectNode tags = ExchangeClient.JSON
                    .createObjectNode()
                    .put("SpecificCharacterSet", "ISO_IR 192")
                    .put("PatientID", residentId)
                    .put("PatientName", "Lin^Xiuying=林^秀英")
                    .put("PatientSex", "F")
                    .put("PatientBirthDate", "19580312")
                    .put("StudyInstanceUID", studyUid)
                    .put("SeriesInstanceUID", studyUid + ".1")
                    .put("StudyDate", date)
                    .put("StudyTime", time)
                    .put("AccessionNumber", "DR" + runTag)
                    .put("StudyDescription", "胸部正位 DR")
                    .put("Modality", "DX")
                    .put("BodyPartExamined", "CHEST")
                    .put("SOPClassUID", "1.2.840.10008.5.1.4.1.1.1.1");
            ObjectNode create = ExchangeClient.JSON.createObjectNode();
            create.set("Tags", tags);
            // The UIDs are ours, not made up by Orthanc: Force lets it take them.
            create.put("Force", true);
            HttpResponse<String> created = pacs.get().send("POST", "/tools/create-dicom", create.toString());
            require(created.statusCode() == 200, "Orthanc refused the DR: " + created.body());
            ObjectNode poll = ExchangeClient.JSON
                    .createObjectNode()
                    .put("sourceCode", TOWNSHIP_CENTRE)
                    .put("baseUrl", pacs.get().dicomWeb());
            ApiAnswer polled = call("POST", "/v1/source-polls", OPERATOR, TokenContract.PLATFORM_ADMIN, poll, Map.of());
            expect(polled, 200, "poll the township PACS");
            narrator.say("   -> 200, " + polled.body().path("studiesSeen").asText() + " studies seen at the PACS, "
                    + polled.body().path("created").asText() + " new in the index, high-water mark "
                    + polled.body().path("highWaterMark").asText());
        } else {
            narrator.beginStep(narrator.party(TOWNSHIP_CENTRE) + "'s PACS pushes the DR as DICOM JSON (POST"
                    + " /v1/dicom-registrations, Content-Type application/dicom+json)");
            ArrayNode datasets = ExchangeClient.JSON.createArrayNode();
            ObjectNode dataset = datasets.addObject();
            attribute(dataset, "00080020", "DA", date);
            attribute(dataset, "00080030", "TM", time);
            attribute(dataset, "00080050", "SH", "DR" + runTag);
            attribute(dataset, "00080060", "CS", "DX");
            attribute(dataset, "00081030", "LO", "胸部正位 DR");
            attribute(dataset, "00081190", "UR", "https://pacs.ndxp-thc01.example/dicom-web/studies/" + studyUid);
            dataset.putObject("00100010")
                    .put("vr", "PN")
                    .putArray("Value")
                    .addObject()
                    .put("Alphabetic", "Lin^Xiuying")
                    .put("Ideographic", "林^秀英");
            attribute(dataset, "00100020", "LO", residentId);
            attribute(dataset, "00180015", "CS", "CHEST");
            attribute(dataset, "0020000D", "UI", studyUid);
            attribute(dataset, "0020000E", "UI", studyUid + ".1");
            ApiAnswer pushed = client.call(
                    "POST",
                    imaging("/v1/dicom-registrations"),
                    TOWNSHIP_CENTRE,
                    TokenContract.HOSPITAL,
                    datasets,
                    Map.of("Content-Type", "application/dicom+json"));
            expect(pushed, 200, "DICOM JSON registration");
            narrator.say("   -> 200, "
                    + pushed.body().path("studies").get(0).path("outcome").asText());
        }
        ObservedEvent registered = studyEvents.all().stream()
                .filter(e -> e.json().path("studyInstanceUid").asText().equals(studyUid))
                .findFirst()
                .or(() -> awaitRegistered(studyUid))
                .orElseThrow(() -> new StepFailed("no study.registered event for " + studyUid));
        narrator.say("   Kafka: " + registered.ceType() + "  key=" + registered.key() + "  patient "
                + registered.json().path("patientPseudonym").asText() + " (the referrals' pseudonym: "
                + registered.json().path("patientPseudonym").asText().equals(pseudonym) + ")");
        require(
                registered.json().path("patientPseudonym").asText().equals(pseudonym),
                "the study's patient pseudonym differs from the referrals'");
        return registered.key();
    }

    private Optional<ObservedEvent> awaitRegistered(String studyUid) {
        Instant deadline = Instant.now().plus(EVENT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<ObservedEvent> found = studyEvents.all().stream()
                    .filter(e -> e.json().path("studyInstanceUid").asText().equals(studyUid))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private ApiAnswer qido(String institution, Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Accept", "application/dicom+json, application/problem+json");
        return client.call(
                "GET",
                imaging("/dicomweb/studies?PatientID=" + residentId + "&IssuerOfPatientID="
                        + URLEncoder.encode(RESIDENT_ID_SYSTEM, StandardCharsets.UTF_8)),
                institution,
                TokenContract.HOSPITAL,
                null,
                all);
    }

    private ApiAnswer call(
            String method, String path, String institution, String role, JsonNode body, Map<String, String> headers)
            throws Exception {
        return client.call(method, imaging(path), institution, role, body, headers);
    }

    private ObservedEvent expectStudyEvent(String studyId, String step) throws Exception {
        ObservedEvent event = studyEvents
                .await(studyId, IMAGING + "study." + step + ".v1", EVENT_TIMEOUT)
                .orElseThrow(() -> new StepFailed("no study." + step + " event for " + studyId));
        narrator.say("   Kafka: " + event.ceType() + "  key=" + event.key() + "  (partition " + event.partition()
                + ", offset " + event.offset() + ")");
        return event;
    }

    /** The newest access event of {@code institution}'s {@code action} about the patient. */
    private ObservedEvent expectAccess(String action, String institution) throws Exception {
        Instant deadline = Instant.now().plus(EVENT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            List<ObservedEvent> looks = accessEvents.about(pseudonym);
            for (int i = looks.size() - 1; i >= 0; i--) {
                JsonNode data = looks.get(i).json();
                if (data.path("action").asText().equals(action)
                        && data.path("accessor")
                                .path("institutionCode")
                                .asText()
                                .equals(institution)) {
                    narrator.say("   Kafka: " + looks.get(i).ceType() + "  key="
                            + looks.get(i).key() + "  basis "
                            + data.path("basis").asText() + ", studies " + data.path("studyIds"));
                    return looks.get(i);
                }
            }
            Thread.sleep(100);
        }
        throw new StepFailed(
                "no access event of " + institution + " (" + action + ") within " + EVENT_TIMEOUT.toSeconds() + " s");
    }

    private static Optional<JsonNode> ofUid(JsonNode studies, String uid) {
        for (JsonNode study : studies) {
            if (study.path("0020000D").path("Value").path(0).asText().equals(uid)) {
                return Optional.of(study);
            }
        }
        return Optional.empty();
    }

    private static void attribute(ObjectNode dataset, String tag, String vr, String value) {
        dataset.putObject(tag).put("vr", vr).putArray("Value").add(value);
    }

    private URI imaging(String path) {
        return stack.imagingBase().resolve(path);
    }

    private static void expect(ApiAnswer answer, int status, String what) throws StepFailed {
        require(
                answer.status() == status,
                what + ": expected HTTP " + status + ", got " + answer.status() + " " + answer.body());
    }

    private static void require(boolean condition, String failure) throws StepFailed {
        if (!condition) {
            throw new StepFailed(failure);
        }
    }
}
