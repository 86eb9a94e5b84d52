package org.sanyi.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.kernel.InstitutionCode;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.ProblemBody;
import org.sanyi.platform.security.Role;
import org.sanyi.referral.config.ReferralConfig;
import org.sanyi.referral.infrastructure.persistence.ReferralStatisticsQuery;

/** Aggregated referral figures for regulators (卫健委, 医保局) and platform administrators; never details. */
@Path("/v1/referrals/statistics")
@Tag(name = "Referral statistics", description = "Counts and rates for regulators (REF-04, REF-18, MON-04)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
public class ReferralStatisticsResource {

    /** Bounds the work of one request; a regulator asks year by year. */
    private static final int MAX_DAYS = 3660;

    @Inject
    ReferralStatisticsQuery statistics;

    @Inject
    ReferralConfig config;

    @GET
    @Operation(
            summary = "Referral statistics of a period",
            description = "Referrals requested from `from` to `to` (both included, dates in Asia/Shanghai): counts by"
                    + " direction, by sender/receiver pair and by month; acceptance and completion rates; median time"
                    + " to acceptance; out-of-county referrals by ICD-10 category. Regulators and platform"
                    + " administrators only.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = ReferralStatisticsView.class),
                            examples = @ExampleObject(name = "quarter", value = ApiExamples.STATISTICS)))
    @APIResponse(
            responseCode = "400",
            description = "An invalid or reversed date",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a regulator or platform administrator",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public ReferralStatisticsView statistics(
            @Parameter(
                            description = "First day; default: the first day of the month 11 months before `to`",
                            example = "2026-01-01",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Last day, included; default: today",
                            example = "2026-03-31",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("to")
                    String to,
            @Parameter(description = "Only referrals this institution sent or received", example = "NDXP-H01")
                    @QueryParam("institution")
                    String institution) {
        LocalDate last = to == null || to.isBlank() ? LocalDate.now(config.zone()) : parseDate("to", to);
        LocalDate first =
                from == null || from.isBlank() ? last.withDayOfMonth(1).minusMonths(11) : parseDate("from", from);
        if (first.isAfter(last)) {
            throw ApiProblem.invalidField("from", "must not lie after `to`");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ApiProblem.invalidField("from", "the period may span at most " + MAX_DAYS + " days");
        }
        String only = institution == null || institution.isBlank() ? null : institution.strip();
        if (only != null && !InstitutionCode.isValid(only)) {
            throw ApiProblem.invalidField("institution", "must be a directory institution code");
        }
        return toView(first, last, only, statistics.compute(first, last, only));
    }

    private static ReferralStatisticsView toView(
            LocalDate from, LocalDate to, String institution, ReferralStatisticsQuery.Result result) {
        ReferralStatisticsQuery.Totals totals = result.totals();
        Double median = totals.medianSecondsToAcceptance();
        return new ReferralStatisticsView(
                from,
                to,
                result.zone().getId(),
                institution,
                totals.requested(),
                new ReferralStatisticsView.ByDirection(totals.upward(), totals.downward(), totals.lateral()),
                new ReferralStatisticsView.Outcomes(
                        totals.reviewed(),
                        totals.accepted(),
                        totals.rejected(),
                        totals.arrived(),
                        totals.completed(),
                        totals.cancelled(),
                        totals.expired(),
                        totals.awaitingAnswer()),
                ratio(totals.accepted(), totals.accepted() + totals.rejected()),
                ratio(totals.completed(), totals.accepted()),
                median == null
                        ? null
                        : Duration.ofMillis(Math.round(median * 1000)).toString(),
                median,
                new ReferralStatisticsView.Flags(
                        totals.properReferral(),
                        totals.sameGroupEpisode(),
                        totals.bypassedGrassroots(),
                        totals.outOfCounty(),
                        totals.outOfCity(),
                        totals.greenChannel(),
                        totals.familyDoctorInvolved()),
                result.byPair().stream()
                        .map(p -> new ReferralStatisticsView.PairCount(
                                p.senderInstitution(),
                                p.receiverInstitution(),
                                p.direction(),
                                p.total(),
                                p.accepted(),
                                p.completed()))
                        .toList(),
                result.byMonth().stream()
                        .map(m -> new ReferralStatisticsView.MonthCount(
                                m.month(), m.total(), m.upward(), m.downward(), m.lateral()))
                        .toList(),
                result.outOfCountyByDiagnosis().stream()
                        .map(d -> new ReferralStatisticsView.DiagnosisCount(d.diagnosisCategory(), d.total()))
                        .toList());
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static LocalDate parseDate(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be an ISO date such as 2026-03-31");
        }
    }
}
