package org.sanyi.events.imaging;

/**
 * Why an institution may see a study (BR-I3, BR-F3), in the order the service tries them. The relationship is decided
 * from data the service holds, never from what the caller claims.
 */
public enum AccessBasis {
    /** The institution registered the study (its PACS keeps the pixels). */
    SOURCE,
    /** The study was routed to the institution's imaging centre for reading (BR-I4). */
    READING_CENTRE,
    /** An accepted or arrived referral for the patient names the institution as sender or receiver. */
    REFERRAL,
    /** The patient consented at the institution by presenting the e-health card (一码通). */
    CONSENT,
    /** The institution and the source belonged to one medical group (医共体, 医联体…) on the study date. */
    SAME_GROUP,
    /** An emergency access without any of the above, with a coded reason, put on the regulator's review list. */
    BREAK_GLASS,
    /** An insurer read the index entries of studies linked to a claim it named (医保可核), without the report. */
    INSURER_CLAIM
}
