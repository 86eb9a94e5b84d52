package org.sanyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditSealer;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.audit.AuditVerification;
import org.sanyi.platform.audit.AuditVerifier;
import org.sanyi.platform.audit.PurposeOfUse;
import org.sanyi.platform.security.Caller;
import org.sanyi.platform.security.Role;
import org.sanyi.testing.SanyiTestInfrastructure;

/**
 * The audit trail is append-only and hash-chained: a changed or removed record is found by verification, rows cannot
 * be planted with a chain position, and verification continues from its last checkpoint. Every test that tampers
 * puts the row back, because the database is shared by all tests of this JVM.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class AuditChainTest {

    private static final String SEALER_LOCK = "hashtext('sanyi-audit-sealer')";

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
        String run = run();
        for (int i = 0; i < 5; i++) {
            append(run + "-" + i, "pp-" + i);
        }
        sealAll();
        AuditVerification intact = verifier.verifyFromStart();
        assertThat(intact.intact()).isTrue();
        assertThat(intact.recordsChecked()).isGreaterThanOrEqualTo(5);

        assertThatThrownBy(
                        () -> execute("update audit_record set purpose = 'HRESCH' where resource_id = '" + run + "-2'"))
                .hasMessageContaining("sealed once");
        assertThatThrownBy(() -> execute("delete from audit_record where resource_id = '" + run + "-3'"))
                .hasMessageContaining("append-only");

        // An operator with the rights to switch the guard off can still change a row; the full walk shows it.
        long tamperedSeq = single("select chain_seq from audit_record where resource_id = '" + run + "-2'");
        withoutUpdateGuard(
                "update audit_record set patient_pseudonym = 'pp-someone-else' where resource_id = '" + run + "-2'");
        try {
            assertThat(verifier.verify().intact())
                    .as("the incremental check starts after the checkpoint, which is past the changed row")
                    .isTrue();
            AuditVerification tampered = verifier.verifyFromStart();
            assertThat(tampered.intact()).isFalse();
            assertThat(tampered.brokenAtChainSeq()).isEqualTo(tamperedSeq);
            assertThat(tampered.reason()).contains("modified");
        } finally {
            withoutUpdateGuard(
                    "update audit_record set patient_pseudonym = 'pp-2' where resource_id = '" + run + "-2'");
        }
        assertThat(verifier.verifyFromStart().intact()).isTrue();
    }

    @Test
    void nullAndEmptyFieldsHashDifferently() throws Exception {
        String run = run();
        append(run, null);
        sealAll();
        assertThat(verifier.verifyFromStart().intact()).isTrue();
        long seq = single("select chain_seq from audit_record where resource_id = '" + run + "'");

        // Joined by a separator, NULL and '' gave the same hash input; length-prefixed fields tell them apart.
        withoutUpdateGuard("update audit_record set patient_pseudonym = '' where resource_id = '" + run + "'");
        try {
            AuditVerification tampered = verifier.verifyFromStart();
            assertThat(tampered.intact()).isFalse();
            assertThat(tampered.brokenAtChainSeq()).isEqualTo(seq);
        } finally {
            withoutUpdateGuard("update audit_record set patient_pseudonym = null where resource_id = '" + run + "'");
        }
        assertThat(verifier.verifyFromStart().intact()).isTrue();
    }

    @Test
    void aRowCannotBePlantedWithAChainPosition() throws Exception {
        String insert = "insert into audit_record (recorded_at, institution_code, role, action, resource_type,"
                + " resource_id, purpose, chain_seq, prev_hash, hash) values (now(), 'H-0666', 'hospital', 'READ',"
                + " 'Referral', 'forged', 'TREAT', ";
        assertThatThrownBy(() -> execute(insert + "1000000000000, null, null)"))
                .hasMessageContaining("inserted unsealed");
        assertThatThrownBy(() -> execute(insert + "null, '" + "0".repeat(64) + "', '" + "a".repeat(64) + "')"))
                .hasMessageContaining("inserted unsealed");

        // Nor may an unsealed row be given a position other than the next one at the head.
        String run = run();
        try (SealerHeld held = holdSealer()) {
            append(run, "pp-x");
            assertThatThrownBy(() -> execute("update audit_record set chain_seq = 1000000000000,"
                            + " prev_hash = repeat('0', 64), hash = repeat('a', 64), hash_format = 2"
                            + " where resource_id = '" + run + "'"))
                    .hasMessageContaining("extend the chain head");
        }
        sealAll();
        assertThat(single("select count(*) from audit_record where chain_seq >= 1000000000000"))
                .isZero();
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** One statement may seal many rows, but only as links of the chain: each prev_hash the hash before it. */
    @Test
    void aMultiRowSealMustLinkEveryRow() throws Exception {
        String run = run();
        try (SealerHeld held = holdSealer()) {
            sealAll();
            append(run + "-a", "pp-a");
            append(run + "-b", "pp-b");
            long head = single("select coalesce(max(chain_seq), 0) from audit_record");
            String headHash =
                    head == 0 ? "0".repeat(64) : text("select hash from audit_record where chain_seq = " + head);
            String seal =
                    "update audit_record a set chain_seq = s.seq, prev_hash = s.prev, hash = s.hash, hash_format = 2"
                            + " from (values ('" + run + "-a', " + (head + 1) + "::bigint, '%s', repeat('a', 64)),"
                            + " ('" + run + "-b', " + (head + 2) + "::bigint, '%s', repeat('b', 64)))"
                            + " as s(resource, seq, prev, hash) where a.resource_id = s.resource";

            assertThatThrownBy(() -> execute(seal.formatted("f".repeat(64), "a".repeat(64))))
                    .hasMessageContaining("does not follow the head");
            assertThatThrownBy(() -> execute(seal.formatted(headHash, "c".repeat(64))))
                    .hasMessageContaining("do not link");
            // Linked rows pass the guard (their hashes are not real, so the verifier would report them; roll back).
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    assertThat(statement.executeUpdate(seal.formatted(headHash, "a".repeat(64))))
                            .isEqualTo(2);
                }
                connection.rollback();
            }
        }
        sealAll();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void verificationContinuesFromTheLastCheckpoint() throws Exception {
        sealAll();
        AuditVerification first = verifier.verify();
        assertThat(first.intact()).isTrue();
        long head = first.verifiedThroughChainSeq();
        assertThat(single("select max(chain_seq) from audit_verification")).isEqualTo(head);

        String run = run();
        for (int i = 0; i < 3; i++) {
            append(run + "-" + i, "pp-" + i);
        }
        sealAll();
        AuditVerification next = verifier.verify();
        assertThat(next.intact()).isTrue();
        assertThat(next.fromChainSeq()).isEqualTo(head);
        assertThat(next.verifiedThroughChainSeq()).isGreaterThanOrEqualTo(head + 3);
        assertThat(next.recordsChecked()).isEqualTo(next.verifiedThroughChainSeq() - head);

        AuditVerification full = verifier.verifyFromStart();
        assertThat(full.fromChainSeq()).isZero();
        assertThat(full.recordsChecked()).isEqualTo(full.verifiedThroughChainSeq());
    }

    @Test
    void removingVerifiedNewestRecordsIsReported() throws Exception {
        append(run(), "pp-tail");
        sealAll();
        try (SealerHeld held = holdSealer()) {
            Connection tamperer = held.connection();
            AuditVerification verified = verifier.verify();
            assertThat(verified.intact()).isTrue();
            long head = verified.verifiedThroughChainSeq();

            try (Statement statement = tamperer.createStatement()) {
                statement.execute("create temporary table removed_tail as select * from audit_record where chain_seq"
                        + " = " + head);
                statement.execute("alter table audit_record disable trigger audit_record_no_update;"
                        + " delete from audit_record where chain_seq = " + head + ";"
                        + " alter table audit_record enable trigger audit_record_no_update");
            }
            try {
                AuditVerification truncated = verifier.verify();
                assertThat(truncated.intact()).isFalse();
                assertThat(truncated.brokenAtChainSeq()).isEqualTo(head);
                assertThat(truncated.reason()).contains("verified before, is missing");

                AuditVerification walked = verifier.verifyFromStart();
                assertThat(walked.intact()).isFalse();
                assertThat(walked.reason()).contains("newest records were removed");
            } finally {
                try (Statement statement = tamperer.createStatement()) {
                    statement.execute("alter table audit_record disable trigger audit_record_insert_guard;"
                            + " insert into audit_record overriding system value select * from removed_tail;"
                            + " alter table audit_record enable trigger audit_record_insert_guard;"
                            + " drop table removed_tail");
                }
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void recordsLeftUnsealedTooLongAreCounted() throws Exception {
        String run = run();
        try (SealerHeld held = holdSealer()) {
            execute("insert into audit_record (recorded_at, actor_subject, institution_code, role, action,"
                    + " resource_type, resource_id, purpose) values (now() - interval '10 minutes', 'dr-lin',"
                    + " 'H-0002', 'hospital', 'READ', 'Referral', '" + run + "', 'TREAT')");
            AuditVerification behind = verifier.verify();
            assertThat(behind.staleUnsealedRecords()).isGreaterThanOrEqualTo(1);
            assertThat(behind.staleAfterSeconds()).isPositive();
        }
        sealAll();
        assertThat(verifier.verify().staleUnsealedRecords()).isZero();
    }

    @Test
    void theServiceAuditsItsOwnJobsUnderAReservedSystemActor() throws Exception {
        String run = run();
        QuarkusTransaction.requiringNew()
                .run(() -> auditTrail.recordAsSystem(
                        "probe-sweep", PurposeOfUse.HOPERAT, AuditAction.UPDATE, "Probe", run, "pp-sys"));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select institution_code, role, actor_subject, purpose from audit_record where resource_id = '"
                                + run + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("institution_code")).isEqualTo("SANYI-PLATFORM-PROBE");
            assertThat(row.getString("role")).isEqualTo(Role.PLATFORM_ADMIN.claimValue());
            assertThat(row.getString("actor_subject")).isEqualTo("probe-sweep");
            assertThat(row.getString("purpose")).isEqualTo("HOPERAT");
        }
    }

    private void append(String resourceId, String pseudonym) {
        QuarkusTransaction.requiringNew()
                .run(() -> auditTrail.append(
                        reader, PurposeOfUse.TREAT, AuditAction.READ, "Referral", resourceId, pseudonym));
    }

    private static String run() {
        return "R-" + UUID.randomUUID();
    }

    /**
     * Seals until no record is left unsealed. {@link AuditSealer#sealBatch()} answers 0 both when nothing is left and
     * when the background sealer holds the lock mid-batch, so the count of unsealed rows decides, not its result.
     */
    private void sealAll() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (single("select count(*) from audit_record where chain_seq is null") > 0) {
            if (sealer.sealBatch() == 0) {
                assertThat(System.nanoTime())
                        .as("records still unsealed after 10 s")
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    /**
     * A connection holding the sealer's lock, so the background sealer leaves the chain alone until it is closed;
     * {@link AuditSealer#sealBatch()} on another connection then seals nothing either.
     */
    private SealerHeld holdSealer() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + SEALER_LOCK + ")");
        }
        return new SealerHeld(connection);
    }

    /** The lock is the session's, and the session outlives the pooled connection: unlock before giving it back. */
    private record SealerHeld(Connection connection) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_unlock(" + SEALER_LOCK + ")");
            } finally {
                connection.close();
            }
        }
    }

    private void withoutUpdateGuard(String sql) throws SQLException {
        execute("alter table audit_record disable trigger audit_record_no_update;"
                + " alter table audit_record disable trigger audit_record_seal_check; " + sql
                + "; alter table audit_record enable trigger audit_record_no_update;"
                + " alter table audit_record enable trigger audit_record_seal_check");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private long single(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }
}
