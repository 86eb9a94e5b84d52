package org.sanyi.referral.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.sanyi.events.referral.ReferralUrgency;

/**
 * The knobs of a region's referral policy. They differ by city (domain-requirements §0, §5: Ningde grants +5 points
 * and waives the second deductible; other cities do not), so they are data, never code.
 *
 * @param properReferralUpliftPoints points added to the 城乡医保 inpatient reimbursement ratio for a proper referral
 *     (REF-03); 0 where the region grants none
 * @param secondDeductibleWaiver whether a referral inside one medical group waives the second inpatient deductible
 *     (REF-02)
 * @param answerWithin how long the receiver has to answer, per urgency, before the referral expires
 * @param firstContactCatalogue diseases whose first contact belongs at grassroots (首诊病种目录, REF-05)
 * @param greenChannelCatalogue diagnoses for which a referral may take the green channel (绿色通道) and reach the
 *     receiver before its review; absent in a policy: {@link #EMERGENCY_CENTRES}
 */
public record PolicyParameters(
        int properReferralUpliftPoints,
        boolean secondDeductibleWaiver,
        Map<ReferralUrgency, Duration> answerWithin,
        List<Icd10Range> firstContactCatalogue,
        List<Icd10Range> greenChannelCatalogue) {

    /**
     * The conditions of the national emergency centres (胸痛, 卒中, 创伤, 危重孕产妇, 危重儿童和新生儿救治中心), for
     * which a green channel is the rule; a region may name others.
     */
    public static final List<Icd10Range> EMERGENCY_CENTRES = List.of(
            new Icd10Range("I20", "I25", "胸痛: 缺血性心脏病 acute coronary syndromes"),
            new Icd10Range("I60", "I69", "卒中: 脑血管病 cerebrovascular diseases"),
            new Icd10Range("S00", "T14", "创伤 injuries"),
            new Icd10Range("O00", "O99", "危重孕产妇 pregnancy and childbirth"),
            new Icd10Range("P00", "P96", "危重新生儿 perinatal conditions"));

    public PolicyParameters {
        if (properReferralUpliftPoints < 0 || properReferralUpliftPoints > 100) {
            throw new IllegalArgumentException("properReferralUpliftPoints must lie between 0 and 100");
        }
        answerWithin = answerWithin == null ? Map.of() : Map.copyOf(answerWithin);
        for (ReferralUrgency urgency : ReferralUrgency.values()) {
            Duration duration = answerWithin.get(urgency);
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("answerWithin needs a positive duration for " + urgency);
            }
        }
        firstContactCatalogue = firstContactCatalogue == null ? List.of() : List.copyOf(firstContactCatalogue);
        greenChannelCatalogue = greenChannelCatalogue == null ? EMERGENCY_CENTRES : List.copyOf(greenChannelCatalogue);
    }

    public boolean allowsGreenChannel(Icd10Code diagnosis) {
        return greenChannelCatalogue.stream().anyMatch(range -> range.contains(diagnosis));
    }

    public boolean inFirstContactCatalogue(Icd10Code diagnosis) {
        return firstContactCatalogue.stream().anyMatch(range -> range.contains(diagnosis));
    }
}
