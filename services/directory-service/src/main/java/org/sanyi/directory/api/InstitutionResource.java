package org.sanyi.directory.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.directory.api.dto.HistoryEntryView;
import org.sanyi.directory.api.dto.InstitutionGroupView;
import org.sanyi.directory.api.dto.InstitutionRequest;
import org.sanyi.directory.api.dto.InstitutionView;
import org.sanyi.directory.api.dto.PageView;
import org.sanyi.directory.api.dto.PairingsRequest;
import org.sanyi.directory.application.ChangeAuthor;
import org.sanyi.directory.application.DirectoryQueries;
import org.sanyi.directory.application.InstitutionService;
import org.sanyi.directory.application.WriteOutcome;
import org.sanyi.directory.config.DirectoryConfig;
import org.sanyi.directory.domain.InstitutionAttributes;
import org.sanyi.directory.domain.PairingTerm;
import org.sanyi.directory.domain.RegionCodes;
import org.sanyi.directory.infrastructure.persistence.InstitutionCriteria;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.kernel.InstitutionCode;
import org.sanyi.platform.http.PageCursor;
import org.sanyi.platform.http.PageOf;
import org.sanyi.platform.http.QueryParameters;
import org.sanyi.platform.http.VersionPrecondition;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.ProblemBody;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.platform.security.Role;

