package org.sanyi.imaging.application;

import java.time.LocalDate;
import java.util.List;

/**
 * The matching part of a search, from QIDO-RS keys or the plain search: every condition given must hold.
 *
 * @param descriptionPattern StudyDescription as a SQL LIKE pattern (QIDO wildcards translated), case-insensitive
 * @param modalities a study matches when one of its modalities is listed (ModalitiesInStudy)
 * @param seriesUid / seriesModality: the study has such a series (series-level keys)
 */
public record StudyFilter(
        List<String> studyUids,
        LocalDate dateFrom,
        LocalDate dateTo,
        List<String> modalities,
        String accessionNumber,
        String descriptionPattern,
        String seriesUid,
        String seriesModality) {

    public static final StudyFilter ANY = new StudyFilter(List.of(), null, null, List.of(), null, null, null, null);

    public StudyFilter {
        studyUids = studyUids == null ? List.of() : List.copyOf(studyUids);
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
    }
}
