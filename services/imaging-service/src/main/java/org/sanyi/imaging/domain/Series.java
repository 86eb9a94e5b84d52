package org.sanyi.imaging.domain;

/** One series of a study, as the index keeps it (QIDO-RS series level). */
public record Series(
        String seriesInstanceUid,
        String modality,
        Integer seriesNumber,
        String description,
        String bodyPart,
        int instanceCount) {}
