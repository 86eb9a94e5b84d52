package org.sanyi.events.result;

/** Why a result of another institution is recognisable for the orderer (BR-E2, regional policy). */
public enum RecognitionScope {
    /** The orderer's own result. */
    SAME_INSTITUTION,
    /** Performer and orderer are members of one 医联体 / 医共体 / 城市医疗集团 on the check date (EXR-05). */
    SAME_GROUP,
    /** Same care level within the same city (EXR-03). */
    SAME_LEVEL,
    /** The performing institution's level is above the orderer's, within the same city. */
    HIGHER_TO_LOWER,
    /** Any level within the same city (EXR-04). */
    CITY_WIDE
}
