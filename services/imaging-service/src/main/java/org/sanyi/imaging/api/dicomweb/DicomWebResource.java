package org.sanyi.imaging.api.dicomweb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.events.imaging.BreakGlassReason;
import org.sanyi.imaging.api.ApiExamples;
import org.sanyi.imaging.application.StudyLooks.Disclosed;
import org.sanyi.imaging.application.StudySearch;
import org.sanyi.imaging.domain.Series;
import org.sanyi.platform.http.QueryParameters;
import org.sanyi.platform.security.Role;

/**
 * QIDO-RS (PS3.18 §10.6) over the regional index: Search for Studies, for the series of a study, and for Series.
 * Results are those the caller may see; every search that discloses a study is recorded as a look. The pixels are
 * fetched from each result's RetrieveURL at the source PACS, with a retrieval ticket.
 */
@Path("/dicomweb")
@Tag(name = "DICOMweb QIDO-RS", description = "Search the regional index as a DICOMweb client would")
@SecurityRequirement(name = "bearer")
@Produces({DicomWebResource.DICOM_JSON, "application/json"})
@RolesAllowed(Role.HOSPITAL_ROLE)
public class DicomWebResource {

    public static final String DICOM_JSON = "application/dicom+json";
    public static final String BREAK_GLASS_HEADER = "X-Break-Glass-Reason";

    @Inject
    StudySearch search;

    @GET
    @Path("/studies")
    @Operation(
            summary = "Search for Studies (QIDO-RS)",
            description = "Matching keys: PatientID (with IssuerOfPatientID: an identifier system URI or name;"
                    + " the resident ID when absent), StudyDate (YYYYMMDD, or a range YYYYMMDD-YYYYMMDD, YYYYMMDD-,"
                    + " -YYYYMMDD), StudyInstanceUID (a list, comma-separated), ModalitiesInStudy, AccessionNumber,"
                    + " StudyDescription (wildcards * and ?, case-insensitive); by keyword or tag. includefield"
                    + " (attribute or all), limit 1…200 (default 100), offset. With PatientID: that patient's studies"
                    + " from every source the caller may see (own, reading centre, accepted referral, consent, same"
                    + " group; else 403, or break-glass with " + BREAK_GLASS_HEADER + " and purpose ETREAT); without:"
                    + " the caller's own studies and those sent to it to read. 204 when nothing matches (PS3.18"
                    + " §8.3.4.4.1); a Warning 299 header when more results exist beyond limit.")
    @APIResponse(
            responseCode = "200",
            description = "The matching studies in the DICOM JSON model",
            headers = @Header(name = "Warning", description = "299 when further results exist"),
            content =
                    @Content(
                            mediaType = DICOM_JSON,
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                                            implementation = Object.class),
                            examples = @ExampleObject(name = "studies", value = ApiExamples.QIDO_STUDIES)))
    @APIResponse(responseCode = "204", description = "No study matches")
    public Response studies(
            @Parameter(description = "Coded emergency reason; only with X-Purpose-Of-Use: ETREAT")
                    @HeaderParam(BREAK_GLASS_HEADER)
                    String breakGlass,
            UriInfo uri) {
        QidoQuery query = QidoQuery.parse(uri.getQueryParameters(), false, null);
        StudySearch.Page page = search.search(query(query, breakGlass));
        List<ObjectNode> answer = new ArrayList<>();
        page.studies().forEach(d -> answer.add(QidoAnswers.study(d.study(), query)));
        return answer(answer, page.more(), query);
    }

    @GET
    @Path("/studies/{study}/series")
    @Operation(
            summary = "Search for the Series of a Study (QIDO-RS)",
            description = "The series of one study the caller may see; keys SeriesInstanceUID and Modality besides"
                    + " the study keys. Study attributes come back only where matched or named by includefield.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = DICOM_JSON,
                            examples = @ExampleObject(name = "series", value = ApiExamples.QIDO_SERIES)))
    @APIResponse(responseCode = "204", description = "No series matches")
    public Response seriesOfStudy(
            @PathParam("study") String study, @HeaderParam(BREAK_GLASS_HEADER) String breakGlass, UriInfo uri) {
        QidoQuery query = QidoQuery.parse(uri.getQueryParameters(), true, study);
        return series(query, breakGlass, false);
    }

    @GET
    @Path("/series")
    @Operation(
            summary = "Search for Series (QIDO-RS)",
            description = "Series of the studies the caller may see, with the study and patient attributes of each;"
                    + " the keys of Search for Studies plus SeriesInstanceUID and Modality.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = DICOM_JSON,
                            examples = @ExampleObject(name = "series", value = ApiExamples.QIDO_SERIES)))
    @APIResponse(responseCode = "204", description = "No series matches")
    public Response allSeries(@HeaderParam(BREAK_GLASS_HEADER) String breakGlass, UriInfo uri) {
        QidoQuery query = QidoQuery.parse(uri.getQueryParameters(), true, null);
        return series(query, breakGlass, true);
    }

    private Response series(QidoQuery query, String breakGlass, boolean withStudy) {
        // Series are paged, studies are not: every matching study of the patient is read, its series counted.
        QidoQuery studies = new QidoQuery(
                query.patient(),
                query.filter(),
                query.matched(),
                query.included(),
                query.includeAll(),
                QidoQuery.MAX_LIMIT * 50,
                0,
                query.fuzzyRequested());
        StudySearch.Page page = search.search(query(studies, breakGlass));
        List<ObjectNode> all = new ArrayList<>();
        for (Disclosed disclosed : page.studies()) {
            for (Series series : disclosed.study().series) {
                if (matches(series, query)) {
                    all.add(QidoAnswers.series(disclosed.study(), series, query, withStudy));
                }
            }
        }
        int from = Math.min(query.offset(), all.size());
        int to = Math.min(from + query.limit(), all.size());
        return answer(all.subList(from, to), to < all.size(), query);
    }

    private static boolean matches(Series series, QidoQuery query) {
        return (query.filter().seriesUid() == null || query.filter().seriesUid().equals(series.seriesInstanceUid()))
                && (query.filter().seriesModality() == null
                        || query.filter().seriesModality().equals(series.modality()));
    }

    private static StudySearch.Query query(QidoQuery query, String breakGlass) {
        return new StudySearch.Query(
                query.patient(), null, query.filter(), query.limit(), query.offset(), breakGlass(breakGlass));
    }

    private static Response answer(List<ObjectNode> results, boolean more, QidoQuery query) {
        if (results.isEmpty()) {
            return Response.noContent().build();
        }
        Response.ResponseBuilder response = Response.ok(results).type(DICOM_JSON);
        if (more) {
            response.header("Warning", "299 sanyi-imaging: There are additional results that can be requested");
        }
        if (query.fuzzyRequested()) {
            response.header("Warning", "299 sanyi-imaging: Fuzzy matching is not supported; exact matching was used");
        }
        return response.build();
    }

    /** The coded reason of the {@value #BREAK_GLASS_HEADER} header, if one was sent; an unknown code is a 400. */
    public static Optional<BreakGlassReason> breakGlass(String header) {
        return Optional.ofNullable(header)
                .map(value -> QueryParameters.enumValue(BREAK_GLASS_HEADER, value, BreakGlassReason.class));
    }
}
