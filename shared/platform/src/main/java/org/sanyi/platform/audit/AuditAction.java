package org.sanyi.platform.audit;

/** What a caller did with patient-identifiable data, or tried to do and was refused. */
public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    /** The request was answered 403: recorded in its own transaction, so the refusal outlives the rollback. */
    DENIED
}
