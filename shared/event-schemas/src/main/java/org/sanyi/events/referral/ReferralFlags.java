package org.sanyi.events.referral;

/**
 * Facts computed once, when the referral is requested, from the directory and the region's referral policy; they do
 * not change over the referral's life. Insurers settle on them, regulators count them.
 *
 * @param greenChannel urgency is 绿色通道 (REF-10)
 * @param sameGroupEpisode sender and receiver belong to one 医疗集团/医共体 on the referral date: one treatment
 *     episode (REF-01, BR-R4)
 * @param secondDeductibleWaived the second inpatient deductible is waived: same group and the policy waives it (REF-02)
 * @param properReferral upward from a grassroots institution, or downward to one with a 下转指征 (REF-03, BR-R3)
 * @param reimbursementUpliftPoints percentage points added to the inpatient reimbursement ratio; 0 unless proper
 * @param bypassedGrassroots a first-contact-catalogue disease referred upward by a non-grassroots sender (REF-05, BR-R6)
 * @param outOfCounty sender and receiver lie in different counties (REF-18)
 * @param outOfCity sender and receiver lie in different prefecture-level cities (REF-18)
 * @param familyDoctorInvolved a signed family doctor initiated or assisted the referral (REF-06, BR-R7)
 * @param elderlyCareTransfer one party is a 医养结合 / elderly-care institution (REF-09)
 */
public record ReferralFlags(
        boolean greenChannel,
        boolean sameGroupEpisode,
        boolean secondDeductibleWaived,
        boolean properReferral,
        int reimbursementUpliftPoints,
        boolean bypassedGrassroots,
        boolean outOfCounty,
        boolean outOfCity,
        boolean familyDoctorInvolved,
        boolean elderlyCareTransfer) {}