@Path("/v1/institutions")
@Tag(name = "Institutions", description = "Institutions, their care levels, regions and pairings (BR-F1, REF-20)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
@APIResponse(
        responseCode = "403",
        description = "The caller's role may not do this",
        content = @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
public class InstitutionResource {

    private static final Pattern SIX_DIGITS = Pattern.compile("^[0-9]{6}$");
    private static final Pattern GROUP_ID = Pattern.compile(InstitutionCode.PATTERN);

    @Inject
    DirectoryQueries queries;

    @Inject
    InstitutionService service;

    @Inject
    CallerContext callerContext;

    @Inject
    DirectoryConfig config;

    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed({Role.HOSPITAL_ROLE, Role.INSURER_ROLE, Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(
            summary = "List institutions",
            description = "Ordered by code. Every filter is optional; `group` keeps members of that group on the"
                    + " date `on` (today in China when absent).")
    @APIResponse(responseCode = "200", description = "One page of institutions")
    @APIResponse(
            responseCode = "400",
            description = "A filter or paging value is malformed",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public PageView<InstitutionView> list(
            @Parameter(description = "Institution type", schema = @Schema(implementation = InstitutionType.class))
                    @QueryParam("type")
                    String type,
            @Parameter(description = "Care level", schema = @Schema(implementation = CareLevel.class))
                    @QueryParam("level")
                    String level,
            @Parameter(description = "6-digit county code", example = "350921") @QueryParam("countyCode")
                    String countyCode,
            @Parameter(description = "Medical group id: members on the date `on`", example = "GRP-XP-YGT")
                    @QueryParam("group")
                    String group,
            @Parameter(description = "Date for `group`, YYYY-MM-DD", example = "2024-06-01") @QueryParam("on")
                    String on,
            @Parameter(description = "true or false", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("active")
                    String active,
            @Parameter(description = "`nextCursor` of the previous page; absent for the first page")
                    @QueryParam(PageCursor.CURSOR)
                    String cursor,
            @Parameter(description = "Page size, at most 200", example = "50") @QueryParam(PageCursor.LIMIT)
                    String limit) {
        InstitutionCriteria criteria = new InstitutionCriteria(
                QueryParameters.enumValue("type", type, InstitutionType.class),
                QueryParameters.enumValue("level", level, CareLevel.class),
                QueryParameters.matching("countyCode", countyCode, SIX_DIGITS, "a 6-digit county code"),
                QueryParameters.bool("active", active),
                QueryParameters.matching("group", group, GROUP_ID, "a medical group id"),
                QueryParameters.date("on", on, today()));
        int pageSize = PageCursor.limit(limit, config.defaultPageSize(), config.maxPageSize());
        List<String> after = PageCursor.decode(cursor, 1);
        PageOf<InstitutionSnapshot> found =
                queries.institutions(criteria, after == null ? null : after.get(0), pageSize);
        return new PageView<>(
                found.items().stream().map(InstitutionView::of).toList(),
                found.lastKey() == null ? null : PageCursor.encode(found.lastKey()));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Role.HOSPITAL_ROLE, Role.INSURER_ROLE, Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(summary = "Read an institution", description = "With its pairings; the ETag is its version.")
    @APIResponse(
            responseCode = "200",
            description = "The institution",
            headers = @Header(name = "ETag", description = "The version, for If-Match"),
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No institution has this code (DIR-0001)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response get(@Parameter(example = "NDXP-H01") @PathParam("code") String code) {
        InstitutionSnapshot snapshot = queries.institution(code);
        return Response.ok(InstitutionView.of(snapshot))
                .tag(VersionPrecondition.etag(snapshot.version()))
                .build();
    }

    @GET
    @Path("/{code}/groups")
    @RolesAllowed({Role.HOSPITAL_ROLE, Role.INSURER_ROLE, Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(
            summary = "Groups of an institution on a date",
            description = "The medical groups the institution belongs to on `on` (today in China when absent), with"
                    + " its role in each.")
    @APIResponse(responseCode = "200", description = "Memberships effective on the date")
    @APIResponse(
            responseCode = "404",
            description = "No institution has this code (DIR-0001)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public List<InstitutionGroupView> groups(
            @Parameter(example = "NDXP-H01") @PathParam("code") String code,
            @Parameter(description = "YYYY-MM-DD", example = "2022-06-01") @QueryParam("on") String on) {
        LocalDate date = QueryParameters.date("on", on, today());
        return queries.groupsOf(code, date).stream()
                .map(InstitutionGroupView::of)
                .toList();
    }

    @GET
    @Path("/{code}/history")
    @RolesAllowed({Role.HOSPITAL_ROLE, Role.INSURER_ROLE, Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(
            summary = "Versions of an institution",
            description = "Every version ever published, newest first, with who made it.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(
            responseCode = "404",
            description = "No institution has this code (DIR-0001)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public List<HistoryEntryView> history(@Parameter(example = "NDXP-H01") @PathParam("code") String code) {
        return queries.institutionHistory(code).stream()
                .map(entry -> HistoryViews.of(entry, mapper))
                .toList();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_ROLE)
    @Operation(
            summary = "Create or replace an institution",
            description = "Creates the institution at version 1, or replaces its attributes as a new version. An"
                    + " identical replace changes nothing. Every change publishes the full snapshot to"
                    + " directory.institutions.v1 in the same transaction.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = InstitutionRequest.class),
                            examples = {
                                @ExampleObject(name = "county hospital", value = ApiExamples.INSTITUTION),
                                @ExampleObject(
                                        name = "township health centre",
                                        value = ApiExamples.TOWNSHIP_HEALTH_CENTRE)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "Replaced (or unchanged)",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(name = "ETag", description = "Version 1"),
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body or code; the problem names each offending field",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "409",
            description = "A concurrent change of the same resource won (PLT-0010); read it again",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "422",
            description = "Level does not fit type (DIR-0005) or region codes are not nested (DIR-0010)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response replace(
            @Parameter(example = "NDXP-H01") @PathParam("code") String code,
            @Parameter(description = "ETag of the version this change is based on, e.g. \"3\"")
                    @HeaderParam(VersionPrecondition.IF_MATCH)
                    String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid InstitutionRequest request,
            @Context UriInfo uri) {
        if (!InstitutionCode.isValid(code)) {
            throw ApiProblem.invalidField("code", "must be 2 to 32 characters A-Z, 0-9 or '-', like NDXP-H01");
        }
        InstitutionAttributes attributes = new InstitutionAttributes(
                request.name().strip(),
                request.type(),
                request.level(),
                request.ownership(),
                RegionCodes.of(
                        request.region().provinceCode(),
                        request.region().cityCode(),
                        request.region().countyCode(),
                        request.region().townshipCode()),
                request.active());
        WriteOutcome<InstitutionSnapshot> outcome =
                service.replace(code, attributes, VersionPrecondition.ifMatch(ifMatch), author());
        return written(outcome, uri);
    }

    @PUT
    @Path("/{code}/pairings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_ROLE)
    @Operation(
            summary = "Replace the pairings an institution gives",
            description = "包乡 (TOWNSHIP_PAIRING, partner a township health centre), 包村 (VILLAGE_PAIRING, partner a"
                    + " village clinic), 对口帮扶 (COUNTERPART_SUPPORT), 托管 (TRUSTEESHIP); effective-dated. The list"
                    + " replaces the previous one as a new version of the institution.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = PairingsRequest.class),
                            examples = @ExampleObject(name = "包乡", value = ApiExamples.PAIRINGS)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced (or unchanged)",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No institution has this code (DIR-0001)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "409",
            description = "A concurrent change of the same resource won (PLT-0010); read it again",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown partner (DIR-0004), overlapping periods (DIR-0006), pairing kind not possible"
                    + " (DIR-0008) or a period ending before it starts (DIR-0011)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response replacePairings(
            @Parameter(example = "NDXP-H01") @PathParam("code") String code,
            @Parameter(description = "ETag of the version this change is based on")
                    @HeaderParam(VersionPrecondition.IF_MATCH)
                    String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PairingsRequest request,
            @Context UriInfo uri) {
        List<PairingTerm> pairings = request.pairings().stream()
                .map(p -> new PairingTerm(p.partnerCode(), p.kind(), p.validFrom(), p.validTo()))
                .toList();
        return written(service.replacePairings(code, pairings, VersionPrecondition.ifMatch(ifMatch), author()), uri);
    }

    private Response written(WriteOutcome<InstitutionSnapshot> outcome, UriInfo uri) {
        InstitutionSnapshot snapshot = outcome.snapshot();
        Response.ResponseBuilder response = outcome.created()
                ? Response.created(
                        uri.getBaseUriBuilder().path("v1/institutions/{code}").build(snapshot.code()))
                : Response.ok();
        return response.entity(InstitutionView.of(snapshot))
                .tag(VersionPrecondition.etag(snapshot.version()))
                .build();
    }

    private ChangeAuthor author() {
        return ChangeAuthor.of(callerContext.caller());
    }

    private LocalDate today() {
        return LocalDate.now(config.zone());
    }
}
