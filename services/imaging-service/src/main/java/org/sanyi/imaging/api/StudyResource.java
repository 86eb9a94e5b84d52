package org.sanyi.imaging.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.events.imaging.AccessBasis;
import org.sanyi.events.imaging.ReportStatus;
import org.sanyi.imaging.api.dicomweb.DicomWebResource;
import org.sanyi.imaging.application.CurrentActor;
import org.sanyi.imaging.application.NewStudy;
import org.sanyi.imaging.application.RetrievalTickets;
import org.sanyi.imaging.application.StudyFilter;
import org.sanyi.imaging.application.StudyRegistry;
import org.sanyi.imaging.application.StudySearch;
import org.sanyi.imaging.application.StudyWorkflow;
import org.sanyi.imaging.config.ImagingConfig;
import org.sanyi.imaging.domain.ImagingProblem;
import org.sanyi.imaging.domain.Study;
import org.sanyi.imaging.infrastructure.dicom.DicomDataset;
import org.sanyi.imaging.infrastructure.dicom.StudyDatasets;
import org.sanyi.platform.patient.PatientDto;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.platform.security.Role;

/** The regional index of imaging studies (IMG-01, BR-I2): registration, reading centres, reports, retrieval. */
@Path("/v1")
@Tag(name = "Studies", description = "Register studies, route them for reading, report, retract, search, retrieve")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StudyResource {

    @Inject
    StudyRegistry registry;

    @Inject
    StudyWorkflow workflow;

    @Inject
    StudySearch search;

    @Inject
    RetrievalTickets tickets;

    @Inject
    CurrentActor currentActor;

    @Inject
    ImagingConfig config;

    @Schema(name = "RegisteredStudy")
    public record RegisteredEntry(String id, String studyInstanceUid, long version, StudyRegistry.Outcome outcome) {}

    @Schema(name = "RegisteredBatch")
    public record RegisteredBatch(List<RegisteredEntry> studies) {}

    @Schema(name = "StudyBatch")
    public record StudyBatchRequest(@NotNull @Size(min = 1) List<@NotNull @Valid StudyRegistrationRequest> studies) {}

    @Schema(name = "ReportUpdate")
    public record ReportRequest(
            @NotNull ReportStatus status,
            @Size(max = 8000) String findings,
            @Size(max = 4000) String impression,
            @NotNull Instant reportedAt) {}

    @Schema(name = "Retraction")
    public record RetractionRequest(@NotBlank @Size(max = 500) String reason) {}

    @Schema(name = "ReadingRequest")
    public record ReadingRequest(
            @Size(max = 40) @Schema(description = "The 医共体 imaging centre; the lead of the source's group when absent")
                    String readingCentre) {}

    @Schema(name = "StudySearch")
    public record SearchRequest(
            @Valid @Schema(description = "The patient (hospitals)") PatientDto patient,
            @Size(max = 64) @Schema(description = "A 医保 claim (insurers)") String claim,
            java.time.LocalDate from,
            java.time.LocalDate to,
            @jakarta.validation.constraints.Pattern(regexp = "[A-Z0-9]{2,16}") String modality,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(200) Integer limit,
            @jakarta.validation.constraints.Min(0) Integer offset) {}

    @Schema(name = "StudyPage")
    public record StudyPage(List<StudyView> studies, boolean more) {}

    @POST
    @Path("/studies")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Operation(
            summary = "Register a study",
            description = "Idempotent by studyInstanceUid: the same content again answers 200 UNCHANGED; other"
                    + " content makes a new version (200 UPDATED). A study belongs to the institution that registered"
                    + " it first. Publishes org.sanyi.imaging.study.registered.v1 or amended.v1 (and reported.v1 when"
                    + " a report comes with it).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = StudyRegistrationRequest.class),
                            examples = @ExampleObject(name = "chest DR", value = ApiExamples.REGISTRATION)))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names the study",
            content =
                    @Content(
                            schema = @Schema(implementation = RegisteredEntry.class),
                            examples = @ExampleObject(name = "registered", value = ApiExamples.REGISTERED)))
    @APIResponse(responseCode = "200", description = "Updated, or unchanged (a retry)")
    public Response register(@NotNull @Valid StudyRegistrationRequest request, UriInfo uri) {
        StudyRegistry.Registered registered = registry.registerAll(currentActor.get(), List.of(command(request, "")))
                .get(0);
        RegisteredEntry entry = entry(registered);
        if (registered.outcome() == StudyRegistry.Outcome.CREATED) {
            return Response.created(uri.getBaseUriBuilder()
                            .path("v1/studies/" + registered.study().studyUid)
                            .build())
                    .entity(entry)
                    .build();
        }
        return Response.ok(entry).build();
    }

    @POST
    @Path("/study-batches")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Operation(
            summary = "Register up to 500 studies at once",
            description = "All or none: an invalid study refuses the batch, naming studies[i].field; each study"
                    + " behaves as in POST /v1/studies.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = StudyBatchRequest.class),
                            examples = @ExampleObject(name = "batch", value = ApiExamples.BATCH)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = RegisteredBatch.class),
                            examples = @ExampleObject(name = "registered", value = ApiExamples.BATCH_ANSWER)))
    public RegisteredBatch registerBatch(@NotNull @Valid StudyBatchRequest batch) {
        requireBatchSize(batch.studies().size());
        List<FieldViolation> violations = new ArrayList<>();
        List<NewStudy> commands = new ArrayList<>();
        for (int i = 0; i < batch.studies().size(); i++) {
            commands.add(batch.studies().get(i).toCommand("studies[" + i + "].", violations, config.zone()));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        return new RegisteredBatch(registry.registerAll(currentActor.get(), commands).stream()
                .map(StudyResource::entry)
                .toList());
    }

    @POST
    @Path("/dicom-registrations")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Consumes({DicomWebResource.DICOM_JSON, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Register studies from DICOM JSON",
            description = "The data sets a PACS has (PS3.18 Annex F; study, series or instance level, as its QIDO-RS"
                    + " answers), grouped by StudyInstanceUID. Required per study: StudyInstanceUID, PatientID,"
                    + " StudyDate, RetrieveURL. IssuerOfPatientID names the identifier system (URI or name); the"
                    + " resident ID when absent. Wrong VR, Value that is not an array, a PN that is not an object,"
                    + " a control character: 400 with the data set and tag named. Otherwise as POST /v1/study-batches.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = DicomWebResource.DICOM_JSON,
                            examples = @ExampleObject(name = "instances", value = ApiExamples.DICOM_REGISTRATION)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = RegisteredBatch.class),
                            examples = @ExampleObject(name = "registered", value = ApiExamples.BATCH_ANSWER)))
    public RegisteredBatch registerDicom(JsonNode body) {
        List<NewStudy> commands;
        try {
            commands = StudyDatasets.registrations(DicomDataset.readAll(body), config.zone());
        } catch (DicomDataset.InvalidDicomJson e) {
            throw new ApiProblem(
                    ImagingProblem.INVALID_DICOM_JSON,
                    e.getMessage(),
                    List.of(new FieldViolation(e.path(), e.getMessage())));
        }
        requireBatchSize(commands.size());
        return new RegisteredBatch(registry.registerAll(currentActor.get(), commands).stream()
                .map(StudyResource::entry)
                .toList());
    }

    @POST
    @Path("/study-searches")
    @RolesAllowed({Role.HOSPITAL_ROLE, Role.INSURER_ROLE})
    @Operation(
            summary = "Search the index (plain JSON)",
            description = "A hospital names the patient and sees the studies it may see, as in QIDO-RS, with"
                    + " reports; an insurer names a claim and sees the index entries of the studies linked to it,"
                    + " without report or patient identifier (医保可核). Break-glass as in QIDO-RS. Every search is"
                    + " recorded as a look.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = SearchRequest.class),
                            examples = {
                                @ExampleObject(name = "patient", value = ApiExamples.SEARCH),
                                @ExampleObject(name = "claim", value = ApiExamples.CLAIM_SEARCH)
                            }))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = StudyPage.class),
                            examples = @ExampleObject(name = "page", value = ApiExamples.STUDY_PAGE)))
    public StudyPage searchStudies(
            @NotNull @Valid SearchRequest request,
            @HeaderParam(DicomWebResource.BREAK_GLASS_HEADER) String breakGlass) {
        List<FieldViolation> violations = new ArrayList<>();
        List<org.sanyi.kernel.Identifier> patient =
                request.patient() == null ? List.of() : request.patient().normalised("", violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            throw ApiProblem.invalidField("to", "must not lie before from");
        }
        StudyFilter filter = new StudyFilter(
                List.of(),
                request.from(),
                request.to(),
                request.modality() == null ? List.of() : List.of(request.modality()),
                null,
                null,
                null,
                null);
        StudySearch.Page page = search.search(new StudySearch.Query(
                patient,
                request.claim(),
                filter,
                request.limit() == null ? 50 : request.limit(),
                request.offset() == null ? 0 : request.offset(),
                DicomWebResource.breakGlass(breakGlass)));
        return new StudyPage(
                page.studies().stream()
                        .map(d -> StudyView.of(d.study(), d.grant().basis()))
                        .toList(),
                page.more());
    }

    @POST
    @Path("/studies/{uid}/reading-requests")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Operation(
            summary = "Route a study to the 医共体's imaging centre for reading",
            description = "By the source (IMG-05, BR-I4). The centre must belong, with the source, to a medical group"
                    + " on the study date and not be grassroots; it may then see the study and report on it."
                    + " Publishes org.sanyi.imaging.study.reading-requested.v1.")
    @RequestBody(
            content = @Content(examples = @ExampleObject(name = "to the county centre", value = ApiExamples.READING)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = StudyView.class),
                            examples = @ExampleObject(name = "routed", value = ApiExamples.STUDY)))
    public StudyView route(@PathParam("uid") String uid, @Valid ReadingRequest request) {
        Study study = workflow.route(uid, Optional.ofNullable(request == null ? null : request.readingCentre()));
        return StudyView.of(study, AccessBasis.SOURCE);
    }

    @PUT
    @Path("/studies/{uid}/report")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Operation(
            summary = "Add or change the study's report",
            description = "By the source or the reading centre the study was routed to. After a final report, a"
                    + " change has status AMENDED. Publishes org.sanyi.imaging.study.reported.v1, which the result"
                    + " recognition side counts as a recognisable exam result.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "final", value = ApiExamples.REPORT)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = StudyView.class),
                            examples = @ExampleObject(name = "reported", value = ApiExamples.STUDY)))
    public StudyView report(@PathParam("uid") String uid, @NotNull @Valid ReportRequest request) {
        if (request.findings() == null && request.impression() == null) {
            throw ApiProblem.invalidField("impression", "a report has findings or an impression");
        }
        Study study = workflow.report(
                uid,
                new StudyWorkflow.ReportCommand(
                        request.status(), request.findings(), request.impression(), request.reportedAt()));
        return StudyView.of(
                study,
                study.sourceCode.equals(currentActor.get().institutionCode())
                        ? AccessBasis.SOURCE
                        : AccessBasis.READING_CENTRE);
    }

    @POST
    @Path("/studies/{uid}/retraction")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Operation(
            summary = "Retract a study (entered in error)",
            description = "By the source. The study leaves every search; publishes"
                    + " org.sanyi.imaging.study.retracted.v1.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "wrong patient", value = ApiExamples.RETRACTION)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = StudyView.class),
                            examples = @ExampleObject(name = "retracted", value = ApiExamples.STUDY)))
    public StudyView retract(@PathParam("uid") String uid, @NotNull @Valid RetractionRequest request) {
        return StudyView.of(workflow.retract(uid, request.reason()), AccessBasis.SOURCE);
    }

    @POST
    @Path("/studies/{uid}/retrieval-tickets")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Issue a retrieval ticket for the study's pixels at the source",
            description = "A signed ES256 JWT (minutes) naming the caller, the source (aud), the study and the"
                    + " access; the source PACS or its gateway verifies it with GET /v1/retrieval-keys. Decided and"
                    + " recorded as a look, like a search; break-glass as in QIDO-RS.")
    @APIResponse(
            responseCode = "201",
            description = "Issued, and recorded as a look",
            content =
                    @Content(
                            schema = @Schema(implementation = RetrievalTickets.Ticket.class),
                            examples = @ExampleObject(name = "ticket", value = ApiExamples.TICKET)))
    public Response ticket(
            @PathParam("uid") String uid, @HeaderParam(DicomWebResource.BREAK_GLASS_HEADER) String breakGlass) {
        return Response.status(Response.Status.CREATED)
                .entity(tickets.issue(uid, DicomWebResource.breakGlass(breakGlass)))
                .build();
    }

    @GET
    @Path("/retrieval-keys")
    @jakarta.annotation.security.PermitAll
    @Produces("application/jwk-set+json")
    @Operation(
            summary = "The public keys of retrieval tickets (JWKS)",
            description = "For source PACS and gateways verifying tickets; no token needed.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/jwk-set+json",
                            examples = @ExampleObject(name = "keys", value = ApiExamples.KEYS)))
    public String keys() {
        return tickets.publicKeys();
    }

    private NewStudy command(StudyRegistrationRequest request, String field) {
        List<FieldViolation> violations = new ArrayList<>();
        NewStudy command = request.toCommand(field, violations, config.zone());
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        return command;
    }

    private void requireBatchSize(int size) {
        if (size > config.batch().maxSize()) {
            throw ApiProblem.invalidField("studies", "at most " + config.batch().maxSize() + " studies per request");
        }
    }

    private static RegisteredEntry entry(StudyRegistry.Registered registered) {
        Study study = registered.study();
        return new RegisteredEntry(study.id.toString(), study.studyUid, study.version, registered.outcome());
    }
}
