package org.sanyi.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives committed audit records their place in the hash chain, in the order it sees them. Chaining after commit,
 * in one background writer, keeps audited requests from queueing on a single chain head.
 */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "sanyi.audit.seal-interval", defaultValue = "PT0.25S")
    java.time.Duration sealInterval;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent startup) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audit-sealer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::sealQuietly, sealInterval.toMillis(), sealInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void sealQuietly() {
        try {
            while (sealBatch() > 0) {
                // keep going until the backlog is sealed
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Audit sealing failed, will retry: %s", e.toString());
        }
    }

    private static final int BATCH_SIZE = 1000;

    /** Seals up to {@value #BATCH_SIZE} committed records; returns how many. */
    public int sealBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement(
                                "select pg_try_advisory_xact_lock(hashtext('sanyi-audit-sealer'))");
                        ResultSet locked = lock.executeQuery()) {
                    if (!locked.next() || !locked.getBoolean(1)) {
                        connection.rollback();
                        return 0;
                    }
                }
                // The head is the newest sealed row: the insert guard and the seal trigger make sure no row holds a
                // chain position the sealer did not give it, so the maximum is the real end of the chain.
                long chainSeq = 0;
                String previousHash = AuditChain.GENESIS;
                try (PreparedStatement head = connection.prepareStatement(
                                "select chain_seq, hash from audit_record where chain_seq is not null"
                                        + " order by chain_seq desc limit 1");
                        ResultSet result = head.executeQuery()) {
                    if (result.next()) {
                        chainSeq = result.getLong(1);
                        previousHash = result.getString(2);
                    }
                }
                List<Long> ids = new ArrayList<>();
                List<Long> positions = new ArrayList<>();
                List<String> previousHashes = new ArrayList<>();
                List<String> hashes = new ArrayList<>();
                try (PreparedStatement unsealed = connection.prepareStatement("select " + AuditChain.COLUMNS
                                + " from audit_record where chain_seq is null order by id limit " + BATCH_SIZE);
                        ResultSet rows = unsealed.executeQuery()) {
                    while (rows.next()) {
                        chainSeq++;
                        String hash = AuditChain.hash(rows, AuditChain.CURRENT_FORMAT, chainSeq, previousHash);
                        ids.add(rows.getLong("id"));
                        positions.add(chainSeq);
                        previousHashes.add(previousHash);
                        hashes.add(hash);
                        previousHash = hash;
                    }
                }
                int sealed = ids.size();
                if (sealed > 0) {
                    // One statement for the batch: a row per statement cost PostgreSQL an execution per audit record.
                    try (PreparedStatement seal = connection.prepareStatement("update audit_record a"
                            + " set chain_seq = s.chain_seq, prev_hash = s.prev_hash, hash = s.hash, hash_format = ?"
                            + " from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[])"
                            + " as s(id, chain_seq, prev_hash, hash) where a.id = s.id")) {
                        seal.setShort(1, (short) AuditChain.CURRENT_FORMAT);
                        seal.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                        seal.setArray(3, connection.createArrayOf("bigint", positions.toArray()));
                        seal.setArray(4, connection.createArrayOf("text", previousHashes.toArray()));
                        seal.setArray(5, connection.createArrayOf("text", hashes.toArray()));
                        int updated = seal.executeUpdate();
                        if (updated != sealed) {
                            throw new SQLException("sealed " + updated + " audit records of " + sealed);
                        }
                    }
                }
                connection.commit();
                return sealed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
