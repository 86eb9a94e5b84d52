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
 */
public record PolicyParameters(
        int properReferralUpliftPoints,
        boolean secondDeductibleWaiver,
        Map<ReferralUrgency, Duration> answerWithin,
        List<Icd10Range> firstContactCatalogue) {

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
    }

    public boolean inFirstContactCatalogue(Icd10Code diagnosis) {
        return firstContactCatalogue.stream().anyMatch(range -> range.contains(diagnosis));
    }
}
