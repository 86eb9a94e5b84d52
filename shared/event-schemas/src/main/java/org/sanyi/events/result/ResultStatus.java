package org.sanyi.events.result;

/** FHIR DiagnosticReport status, reduced to what recognition needs. */
public enum ResultStatus {
    FINAL,
    /** Changed by its issuer after it was first published; the version says which change. */
    AMENDED,
    /** Entered in error: no longer recognisable, and every recognition built on it is void. */
    WITHDRAWN
}
