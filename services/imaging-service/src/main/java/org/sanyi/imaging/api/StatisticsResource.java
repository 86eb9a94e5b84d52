package org.sanyi.imaging.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.imaging.config.ImagingConfig;
import org.sanyi.imaging.infrastructure.persistence.ImagingStatisticsQuery;
import org.sanyi.platform.http.QueryParameters;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.security.Role;

/** Counts for regulators (IMG-01, IMG-02, IMG-05, X-10): never a patient, never a study. */
@Path("/v1/imaging/statistics")
@Tag(
        name = "Imaging statistics",
        description = "Cross-institution look-ups, grassroots coverage, break-glass, reading times")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private static final int MAX_DAYS = 3660;

    @Inject
    ImagingStatisticsQuery statistics;

    @Inject
    DirectoryReplica directory;

    @Inject
    ImagingConfig config;

    @Schema(name = "GrassrootsCoverage")
    public record Coverage(
            int grassrootsInstitutions, int registering, BigDecimal share, List<String> notRegistering) {}

    @Schema(name = "ImagingStatistics")
    public record Statistics(
            LocalDate from,
            LocalDate to,
            List<ImagingStatisticsQuery.PairMonth> crossInstitutionLooks,
            Coverage grassrootsCoverage,
            List<ImagingStatisticsQuery.ReviewCount> breakGlass,
            List<ImagingStatisticsQuery.ReadingTime> readingCentres) {}

    @GET
    @RolesAllowed(Role.REGULATOR_ROLE)
    @Transactional
    @Operation(
            summary = "Imaging sharing statistics for a period",
            description = "Looks at another source's studies by institution pair and month; the share of active"
                    + " grassroots institutions that registered studies (IMG-02 coverage); break-glass looks by"
                    + " review status; hours from acquisition to report at reading centres (median, 90th"
                    + " percentile). from/to are dates (inclusive), the last 30 days by default.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = Statistics.class),
                            examples = @ExampleObject(name = "month", value = ApiExamples.STATISTICS)))
    public Statistics statistics(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        LocalDate today = LocalDate.now(config.zone());
        LocalDate to = QueryParameters.date("to", toText, today);
        LocalDate from = QueryParameters.date("from", fromText, to.minusDays(29));
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiProblem.invalidField("from", "must lie before to, at most " + MAX_DAYS + " days");
        }
        Instant start = from.atStartOfDay(config.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(config.zone()).toInstant();
        Set<String> registering = statistics.registeringSources(start, end);
        List<String> grassroots = directory.institutions().stream()
                .filter(i -> i.active() && directory.isGrassroots(i.code()))
                .map(i -> i.code())
                .sorted()
                .toList();
        long covered = grassroots.stream().filter(registering::contains).count();
        Coverage coverage = new Coverage(
                grassroots.size(),
                (int) covered,
                grassroots.isEmpty()
                        ? null
                        : BigDecimal.valueOf(covered)
                                .divide(BigDecimal.valueOf(grassroots.size()), 4, RoundingMode.HALF_UP),
                grassroots.stream().filter(code -> !registering.contains(code)).toList());
        return new Statistics(
                from,
                to,
                statistics.crossInstitutionLooks(start, end, config.zone()),
                coverage,
                statistics.breakGlass(start, end),
                statistics.readingTimes(start, end));
    }
}
