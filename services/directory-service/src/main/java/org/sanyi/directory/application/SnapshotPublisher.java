package org.sanyi.directory.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sanyi.directory.domain.Institution;
import org.sanyi.directory.domain.MedicalGroup;
import org.sanyi.directory.infrastructure.persistence.HistoryRepository;
import org.sanyi.directory.infrastructure.persistence.HistoryRepository.AggregateKind;
import org.sanyi.events.EventType;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.platform.outbox.Outbox;

/**
 * Records a new version of an aggregate: its history row and its snapshot event, both in the caller's transaction,
 * so a version exists, is kept and is published together or not at all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SnapshotPublisher {

    @Inject
    Outbox outbox;

    @Inject
    HistoryRepository history;

    @Inject
    ObjectMapper mapper;

    /** A new version of {@code institution} (already flushed, so its version is final). */
    public InstitutionSnapshot recordChange(Institution institution, ChangeAuthor author) {
        InstitutionSnapshot snapshot = Snapshots.of(institution);
        history.record(
                AggregateKind.INSTITUTION,
                snapshot.code(),
                snapshot.version(),
                snapshot.updatedAt(),
                author.subject(),
                author.institutionCode(),
                json(snapshot));
        outbox.publish(EventType.INSTITUTION_UPSERTED, snapshot.code(), snapshot);
        return snapshot;
    }

    public MedicalGroupSnapshot recordChange(MedicalGroup group, ChangeAuthor author) {
        MedicalGroupSnapshot snapshot = Snapshots.of(group);
        history.record(
                AggregateKind.MEDICAL_GROUP,
                snapshot.id(),
                snapshot.version(),
                snapshot.updatedAt(),
                author.subject(),
                author.institutionCode(),
                json(snapshot));
        outbox.publish(EventType.MEDICAL_GROUP_UPSERTED, snapshot.id(), snapshot);
        return snapshot;
    }

    /** The current snapshot again, with no new version: for new consumers or after a topic was lost. */
    public void republish(Institution institution) {
        outbox.publish(EventType.INSTITUTION_UPSERTED, institution.code(), Snapshots.of(institution));
    }

    public void republish(MedicalGroup group) {
        outbox.publish(EventType.MEDICAL_GROUP_UPSERTED, group.id(), Snapshots.of(group));
    }

    private String json(Object snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A snapshot record cannot be serialised", e);
        }
    }
}
