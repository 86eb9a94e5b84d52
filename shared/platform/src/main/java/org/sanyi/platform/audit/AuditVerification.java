package org.sanyi.platform.audit;

/**
 * Result of walking the audit chain: intact, or the first chain position where a record was changed, removed or
 * reordered.
 */
public record AuditVerification(boolean intact, long recordsChecked, Long brokenAtChainSeq, String reason) {}
