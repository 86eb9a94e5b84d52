package org.sanyi.referral.domain;

/** How a signed family doctor (签约家庭医生) took part in the referral (REF-06, BR-R7). */
public enum FamilyDoctorInvolvement {
    INITIATED,
    ASSISTED
}
