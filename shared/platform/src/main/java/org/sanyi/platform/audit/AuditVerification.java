package org.sanyi.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Result of checking the audit chain from a starting point to its head: intact, or the first chain position where a
 * record was changed, removed or reordered.
 */
@Schema(description = "Result of checking the audit hash chain from the last verified checkpoint (or the start)")
public record AuditVerification(
        @Schema(description = "True when every record checked, and the checkpoint it continued from, still holds")
                boolean intact,
        @Schema(description = "Chain position this check continued from: the last verified checkpoint, 0 for the start")
                long fromChainSeq,
        @Schema(description = "Sealed records checked by this call") long recordsChecked,
        @Schema(description = "Newest chain position found intact") long verifiedThroughChainSeq,
        @Schema(description = "First chain position that does not hold; absent when intact") Long brokenAtChainSeq,
        @Schema(description = "What is wrong at brokenAtChainSeq; absent when intact") String reason,
        @Schema(description = "Records still unsealed although older than staleAfterSeconds: the sealer is behind")
                long staleUnsealedRecords,
        @Schema(description = "Age after which an unsealed record counts as stale") long staleAfterSeconds) {}
