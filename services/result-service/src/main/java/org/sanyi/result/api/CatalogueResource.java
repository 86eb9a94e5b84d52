package org.sanyi.result.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.events.result.CatalogueItemEvent;
import org.sanyi.kernel.InstitutionCode;
import org.sanyi.platform.http.QueryParameters;
import org.sanyi.platform.http.VersionPrecondition;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.security.Role;
import org.sanyi.result.application.CatalogueService;
import org.sanyi.result.application.ReferenceData;
import org.sanyi.result.application.ResultEvents;
import org.sanyi.result.domain.QualityStatus;
import org.sanyi.result.domain.RecognitionItem;
import org.sanyi.result.domain.RecognitionPolicy;

/**
 * The recognition catalogue (BR-E4), the regional policies (BR-E2) and the labs' quality status (EXR-09): data, not
 * code. Everyone may read them; platform administrators and the 卫健委 (regulator role) change them.
 */
@Path("/v1")
@Tag(name = "Recognition catalogue", description = "Items, regional policies and lab quality status")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.HOSPITAL_ROLE, Role.INSURER_ROLE, Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
public class CatalogueResource {

    private static final Pattern ITEM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    @Inject
    CatalogueService catalogue;

    @Inject
    ReferenceData referenceData;

    /** A region's policy version as listed. */
    @Schema(name = "RecognitionPolicy")
    public record PolicyView(
            String regionCode,
            int version,
            java.time.LocalDate effectiveFrom,
            java.time.LocalDate effectiveTo,
            String title,
            RecognitionPolicy.Parameters parameters) {
        static PolicyView of(RecognitionPolicy policy) {
            return new PolicyView(
                    policy.regionCode(),
                    policy.version(),
                    policy.effectiveFrom(),
                    policy.effectiveTo(),
                    policy.title(),
                    policy.parameters());
        }
    }

    @Schema(name = "QualityStatus")
    public record QualityView(
            Long id,
            String institutionCode,
            String itemCode,
            boolean passed,
            String scheme,
            java.time.LocalDate validFrom,
            java.time.LocalDate validTo,
            java.time.Instant recordedAt) {
        static QualityView of(QualityStatus status) {
            return new QualityView(
                    status.id,
                    status.institutionCode,
                    status.itemCode,
                    status.passed,
                    status.scheme,
                    status.validFrom,
                    status.validTo,
                    status.recordedAt);
        }
    }

    @GET
    @Path("/recognition-items")
    @Operation(summary = "The recognition catalogue", description = "Every item, active or not, lab items first.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogueItemEvent.class)))
    public List<CatalogueItemEvent> items() {
        return catalogue.items().stream().map(ResultEvents::of).toList();
    }

    @GET
    @Path("/recognition-items/{code}")
    @Operation(summary = "One item of the catalogue")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CatalogueItemEvent.class)))
    public Response item(@PathParam("code") String code) {
        RecognitionItem item = catalogue.item(code);
        return Response.ok(ResultEvents.of(item))
                .tag(new EntityTag(Long.toString(item.version)))
                .build();
    }

    @PUT
    @Path("/recognition-items/{code}")
    @RolesAllowed({Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(
            summary = "Add or change an item",
            description = "A change needs If-Match with the item's ETag; each change raises the version, keeps the"
                    + " former state in history and publishes org.sanyi.result.catalogue-item.changed.v1.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ItemRequest.class),
                            examples = @ExampleObject(name = "item", value = ApiExamples.ITEM)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CatalogueItemEvent.class)))
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = CatalogueItemEvent.class)))
    public Response putItem(
            @PathParam("code") String code,
            @Parameter(description = "ETag of the version the change is based on")
                    @HeaderParam(VersionPrecondition.IF_MATCH)
                    String ifMatch,
            @NotNull @Valid ItemRequest request) {
        QueryParameters.matching("code", code, ITEM_CODE, "upper-case letters, digits and '-', 2 to 40 characters");
        CatalogueService.ItemChange change =
                catalogue.put(code, request.toItem(), VersionPrecondition.ifMatch(ifMatch));
        referenceData.reload();
        Response.ResponseBuilder answer = change.created() ? Response.status(Response.Status.CREATED) : Response.ok();
        return answer.entity(ResultEvents.of(change.item()))
                .tag(new EntityTag(Long.toString(change.item().version)))
                .build();
    }

    @GET
    @Path("/recognition-policies")
    @Operation(summary = "Every version of every region's recognition policy")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PolicyView.class)))
    public List<PolicyView> policies() {
        return referenceData.current().policiesByRegion().values().stream()
                .flatMap(List::stream)
                .sorted(java.util.Comparator.comparing(RecognitionPolicy::regionCode)
                        .thenComparing(RecognitionPolicy::version))
                .map(PolicyView::of)
                .toList();
    }

    @POST
    @Path("/recognition-policies")
    @RolesAllowed({Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(
            summary = "Add the next version of a region's policy",
            description = "The newest version in force on the check date applies; the orderer's county, then city,"
                    + " then province, then the exchange-wide 000000.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = PolicyRequest.class),
                            examples = @ExampleObject(name = "policy", value = ApiExamples.POLICY)))
    @APIResponse(
            responseCode = "201",
            description = "Added as the region's next version",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    public Response addPolicy(@NotNull @Valid PolicyRequest request) {
        if (request.effectiveTo() != null && !request.effectiveTo().isAfter(request.effectiveFrom())) {
            throw ApiProblem.invalidField("effectiveTo", "must lie after effectiveFrom");
        }
        RecognitionPolicy policy = catalogue.addPolicy(
                request.regionCode(),
                request.effectiveFrom(),
                request.effectiveTo(),
                request.title().strip(),
                new RecognitionPolicy.Parameters(request.scopes(), request.validityDays(), request.openCheckHours()));
        referenceData.reload();
        return Response.status(Response.Status.CREATED)
                .entity(PolicyView.of(policy))
                .build();
    }

    @GET
    @Path("/quality-statuses")
    @Operation(summary = "The EQA / 室间质评 statuses recorded for an institution")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = QualityView.class)))
    public List<QualityView> quality(
            @Parameter(description = "Directory code of the lab or centre", required = true) @QueryParam("institution")
                    String institution) {
        String code = QueryParameters.matching(
                "institution", institution, Pattern.compile(InstitutionCode.PATTERN), "a directory institution code");
        if (code == null) {
            throw ApiProblem.invalidField("institution", "is required");
        }
        return catalogue.qualityOf(code).stream().map(QualityView::of).toList();
    }

    @POST
    @Path("/quality-statuses")
    @RolesAllowed({Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(
            summary = "Record an EQA outcome",
            description = "The newest status that covers a result's specimen date decides: a result from a lab without"
                    + " a valid pass for an item that needs one is stored but not recognisable (NO_VALID_EQA).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = QualityStatusRequest.class),
                            examples = @ExampleObject(name = "pass", value = ApiExamples.QUALITY)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = QualityView.class)))
    public Response recordQuality(@NotNull @Valid QualityStatusRequest request) {
        if (request.validTo().isBefore(request.validFrom())) {
            throw ApiProblem.invalidField("validTo", "must not lie before validFrom");
        }
        QualityStatus status = catalogue.recordQuality(
                request.institutionCode(),
                request.itemCode(),
                request.passed(),
                request.scheme().strip(),
                request.validFrom(),
                request.validTo());
        referenceData.reload();
        return Response.status(Response.Status.CREATED)
                .entity(QualityView.of(status))
                .build();
    }
}
