package org.sanyi.events.directory;

/** Kinds of medical grouping (domain-requirements §3.3). */
public enum GroupKind {
    /** 城市医疗集团 */
    CITY_MEDICAL_GROUP,
    /** 县域医共体 */
    COUNTY_MEDICAL_COMMUNITY,
    /** 医联体 */
    MEDICAL_ALLIANCE,
    /** 专科联盟 / 专科医联体 */
    SPECIALTY_ALLIANCE
}
