package org.sanyi.referral.domain;

import java.util.List;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.referral.DownReferralIndication;
import org.sanyi.events.referral.ReferralDirection;
import org.sanyi.events.referral.ReferralFlags;
import org.sanyi.events.referral.ReferralUrgency;

/**
 * The referral's direction and the flags insurers settle by, from the two parties as the directory knew them on the
 * referral date and the region's policy: pure rules, no lookups, fixed at creation.
 */
public final class ReferralFlagRules {

    private ReferralFlagRules() {}

    /**
     * 上转 to a higher care level, 下转 to a lower one; same level, or a party without a care level (医养结合
     * institutions), is lateral.
     */
    public static ReferralDirection directionBetween(CareLevel from, CareLevel to) {
        if (from == CareLevel.NOT_APPLICABLE || to == CareLevel.NOT_APPLICABLE) {
            return ReferralDirection.LATERAL;
        }
        int comparison = Integer.compare(to.rank(), from.rank());
        return comparison > 0
                ? ReferralDirection.UPWARD
                : comparison < 0 ? ReferralDirection.DOWNWARD : ReferralDirection.LATERAL;
    }

    /**
     * @param commonGroupIds the medical groups both parties belong to on the referral date (REF-02)
     */
    public static ReferralFlags flags(
            InstitutionSnapshot sender,
            InstitutionSnapshot receiver,
            ReferralUrgency urgency,
            Icd10Code diagnosis,
            DownReferralIndication downReferralIndication,
            boolean familyDoctorInvolved,
            List<String> commonGroupIds,
            PolicyParameters policy) {
        ReferralDirection direction = directionBetween(sender.level(), receiver.level());
        boolean sameGroupEpisode = !commonGroupIds.isEmpty();
        // REF-03: a proper referral starts at grassroots going up, or returns there with a 下转指征.
        boolean properReferral = direction == ReferralDirection.UPWARD && sender.level() == CareLevel.GRASSROOTS
                || direction == ReferralDirection.DOWNWARD
                        && receiver.level() == CareLevel.GRASSROOTS
                        && downReferralIndication != null;
        // REF-05: a first-contact disease sent up by a non-grassroots sender skipped the grassroots first contact.
        boolean bypassedGrassroots = direction == ReferralDirection.UPWARD
                && sender.level() != CareLevel.GRASSROOTS
                && policy.inFirstContactCatalogue(diagnosis);
        return new ReferralFlags(
                urgency == ReferralUrgency.GREEN_CHANNEL,
                sameGroupEpisode,
                sameGroupEpisode && policy.secondDeductibleWaiver(),
                properReferral,
                properReferral ? policy.properReferralUpliftPoints() : 0,
                bypassedGrassroots,
                differ(county(sender), county(receiver)),
                differ(city(sender), city(receiver)),
                familyDoctorInvolved,
                sender.type() == InstitutionType.ELDERLY_CARE || receiver.type() == InstitutionType.ELDERLY_CARE);
    }

    private static String county(InstitutionSnapshot institution) {
        return institution.region() == null ? null : institution.region().countyCode();
    }

    private static String city(InstitutionSnapshot institution) {
        return institution.region() == null ? null : institution.region().cityCode();
    }

    /** Unknown on either side is not evidence of a different area. */
    private static boolean differ(String first, String second) {
        return first != null && second != null && !first.equals(second);
    }
}
