package org.sanyi.directory.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sanyi.directory.api.dto.HistoryEntryView;
import org.sanyi.directory.infrastructure.persistence.HistoryRepository.HistoryEntry;

final class HistoryViews {

    private HistoryViews() {}

    static HistoryEntryView of(HistoryEntry entry, ObjectMapper mapper) {
        try {
            return new HistoryEntryView(
                    entry.version(),
                    entry.changedAt(),
                    entry.changedBySubject(),
                    entry.changedByInstitution(),
                    mapper.readTree(entry.snapshotJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A history row holds invalid JSON", e);
        }
    }
}
