package org.sanyi.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.sanyi.directory.domain.Institution;
import org.sanyi.directory.domain.MedicalGroup;
import org.sanyi.directory.infrastructure.persistence.InstitutionRepository;
import org.sanyi.directory.infrastructure.persistence.MedicalGroupRepository;
import org.sanyi.directory.infrastructure.persistence.PendingSnapshotRepository;
import org.sanyi.directory.infrastructure.persistence.PendingSnapshotRepository.PendingSnapshot;

/** Publishes snapshots outside the normal change path: all of them on request, or those migrations left pending. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Republisher {

    private static final Logger LOG = Logger.getLogger(Republisher.class);

    @Inject
    InstitutionRepository institutions;

    @Inject
    MedicalGroupRepository groups;

    @Inject
    PendingSnapshotRepository pending;

    @Inject
    SnapshotPublisher publisher;

    /**
     * A fresh event with the current snapshot of every institution and group, in one transaction: for a new
     * consumer, or after the topics were lost. Versions stay as they are, so consumers that keep the newest version
     * accept them and nothing new enters the history.
     *
     * <p>Every aggregate is read {@code for share}: a change waits until the republished snapshots are in the outbox,
     * and a change in flight is waited for, so the republished snapshot of a key never lands on the compacted topic
     * after a newer one.
     */
    public RepublishCount republishAll() {
        long institutionCount = 0;
        for (Institution institution :
                institutions.findAll().withLock(LockModeType.PESSIMISTIC_READ).list()) {
            publisher.republish(institution);
            institutionCount++;
        }
        long groupCount = 0;
        for (MedicalGroup group :
                groups.findAll().withLock(LockModeType.PESSIMISTIC_READ).list()) {
            publisher.republish(group);
            groupCount++;
        }
        LOG.infof("Republished %d institutions and %d medical groups", institutionCount, groupCount);
        return new RepublishCount(institutionCount, groupCount);
    }

    /**
     * Turns every aggregate a SQL migration changed (listed in {@code pending_snapshot}) into a history row and an
     * event, through the same code as an API change, and removes it from the list in the same transaction.
     */
    public int publishPending() {
        int published = 0;
        for (PendingSnapshot row : pending.takeAll()) {
            ChangeAuthor author = ChangeAuthor.migration(row.changedBy());
            switch (row.kind()) {
                case INSTITUTION ->
                    institutions
                            .findByIdOptional(row.aggregateId())
                            .ifPresentOrElse(
                                    institution -> publisher.recordChange(institution, author),
                                    () -> LOG.warnf("Pending snapshot of unknown institution %s", row.aggregateId()));
                case MEDICAL_GROUP ->
                    groups.findByIdOptional(row.aggregateId())
                            .ifPresentOrElse(
                                    group -> publisher.recordChange(group, author),
                                    () -> LOG.warnf("Pending snapshot of unknown medical group %s", row.aggregateId()));
            }
            published++;
        }
        if (published > 0) {
            LOG.infof("Published %d snapshots left pending by migrations", published);
        }
        return published;
    }

    public record RepublishCount(long institutions, long groups) {}
}
