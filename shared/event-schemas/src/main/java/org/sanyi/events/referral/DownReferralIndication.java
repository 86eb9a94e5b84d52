package org.sanyi.events.referral;

/**
 * 下转指征: why a patient can continue care at a lower level. Recording one on a downward referral to a grassroots
 * institution makes it a proper referral (REF-03, BR-R3); the phases follow REF-11's 慢性期、恢复期 and REF-17's
 * continuity of care.
 */
public enum DownReferralIndication {
    /** 恢复期: acute phase over, recovering. */
    RECOVERY_PHASE,
    /** 慢性期 / 稳定期: chronic disease stable, needs long-term management. */
    STABLE_CHRONIC_PHASE,
    /** 康复: needs rehabilitation. */
    REHABILITATION,
    /** 长期护理. */
    LONG_TERM_CARE,
    /** 安宁疗护. */
    PALLIATIVE_CARE
}
