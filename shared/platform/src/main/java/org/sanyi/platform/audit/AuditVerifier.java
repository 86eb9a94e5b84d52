package org.sanyi.platform.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/** Recomputes the chain from the first sealed record and reports the first place it no longer holds. */
@ApplicationScoped
public class AuditVerifier {

    @Inject
    AgroalDataSource dataSource;

    public AuditVerification verify() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + AuditChain.COLUMNS
                        + ", chain_seq, prev_hash, hash from audit_record where chain_seq is not null"
                        + " order by chain_seq")) {
            select.setFetchSize(1000);
            connection.setAutoCommit(false);
            long expectedSeq = 1;
            String previousHash = AuditChain.GENESIS;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong("chain_seq");
                    if (seq != expectedSeq) {
                        return broken(expectedSeq - 1, expectedSeq, "record " + expectedSeq + " is missing");
                    }
                    if (!Objects.equals(rows.getString("prev_hash"), previousHash)) {
                        return broken(expectedSeq - 1, seq, "record " + seq + " does not follow its predecessor");
                    }
                    String recomputed = AuditChain.hash(rows, seq, previousHash);
                    if (!recomputed.equals(rows.getString("hash"))) {
                        return broken(expectedSeq - 1, seq, "record " + seq + " was modified");
                    }
                    previousHash = recomputed;
                    expectedSeq++;
                }
            } finally {
                connection.rollback();
            }
            return new AuditVerification(true, expectedSeq - 1, null, null);
        }
    }

    private static AuditVerification broken(long checked, long seq, String reason) {
        return new AuditVerification(false, checked, seq, reason);
    }
}
