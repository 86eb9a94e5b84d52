package org.sanyi.imaging.infrastructure.dicom;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DICOM attributes the index reads, matches on and returns (PS3.6 tag, keyword, VR), with the QIDO-RS level they
 * belong to. A query or includefield may name an attribute by keyword or by its eight hex digits.
 */
public enum DicomTag {
    SPECIFIC_CHARACTER_SET("00080005", "SpecificCharacterSet", "CS", Level.NONE),
    SOP_CLASS_UID("00080016", "SOPClassUID", "UI", Level.INSTANCE),
    SOP_INSTANCE_UID("00080018", "SOPInstanceUID", "UI", Level.INSTANCE),
    STUDY_DATE("00080020", "StudyDate", "DA", Level.STUDY),
    SERIES_DATE("00080021", "SeriesDate", "DA", Level.SERIES),
    STUDY_TIME("00080030", "StudyTime", "TM", Level.STUDY),
    ACCESSION_NUMBER("00080050", "AccessionNumber", "SH", Level.STUDY),
    INSTANCE_AVAILABILITY("00080056", "InstanceAvailability", "CS", Level.STUDY),
    MODALITY("00080060", "Modality", "CS", Level.SERIES),
    MODALITIES_IN_STUDY("00080061", "ModalitiesInStudy", "CS", Level.STUDY),
    REFERRING_PHYSICIAN_NAME("00080090", "ReferringPhysicianName", "PN", Level.STUDY),
    STUDY_DESCRIPTION("00081030", "StudyDescription", "LO", Level.STUDY),
    SERIES_DESCRIPTION("0008103E", "SeriesDescription", "LO", Level.SERIES),
    RETRIEVE_URL("00081190", "RetrieveURL", "UR", Level.NONE),
    PATIENT_NAME("00100010", "PatientName", "PN", Level.PATIENT),
    PATIENT_ID("00100020", "PatientID", "LO", Level.PATIENT),
    ISSUER_OF_PATIENT_ID("00100021", "IssuerOfPatientID", "LO", Level.PATIENT),
    PATIENT_BIRTH_DATE("00100030", "PatientBirthDate", "DA", Level.PATIENT),
    PATIENT_SEX("00100040", "PatientSex", "CS", Level.PATIENT),
    OTHER_PATIENT_IDS_SEQUENCE("00101002", "OtherPatientIDsSequence", "SQ", Level.PATIENT),
    BODY_PART_EXAMINED("00180015", "BodyPartExamined", "CS", Level.SERIES),
    STUDY_INSTANCE_UID("0020000D", "StudyInstanceUID", "UI", Level.STUDY),
    SERIES_INSTANCE_UID("0020000E", "SeriesInstanceUID", "UI", Level.SERIES),
    STUDY_ID("00200010", "StudyID", "SH", Level.STUDY),
    SERIES_NUMBER("00200011", "SeriesNumber", "IS", Level.SERIES),
    NUMBER_OF_STUDY_RELATED_SERIES("00201206", "NumberOfStudyRelatedSeries", "IS", Level.STUDY),
    NUMBER_OF_STUDY_RELATED_INSTANCES("00201208", "NumberOfStudyRelatedInstances", "IS", Level.STUDY),
    NUMBER_OF_SERIES_RELATED_INSTANCES("00201209", "NumberOfSeriesRelatedInstances", "IS", Level.SERIES);

    /** The QIDO-RS level an attribute belongs to (PS3.18 Table 10.6.3-x); NONE: at every level. */
    public enum Level {
        PATIENT,
        STUDY,
        SERIES,
        INSTANCE,
        NONE
    }

    private static final Map<String, DicomTag> BY_TAG =
            Arrays.stream(values()).collect(Collectors.toMap(DicomTag::tag, Function.identity()));
    private static final Map<String, DicomTag> BY_KEYWORD =
            Arrays.stream(values()).collect(Collectors.toMap(DicomTag::keyword, Function.identity()));

    private final String tag;
    private final String keyword;
    private final String vr;
    private final Level level;

    DicomTag(String tag, String keyword, String vr, Level level) {
        this.tag = tag;
        this.keyword = keyword;
        this.vr = vr;
        this.level = level;
    }

    public String tag() {
        return tag;
    }

    public String keyword() {
        return keyword;
    }

    public String vr() {
        return vr;
    }

    public Level level() {
        return level;
    }

    public static Optional<DicomTag> byTag(String tag) {
        return Optional.ofNullable(BY_TAG.get(tag.toUpperCase(Locale.ROOT)));
    }

    /** By keyword ({@code StudyDate}) or tag ({@code 00080020}). */
    public static Optional<DicomTag> byName(String attributeId) {
        DicomTag byKeyword = BY_KEYWORD.get(attributeId);
        return byKeyword != null ? Optional.of(byKeyword) : byTag(attributeId);
    }

    /** A well-formed attribute id: eight hex digits or a keyword of letters and digits. */
    public static boolean isAttributeId(String attributeId) {
        return attributeId.matches("[0-9A-Fa-f]{8}") || attributeId.matches("[A-Z][A-Za-z0-9]{1,63}");
    }
}
