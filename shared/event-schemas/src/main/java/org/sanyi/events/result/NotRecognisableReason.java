package org.sanyi.events.result;

/** Why a result that exists for the patient cannot be recognised now. */
public enum NotRecognisableReason {
    /** Older than the item's validity window in the region. */
    EXPIRED,
    /** No scope of the region's policy covers the performer and the orderer. */
    OUT_OF_SCOPE,
    /** The item needs a passed EQA / 室间质评 and the performing lab had none valid on the specimen date. */
    NO_VALID_EQA,
    /** The issuer withdrew the result. */
    WITHDRAWN
}
