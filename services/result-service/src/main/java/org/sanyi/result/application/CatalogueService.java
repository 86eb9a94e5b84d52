package org.sanyi.result.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.EventType;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.http.VersionPrecondition;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.result.domain.QualityStatus;
import org.sanyi.result.domain.RecognitionItem;
import org.sanyi.result.domain.RecognitionPolicy;
import org.sanyi.result.domain.ResultProblem;

/**
 * The recognition catalogue, the regional policies and the labs' quality status, maintained by platform
 * administrators and the 卫健委 (regulator). Every item change raises its version, keeps the former state in
 * history and is published on the compacted {@code result.catalogue.v1}.
 */
@ApplicationScoped
@Transactional
public class CatalogueService {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerContext callerContext;

    @Inject
    DirectoryReplica directory;

    public record ItemChange(RecognitionItem item, boolean created) {}

    /** Items whose latest version was never published (the seed at first start, a crash before the relay). */
    void publishPending(@Observes StartupEvent startup) {
        for (RecognitionItem item : entityManager
                .createQuery("from RecognitionItem where publishedVersion < version", RecognitionItem.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            publish(item);
        }
    }

    public List<RecognitionItem> items() {
        return entityManager
                .createQuery("from RecognitionItem order by kind, code", RecognitionItem.class)
                .getResultList();
    }

    public RecognitionItem item(String code) {
        RecognitionItem item = entityManager.find(RecognitionItem.class, code);
        if (item == null) {
            throw new ApiProblem(ResultProblem.CATALOGUE_ITEM_NOT_FOUND, "No catalogue item " + code);
        }
        return item;
    }

    /** Creates the item, or changes it when {@code expected} matches its version (If-Match). */
    public ItemChange put(String code, RecognitionItem wanted, VersionPrecondition expected) {
        RecognitionItem item = entityManager.find(RecognitionItem.class, code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = item == null;
        if (created) {
            expected.check("Catalogue item " + code, OptionalLong.empty());
            item = new RecognitionItem();
            item.code = code;
        } else {
            expected.check("Catalogue item " + code, OptionalLong.of(item.version));
            history(item);
        }
        item.name = wanted.name;
        item.kind = wanted.kind;
        item.category = wanted.category;
        item.loinc = wanted.loinc;
        item.modality = wanted.modality;
        item.validityDays = wanted.validityDays;
        item.referencePrice = wanted.referencePrice;
        item.requiresEqa = wanted.requiresEqa;
        item.largeEquipment = wanted.largeEquipment;
        item.analytes = wanted.analytes;
        item.active = wanted.active;
        item.updatedAt = Timestamps.now();
        item.updatedBy =
                callerContext.institutionCode() + "/" + callerContext.caller().subject();
        if (created) {
            entityManager.persist(item);
        }
        entityManager.flush();
        publish(item);
        return new ItemChange(item, created);
    }

    public QualityStatus recordQuality(
            String institutionCode, String itemCode, boolean passed, String scheme, LocalDate from, LocalDate to) {
        if (!directory.knows(institutionCode)) {
            throw new ApiProblem(
                    ResultProblem.UNKNOWN_INSTITUTION,
                    "Institution " + institutionCode + " is not in the regional directory",
                    List.of(new FieldViolation("institutionCode", "is not in the regional directory")));
        }
        item(itemCode);
        QualityStatus status = new QualityStatus();
        status.institutionCode = institutionCode;
        status.itemCode = itemCode;
        status.passed = passed;
        status.scheme = scheme;
        status.validFrom = from;
        status.validTo = to;
        status.recordedAt = Timestamps.now();
        status.recordedBy =
                callerContext.institutionCode() + "/" + callerContext.caller().subject();
        entityManager.persist(status);
        return status;
    }

    public List<QualityStatus> qualityOf(String institutionCode) {
        return entityManager
                .createQuery(
                        "from QualityStatus where institutionCode = :institution order by itemCode, validFrom desc",
                        QualityStatus.class)
                .setParameter("institution", institutionCode)
                .getResultList();
    }

    /** Adds the region's next policy version; the newest version in force on a date applies. */
    public RecognitionPolicy addPolicy(
            String regionCode, LocalDate from, LocalDate to, String title, RecognitionPolicy.Parameters parameters) {
        for (String itemCode : parameters.validityDays().keySet()) {
            item(itemCode);
        }
        Number latest = (Number) entityManager
                .createNativeQuery("select coalesce(max(version), 0) from recognition_policy where region_code = ?1")
                .setParameter(1, regionCode)
                .getSingleResult();
        int version = latest.intValue() + 1;
        try {
            entityManager
                    .createNativeQuery("insert into recognition_policy (region_code, version, effective_from,"
                            + " effective_to, title, parameters, created_at, created_by)"
                            + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, ?8)")
                    .setParameter(1, regionCode)
                    .setParameter(2, version)
                    .setParameter(3, from)
                    .setParameter(4, to)
                    .setParameter(5, title)
                    .setParameter(6, mapper.writeValueAsString(parameters))
                    .setParameter(7, Timestamp.from(Instant.now()))
                    .setParameter(
                            8,
                            callerContext.institutionCode() + "/"
                                    + callerContext.caller().subject())
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new RecognitionPolicy(regionCode, version, from, to, title, parameters);
    }

    private void publish(RecognitionItem item) {
        outbox.publish(EventType.RECOGNITION_ITEM_CHANGED, item.code, ResultEvents.of(item));
        // Not through the entity: a managed change would raise the optimistic-lock version it records.
        entityManager
                .createNativeQuery("update recognition_item set published_version = ?1 where code = ?2")
                .setParameter(1, item.version)
                .setParameter(2, item.code)
                .executeUpdate();
    }

    private void history(RecognitionItem item) {
        try {
            entityManager
                    .createNativeQuery("insert into recognition_item_history (code, version, item, changed_at,"
                            + " changed_by) values (?1, ?2, cast(?3 as jsonb), ?4, ?5)")
                    .setParameter(1, item.code)
                    .setParameter(2, item.version)
                    .setParameter(3, mapper.writeValueAsString(ResultEvents.of(item)))
                    .setParameter(4, Timestamp.from(item.updatedAt))
                    .setParameter(5, item.updatedBy)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
