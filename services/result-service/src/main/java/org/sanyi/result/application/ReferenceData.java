package org.sanyi.result.application;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.sanyi.result.domain.QualityStatus;
import org.sanyi.result.domain.RecognitionItem;
import org.sanyi.result.domain.RecognitionPolicy;

/**
 * The catalogue, the regional policies and the labs' quality status, held in memory so a check never waits on them:
 * loaded at start, again after every change made here, and every {@code sanyi.result.policy.refresh-interval} for
 * changes made by another instance. They are small (hundreds of rows); results are not here.
 */
@ApplicationScoped
public class ReferenceData {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /** One consistent view of the three. */
    public record Snapshot(
            Map<String, RecognitionItem> items,
            Map<String, List<RecognitionPolicy>> policiesByRegion,
            Map<String, List<QualityStatus>> qualityByInstitutionAndItem) {

        public Optional<RecognitionItem> activeItem(String code) {
            RecognitionItem item = items.get(code);
            return item == null || !item.active ? Optional.empty() : Optional.of(item);
        }

        /** The first of {@code regionCodes} (most specific first) with a version in force, else the fallback. */
        public RecognitionPolicy policy(List<String> regionCodes, LocalDate date) {
            List<String> candidates = new ArrayList<>(regionCodes);
            candidates.add(RecognitionPolicy.FALLBACK_REGION);
            for (String region : candidates) {
                if (region == null) {
                    continue;
                }
                for (RecognitionPolicy policy : policiesByRegion.getOrDefault(region, List.of())) {
                    if (policy.inForceOn(date)) {
                        return policy;
                    }
                }
            }
            throw new IllegalStateException("No recognition policy in force on " + date + ", not even the fallback");
        }

        /** Whether the newest status recorded for the lab and item that covers {@code date} is a pass. */
        public boolean eqaPassed(String institutionCode, String itemCode, LocalDate date) {
            return qualityByInstitutionAndItem.getOrDefault(institutionCode + "|" + itemCode, List.of()).stream()
                    .filter(status -> status.covers(date))
                    .findFirst()
                    .map(status -> status.passed)
                    .orElse(false);
        }
    }

    private volatile Snapshot current;

    void load(@Observes StartupEvent startup) {
        reload();
    }

    public Snapshot current() {
        Snapshot snapshot = current;
        if (snapshot == null) {
            reload();
            snapshot = current;
        }
        return snapshot;
    }

    @Scheduled(
            every = "${sanyi.result.policy.refresh-interval}",
            delayed = "${sanyi.result.policy.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.errorf("Recognition reference data not refreshed, keeping what was loaded before: %s", e.toString());
        }
    }

    /** Reads all three again; call after a change commits. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reload() {
        Map<String, RecognitionItem> items = new HashMap<>();
        for (RecognitionItem item : entityManager
                .createQuery("from RecognitionItem", RecognitionItem.class)
                .getResultList()) {
            entityManager.detach(item);
            items.put(item.code, item);
        }
        Map<String, List<RecognitionPolicy>> policies = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select region_code, version, effective_from, effective_to, title,"
                        + " cast(parameters as text) from recognition_policy")
                .getResultList();
        for (Object[] row : rows) {
            RecognitionPolicy policy = new RecognitionPolicy(
                    (String) row[0],
                    ((Number) row[1]).intValue(),
                    toLocalDate(row[2]),
                    row[3] == null ? null : toLocalDate(row[3]),
                    (String) row[4],
                    parameters((String) row[5]));
            policies.computeIfAbsent(policy.regionCode(), r -> new ArrayList<>())
                    .add(policy);
        }
        policies.values()
                .forEach(versions -> versions.sort(Comparator.comparing(RecognitionPolicy::effectiveFrom)
                        .thenComparing(RecognitionPolicy::version)
                        .reversed()));
        Map<String, List<QualityStatus>> quality = new HashMap<>();
        for (QualityStatus status : entityManager
                .createQuery("from QualityStatus order by recordedAt desc, id desc", QualityStatus.class)
                .getResultList()) {
            entityManager.detach(status);
            quality.computeIfAbsent(status.institutionCode + "|" + status.itemCode, k -> new ArrayList<>())
                    .add(status);
        }
        current = new Snapshot(Map.copyOf(items), Map.copyOf(policies), Map.copyOf(quality));
    }

    private RecognitionPolicy.Parameters parameters(String json) {
        try {
            return mapper.readValue(json, new TypeReference<RecognitionPolicy.Parameters>() {});
        } catch (Exception e) {
            throw new IllegalStateException("A recognition_policy row has parameters that do not parse: " + e, e);
        }
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
