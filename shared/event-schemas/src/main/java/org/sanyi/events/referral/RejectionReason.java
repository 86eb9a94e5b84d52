package org.sanyi.events.referral;

/** Why a receiver declined a referral (FHIR Task.statusReason for status rejected). */
public enum RejectionReason {
    /** No bed or appointment capacity in time. */
    NO_CAPACITY,
    /** The receiver does not offer the requested service or department. */
    SERVICE_NOT_AVAILABLE,
    /** The receiver judges the referral clinically not indicated. */
    NOT_CLINICALLY_INDICATED,
    /** Information needed to take the patient over is missing. */
    INCOMPLETE_INFORMATION,
    /** Another institution is the right one (e.g. the group's designated receiver). */
    WRONG_RECEIVER,
    /** The patient refused to go to the receiver. */
    PATIENT_DECLINED,
    OTHER
}
