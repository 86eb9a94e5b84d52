package org.sanyi.imaging.api.dicomweb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sanyi.imaging.domain.Series;
import org.sanyi.imaging.domain.Study;
import org.sanyi.imaging.infrastructure.dicom.DicomDataset;
import org.sanyi.imaging.infrastructure.dicom.DicomTag;
import org.sanyi.kernel.PatientIdentifierSystem;

/**
 * QIDO-RS results in the DICOM JSON model: the return attributes PS3.18 requires at each level (Table 10.6.3-3/-4:
 * the study's date, time, accession, availability, modalities, referring physician, RetrieveURL at the source,
 * patient name, ID, birth date and sex, UID, study ID and counts; the series' modality, description, RetrieveURL,
 * UID, number and count), every matched key, and what includefield asked for. Always UTF-8 (ISO_IR 192).
 */
final class QidoAnswers {

    static final Set<DicomTag> STUDY_DEFAULTS = Set.of(
            DicomTag.SPECIFIC_CHARACTER_SET,
            DicomTag.STUDY_DATE,
            DicomTag.STUDY_TIME,
            DicomTag.ACCESSION_NUMBER,
            DicomTag.INSTANCE_AVAILABILITY,
            DicomTag.MODALITIES_IN_STUDY,
            DicomTag.REFERRING_PHYSICIAN_NAME,
            DicomTag.RETRIEVE_URL,
            DicomTag.PATIENT_NAME,
            DicomTag.PATIENT_ID,
            DicomTag.PATIENT_BIRTH_DATE,
            DicomTag.PATIENT_SEX,
            DicomTag.STUDY_INSTANCE_UID,
            DicomTag.STUDY_ID,
            DicomTag.NUMBER_OF_STUDY_RELATED_SERIES,
            DicomTag.NUMBER_OF_STUDY_RELATED_INSTANCES);

    static final Set<DicomTag> SERIES_DEFAULTS = Set.of(
            DicomTag.SPECIFIC_CHARACTER_SET,
            DicomTag.MODALITY,
            DicomTag.SERIES_DESCRIPTION,
            DicomTag.RETRIEVE_URL,
            DicomTag.STUDY_INSTANCE_UID,
            DicomTag.SERIES_INSTANCE_UID,
            DicomTag.SERIES_NUMBER,
            DicomTag.NUMBER_OF_SERIES_RELATED_INSTANCES);

    /** Attributes includefield=all adds at study level: what the index keeps beyond the defaults. */
    private static final Set<DicomTag> STUDY_EXTRAS = Set.of(DicomTag.STUDY_DESCRIPTION, DicomTag.ISSUER_OF_PATIENT_ID);

    private static final Set<DicomTag> SERIES_EXTRAS = Set.of(DicomTag.BODY_PART_EXAMINED);

    private QidoAnswers() {}

    static ObjectNode study(Study study, QidoQuery query) {
        DicomDataset.Writer writer = new DicomDataset.Writer(tags(STUDY_DEFAULTS, STUDY_EXTRAS, query));
        writeStudy(writer, study);
        return writer.build();
    }

    /** @param withStudy {@code /series}: the study and patient attributes come with each series */
    static ObjectNode series(Study study, Series series, QidoQuery query, boolean withStudy) {
        Set<String> tags = tags(SERIES_DEFAULTS, SERIES_EXTRAS, query);
        // Within a study only the matched or named study attributes come along (the path's UID is matched).
        if (withStudy || query.includeAll()) {
            tags.addAll(tags(STUDY_DEFAULTS, STUDY_EXTRAS, query));
        }
        DicomDataset.Writer writer = new DicomDataset.Writer(tags);
        writeStudy(writer, study);
        writer.text(DicomTag.MODALITY, series.modality())
                .text(DicomTag.SERIES_DESCRIPTION, series.description())
                .text(DicomTag.RETRIEVE_URL, study.retrieveUrl() + "/series/" + series.seriesInstanceUid())
                .text(DicomTag.SERIES_INSTANCE_UID, series.seriesInstanceUid())
                .number(DicomTag.SERIES_NUMBER, series.seriesNumber())
                .number(DicomTag.NUMBER_OF_SERIES_RELATED_INSTANCES, series.instanceCount())
                .text(DicomTag.BODY_PART_EXAMINED, series.bodyPart());
        return writer.build();
    }

    private static void writeStudy(DicomDataset.Writer writer, Study study) {
        writer.text(DicomTag.SPECIFIC_CHARACTER_SET, "ISO_IR 192")
                .text(DicomTag.STUDY_DATE, study.studyDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
                .text(DicomTag.STUDY_TIME, study.studyTime)
                .text(DicomTag.ACCESSION_NUMBER, study.accessionNumber)
                .text(DicomTag.INSTANCE_AVAILABILITY, "ONLINE")
                .texts(DicomTag.MODALITIES_IN_STUDY, study.modalities)
                .personName(
                        DicomTag.REFERRING_PHYSICIAN_NAME,
                        study.referringPhysician == null
                                ? null
                                : new org.sanyi.imaging.domain.PersonName(study.referringPhysician, null, null))
                .text(DicomTag.RETRIEVE_URL, study.retrieveUrl())
                .personName(DicomTag.PATIENT_NAME, study.patientName)
                .text(DicomTag.PATIENT_ID, study.patientIdValue)
                .text(DicomTag.ISSUER_OF_PATIENT_ID, issuer(study.patientIdSystem))
                .text(
                        DicomTag.PATIENT_BIRTH_DATE,
                        study.patientBirthDate == null
                                ? null
                                : study.patientBirthDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
                .text(DicomTag.PATIENT_SEX, study.patientSex)
                .text(DicomTag.STUDY_INSTANCE_UID, study.studyUid)
                .text(DicomTag.STUDY_ID, study.dicomStudyId)
                .text(DicomTag.STUDY_DESCRIPTION, study.description)
                .number(DicomTag.NUMBER_OF_STUDY_RELATED_SERIES, study.seriesCount)
                .number(DicomTag.NUMBER_OF_STUDY_RELATED_INSTANCES, study.instanceCount);
    }

    private static String issuer(String system) {
        return PatientIdentifierSystem.fromUri(system)
                .map(PatientIdentifierSystem::uri)
                .orElse(system);
    }

    /** The defaults, the matched keys, what includefield named, and with includefield=all the extras. */
    private static Set<String> tags(Set<DicomTag> defaults, Set<DicomTag> extras, QidoQuery query) {
        return Stream.of(DicomTag.values())
                .filter(tag -> defaults.contains(tag)
                        || query.matched().contains(tag)
                        || query.included().contains(tag)
                        || query.includeAll() && extras.contains(tag))
                .map(DicomTag::tag)
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
