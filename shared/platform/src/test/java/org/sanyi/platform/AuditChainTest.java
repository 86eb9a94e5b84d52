package org.sanyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditSealer;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.audit.AuditVerification;
import org.sanyi.platform.audit.AuditVerifier;
import org.sanyi.platform.security.Caller;
import org.sanyi.platform.security.Role;
import org.sanyi.testing.SanyiTestInfrastructure;

/** The audit trail is append-only and hash-chained: a changed or removed record is found by verification. */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class AuditChainTest {

    @Inject
    AuditTrail auditTrail;

    @Inject
    AuditSealer sealer;

    @Inject
    AuditVerifier verifier;

    @Inject
    AgroalDataSource dataSource;

    private final Caller reader = new Caller("H-0002", Role.HOSPITAL, "dr-lin");

    @Test
    void tamperingIsDetectedAndOrdinaryChangesAreRefused() throws Exception {
        for (int i = 0; i < 5; i++) {
            int n = i;
            QuarkusTransaction.requiringNew()
                    .run(() -> auditTrail.append(reader, "TREAT", AuditAction.READ, "Referral", "R-" + n, "pp-" + n));
        }
        sealAll();
        AuditVerification intact = verifier.verify();
        assertThat(intact.intact()).isTrue();
        assertThat(intact.recordsChecked()).isGreaterThanOrEqualTo(5);

        assertThatThrownBy(() -> execute("update audit_record set purpose = 'RESEARCH' where resource_id = 'R-2'"))
                .hasMessageContaining("sealed once");
        assertThatThrownBy(() -> execute("delete from audit_record where resource_id = 'R-3'"))
                .hasMessageContaining("append-only");

        // An operator with the rights to switch the guard off can still change a row; the chain shows it.
        long tamperedSeq = single("select chain_seq from audit_record where resource_id = 'R-2'");
        execute("alter table audit_record disable trigger audit_record_no_update;"
                + " update audit_record set patient_pseudonym = 'pp-someone-else' where resource_id = 'R-2';"
                + " alter table audit_record enable trigger audit_record_no_update");
        AuditVerification tampered = verifier.verify();
        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.brokenAtChainSeq()).isEqualTo(tamperedSeq);
        assertThat(tampered.reason()).contains("modified");
    }

    private void sealAll() throws SQLException {
        while (sealer.sealBatch() > 0) {
            // the background sealer may have done part of the work already
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
