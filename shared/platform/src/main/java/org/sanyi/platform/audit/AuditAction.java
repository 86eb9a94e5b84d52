package org.sanyi.platform.audit;

/** What a caller did with patient-identifiable data. */
public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE
}
