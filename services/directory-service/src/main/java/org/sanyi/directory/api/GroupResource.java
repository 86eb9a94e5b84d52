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
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.directory.api.dto.GroupRequest;
import org.sanyi.directory.api.dto.GroupView;
import org.sanyi.directory.api.dto.HistoryEntryView;
import org.sanyi.directory.api.dto.MembershipsRequest;
import org.sanyi.directory.api.dto.PageView;
import org.sanyi.directory.application.ChangeAuthor;
import org.sanyi.directory.application.DirectoryQueries;
import org.sanyi.directory.application.GroupService;
import org.sanyi.directory.application.WriteOutcome;
import org.sanyi.directory.config.DirectoryConfig;
import org.sanyi.directory.domain.GroupAttributes;
import org.sanyi.directory.domain.MembershipTerm;
import org.sanyi.events.directory.GroupKind;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.kernel.InstitutionCode;
import org.sanyi.platform.http.PageCursor;
import org.sanyi.platform.http.PageOf;
import org.sanyi.platform.http.QueryParameters;
import org.sanyi.platform.http.VersionPrecondition;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.ProblemBody;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.platform.security.Role;

@Path("/v1/groups")
@Tag(name = "Medical groups", description = "城市医疗集团, 县域医共体, 医联体, 专科联盟 and their memberships (BR-F1)")
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
public class GroupResource {

    private static final Pattern SIX_DIGITS = Pattern.compile("^[0-9]{6}$");

    @Inject
    DirectoryQueries queries;

    @Inject
    GroupService service;

    @Inject
    CallerContext callerContext;

    @Inject
    DirectoryConfig config;

    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed({Role.HOSPITAL_ROLE, Role.INSURER_ROLE, Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(summary = "List medical groups", description = "Ordered by id, with all memberships.")
    @APIResponse(responseCode = "200", description = "One page of groups")
    @APIResponse(
            responseCode = "400",
            description = "A filter or paging value is malformed",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public PageView<GroupView> list(
            @Parameter(description = "Kind of group", schema = @Schema(implementation = GroupKind.class))
                    @QueryParam("kind")
                    String kind,
            @Parameter(description = "6-digit region code", example = "350921") @QueryParam("regionCode")
                    String regionCode,
            @Parameter(description = "`nextCursor` of the previous page; absent for the first page")
                    @QueryParam(PageCursor.CURSOR)
                    String cursor,
            @Parameter(description = "Page size, at most 200", example = "50") @QueryParam(PageCursor.LIMIT)
                    String limit) {
        int pageSize = PageCursor.limit(limit, config.defaultPageSize(), config.maxPageSize());
        List<String> after = PageCursor.decode(cursor, 1);
        PageOf<MedicalGroupSnapshot> found = queries.groups(
                QueryParameters.enumValue("kind", kind, GroupKind.class),
                QueryParameters.matching("regionCode", regionCode, SIX_DIGITS, "a 6-digit region code"),
                after == null ? null : after.get(0),
                pageSize);
        return new PageView<>(
                found.items().stream().map(GroupView::of).toList(),
                found.lastKey() == null ? null : PageCursor.encode(found.lastKey()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.HOSPITAL_ROLE, Role.INSURER_ROLE, Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(summary = "Read a medical group", description = "With all memberships; the ETag is its version.")
    @APIResponse(
            responseCode = "200",
            description = "The group",
            headers = @Header(name = "ETag", description = "The version, for If-Match"),
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No medical group has this id (DIR-0002)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response get(@Parameter(example = "GRP-XP-YGT") @PathParam("id") String id) {
        MedicalGroupSnapshot snapshot = queries.group(id);
        return Response.ok(GroupView.of(snapshot))
                .tag(VersionPrecondition.etag(snapshot.version()))
                .build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Role.HOSPITAL_ROLE, Role.INSURER_ROLE, Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(summary = "Versions of a medical group", description = "Every version ever published, newest first.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(
            responseCode = "404",
            description = "No medical group has this id (DIR-0002)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public List<HistoryEntryView> history(@Parameter(example = "GRP-XP-YGT") @PathParam("id") String id) {
        return queries.groupHistory(id).stream()
                .map(entry -> HistoryViews.of(entry, mapper))
                .toList();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_ROLE)
    @Operation(
            summary = "Create or replace a medical group",
            description = "Creates the group at version 1 without members, or replaces its attributes as a new"
                    + " version. Every change publishes the full snapshot to directory.groups.v1.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = GroupRequest.class),
                            examples = @ExampleObject(name = "县域医共体", value = ApiExamples.GROUP)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced (or unchanged)",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(name = "ETag", description = "Version 1"),
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body or id; the problem names each offending field",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "409",
            description = "A concurrent change of the same resource won (PLT-0010); read it again",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response replace(
            @Parameter(example = "GRP-XP-YGT") @PathParam("id") String id,
            @Parameter(description = "ETag of the version this change is based on")
                    @HeaderParam(VersionPrecondition.IF_MATCH)
                    String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid GroupRequest request,
            @Context UriInfo uri) {
        if (!InstitutionCode.isValid(id)) {
            throw ApiProblem.invalidField("id", "must be 2 to 32 characters A-Z, 0-9 or '-', like GRP-XP-YGT");
        }
        GroupAttributes attributes = new GroupAttributes(request.name().strip(), request.kind(), request.regionCode());
        return written(service.replace(id, attributes, VersionPrecondition.ifMatch(ifMatch), author()), uri);
    }

    @PUT
    @Path("/{id}/memberships")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_ROLE)
    @Operation(
            summary = "Replace the memberships of a medical group",
            description = "Effective-dated memberships with role LEAD (牵头) or MEMBER (成员); at most one lead at any"
                    + " date, no overlapping periods for one institution. Replaces the previous list as a new version.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = MembershipsRequest.class),
                            examples = @ExampleObject(name = "医共体", value = ApiExamples.MEMBERSHIPS)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced (or unchanged)",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No medical group has this id (DIR-0002)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "409",
            description = "A concurrent change of the same resource won (PLT-0010); read it again",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown institution (DIR-0004), overlapping periods (DIR-0006), several leads (DIR-0007),"
                    + " a member that delivers no care (DIR-0009) or a period ending before it starts (DIR-0011)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response replaceMemberships(
            @Parameter(example = "GRP-XP-YGT") @PathParam("id") String id,
            @Parameter(description = "ETag of the version this change is based on")
                    @HeaderParam(VersionPrecondition.IF_MATCH)
                    String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid MembershipsRequest request,
            @Context UriInfo uri) {
        List<MembershipTerm> memberships = request.memberships().stream()
                .map(m -> new MembershipTerm(m.institutionCode(), m.role(), m.validFrom(), m.validTo()))
                .toList();
        return written(
                service.replaceMemberships(id, memberships, VersionPrecondition.ifMatch(ifMatch), author()), uri);
    }

    private Response written(WriteOutcome<MedicalGroupSnapshot> outcome, UriInfo uri) {
        MedicalGroupSnapshot snapshot = outcome.snapshot();
        Response.ResponseBuilder response = outcome.created()
                ? Response.created(
                        uri.getBaseUriBuilder().path("v1/groups/{id}").build(snapshot.id()))
                : Response.ok();
        return response.entity(GroupView.of(snapshot))
                .tag(VersionPrecondition.etag(snapshot.version()))
                .build();
    }

    private ChangeAuthor author() {
        return ChangeAuthor.of(callerContext.caller());
    }
}
