package org.sanyi.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Referral statistics of a period, for regulators: counts, rates and codes, never a patient or a referral id. */
@Schema(name = "ReferralStatistics")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralStatisticsView(
        @Schema(description = "First day counted (referral request date)") LocalDate from,
        @Schema(description = "Last day counted, included") LocalDate to,
        @Schema(description = "Time zone of the days and months", example = "Asia/Shanghai") String zone,
        @Schema(description = "Only referrals this institution sent or received, when asked for") String institution,
        @Schema(description = "Referrals requested in the period") long requested,
        ByDirection byDirection,
        Outcomes outcomes,
        @Schema(description = "accepted / (accepted + rejected); absent when nothing was answered", example = "0.8")
                Double acceptanceRate,
        @Schema(description = "completed / accepted; absent when nothing was accepted", example = "0.75")
                Double completionRate,
        @Schema(
                        description = "Median of acceptedAt − requestedAt over accepted referrals (ISO 8601)",
                        example = "PT3H12M")
                String medianTimeToAcceptance,
        @Schema(description = "The same median in seconds", example = "11520.0") Double medianSecondsToAcceptance,
        Flags flags,
        @Schema(description = "Counts per sender → receiver pair, largest first (REF-04)")
                List<PairCount> bySenderReceiver,
        @Schema(description = "Counts per calendar month of the request") List<MonthCount> byMonth,
        @Schema(description = "Out-of-county referrals per ICD-10 category, largest first (REF-18: 县域外就医疾病谱)")
                List<DiagnosisCount> outOfCountyByDiagnosis) {

    @Schema(name = "ReferralCountsByDirection")
    public record ByDirection(long upward, long downward, long lateral) {}

    @Schema(
            name = "ReferralOutcomeCounts",
            description = "Referrals of the period that reached each step (whatever they reached later)")
    public record Outcomes(
            long reviewed,
            long accepted,
            long rejected,
            long arrived,
            long completed,
            long cancelled,
            long expired,
            @Schema(description = "Still REQUESTED or REVIEWED") long awaitingAnswer) {}

    @Schema(name = "ReferralFlagCounts")
    public record Flags(
            long properReferral,
            long sameGroupEpisode,
            long bypassedGrassroots,
            long outOfCounty,
            long outOfCity,
            long greenChannel,
            long familyDoctorInvolved) {}

    @Schema(name = "ReferralPairCount")
    public record PairCount(
            @Schema(example = "NDXP-VC01") String senderInstitution,
            @Schema(example = "NDXP-H01") String receiverInstitution,
            @Schema(example = "UPWARD") String direction,
            long total,
            long accepted,
            long completed) {}

    @Schema(name = "ReferralMonthCount")
    public record MonthCount(
            @Schema(example = "2026-03") String month, long total, long upward, long downward, long lateral) {}

    @Schema(name = "ReferralDiagnosisCount")
    public record DiagnosisCount(@Schema(example = "I63") String diagnosisCategory, long total) {}
}
