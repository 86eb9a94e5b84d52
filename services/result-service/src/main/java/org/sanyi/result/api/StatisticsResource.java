package org.sanyi.result.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.platform.http.QueryParameters;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.security.Role;
import org.sanyi.result.config.ResultConfig;
import org.sanyi.result.infrastructure.persistence.RecognitionStatisticsQuery;
import org.sanyi.result.infrastructure.persistence.RecognitionStatisticsQuery.DecisionRow;

/**
 * Counts for regulators (EXR-01, EXR-07) and the repeats an insurer may query; never values, never identities.
 */
@Path("/v1")
@Tag(name = "Recognition statistics", description = "Recognition rate, declines, savings, repeats")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private static final int MAX_DAYS = 3660;
    private static final int MAX_REPEATS = 1000;

    @Inject
    RecognitionStatisticsQuery statistics;

    @Inject
    DirectoryReplica directory;

    @Inject
    ResultConfig config;

    @Schema(name = "RecognitionCounts")
    public record Counts(long recognised, long declined, BigDecimal recognitionRate, BigDecimal savings) {
        static Counts of(long recognised, long declined, BigDecimal savings) {
            BigDecimal rate = recognised + declined == 0
                    ? null
                    : BigDecimal.valueOf(recognised)
                            .divide(BigDecimal.valueOf(recognised + declined), 4, RoundingMode.HALF_UP);
            return new Counts(recognised, declined, rate, savings);
        }
    }

    @Schema(name = "RecognitionStatistics")
    public record StatisticsView(
            LocalDate from,
            LocalDate to,
            long checks,
            Counts total,
            Map<String, Counts> byItem,
            Map<String, Counts> byInstitution,
            Map<String, Counts> byGroup,
            Map<String, Counts> byMonth,
            Map<String, Long> declinesByReason,
            long repeatsWithoutReason,
            long largeEquipmentRepeatsWithoutReason,
            List<RecognitionStatisticsQuery.RepeatRow> repeats) {}

    @GET
    @Path("/recognition/statistics")
    @RolesAllowed({Role.REGULATOR_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(
            summary = "Recognition statistics of a period",
            description = "Decisions from `from` to `to` (both included, Asia/Shanghai dates): recognised and declined"
                    + " counts, recognition rate and savings (catalogue prices of recognised items; void recognitions"
                    + " of withdrawn results do not count) by item, ordering institution, medical group (membership"
                    + " today) and month; declines by reason; repeats within a validity window without a reason,"
                    + " separately for CT/MRI (EXR-07).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatisticsView.class)))
    public StatisticsView statistics(
            @Parameter(description = "First day, YYYY-MM-DD (default: 30 days ago)") @QueryParam("from") String from,
            @Parameter(description = "Last day, YYYY-MM-DD (default: today)") @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(config.zone());
        LocalDate last = QueryParameters.date("to", to, today);
        LocalDate first = QueryParameters.date("from", from, last.minusDays(30));
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) > MAX_DAYS) {
            throw ApiProblem.invalidField("from", "must not lie after 'to', and at most " + MAX_DAYS + " days before");
        }
        Instant start = first.atStartOfDay(config.zone()).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(config.zone()).toInstant();
        List<DecisionRow> rows = statistics.decisions(start, end, config.zone().getId());
        Map<String, long[]> byItem = new TreeMap<>();
        Map<String, long[]> byInstitution = new TreeMap<>();
        Map<String, long[]> byGroup = new TreeMap<>();
        Map<String, long[]> byMonth = new TreeMap<>();
        Map<String, BigDecimal[]> savings = new TreeMap<>();
        long recognised = 0;
        long declined = 0;
        BigDecimal saved = BigDecimal.ZERO;
        for (DecisionRow row : rows) {
            add(byItem, savings, "item:" + row.itemCode(), row);
            add(byInstitution, savings, "institution:" + row.ordererCode(), row);
            add(byMonth, savings, "month:" + row.month(), row);
            for (MedicalGroupSnapshot group : groupsOf(row.ordererCode(), today)) {
                add(byGroup, savings, "group:" + group.id(), row);
            }
            recognised += row.recognised();
            declined += row.declined();
            saved = saved.add(row.avoidedFees());
        }
        Map<String, Long> reasons = new TreeMap<>();
        statistics.declineReasons(start, end).forEach(r -> reasons.put(r.reason(), r.declines()));
        List<RecognitionStatisticsQuery.RepeatRow> repeats =
                statistics.repeatsWithoutReason(start, end, config.zone().getId());
        return new StatisticsView(
                first,
                last,
                statistics.checks(start, end),
                Counts.of(recognised, declined, saved),
                counts(byItem, savings, "item:"),
                counts(byInstitution, savings, "institution:"),
                counts(byGroup, savings, "group:"),
                counts(byMonth, savings, "month:"),
                reasons,
                repeats.stream()
                        .mapToLong(RecognitionStatisticsQuery.RepeatRow::repeats)
                        .sum(),
                repeats.stream()
                        .filter(RecognitionStatisticsQuery.RepeatRow::largeEquipment)
                        .mapToLong(RecognitionStatisticsQuery.RepeatRow::repeats)
                        .sum(),
                repeats);
    }

    @GET
    @Path("/repeat-exams")
    @RolesAllowed({Role.INSURER_ROLE, Role.PLATFORM_ADMIN_ROLE})
    @Operation(
            summary = "Repeats ordered without a recognised reason",
            description = "For 医保 review of duplicate exam and test claims: results published from `from` to `to`"
                    + " that repeat a recognisable result of another institution within its validity window, with no"
                    + " decline reason recorded by the repeating institution. Pseudonyms and codes, never values.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                                            implementation = RecognitionStatisticsQuery.RepeatExam.class)))
    public List<RecognitionStatisticsQuery.RepeatExam> repeatExams(
            @Parameter(description = "First day, YYYY-MM-DD (default: 30 days ago)") @QueryParam("from") String from,
            @Parameter(description = "Last day, YYYY-MM-DD (default: today)") @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(config.zone());
        LocalDate last = QueryParameters.date("to", to, today);
        LocalDate first = QueryParameters.date("from", from, last.minusDays(30));
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) > MAX_DAYS) {
            throw ApiProblem.invalidField("from", "must not lie after 'to', and at most " + MAX_DAYS + " days before");
        }
        return statistics.repeatExams(
                first.atStartOfDay(config.zone()).toInstant(),
                last.plusDays(1).atStartOfDay(config.zone()).toInstant(),
                MAX_REPEATS);
    }

    private List<MedicalGroupSnapshot> groupsOf(String institution, LocalDate on) {
        return directory.commonGroups(institution, institution, on);
    }

    private static void add(
            Map<String, long[]> counts, Map<String, BigDecimal[]> savings, String key, DecisionRow row) {
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0] += row.recognised();
        c[1] += row.declined();
        BigDecimal[] s = savings.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO});
        s[0] = s[0].add(row.avoidedFees());
    }

    private static Map<String, Counts> counts(
            Map<String, long[]> counts, Map<String, BigDecimal[]> savings, String prefix) {
        Map<String, Counts> result = new TreeMap<>();
        counts.forEach(
                (key, c) -> result.put(key.substring(prefix.length()), Counts.of(c[0], c[1], savings.get(key)[0])));
        return result;
    }
}
