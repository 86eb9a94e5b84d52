package org.sanyi.imaging.infrastructure.dicom;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sanyi.imaging.application.NewStudy;
import org.sanyi.imaging.domain.Series;
import org.sanyi.imaging.infrastructure.dicom.DicomDataset.InvalidDicomJson;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.InvalidIdentifierException;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.PatientIdentifiers;

/**
 * Registrations from DICOM JSON as a PACS sends it (PS3.18 Annex F): study-, series- or instance-level data sets,
 * grouped by Study Instance UID. Series and instance counts come from the instances given, or from the Number of
 * … Related … attributes; the retrieval endpoint from RetrieveURL. PatientID is read under IssuerOfPatientID, which
 * names an identifier system of the exchange (its URI or name, e.g. RESIDENT_ID); without it, the resident ID.
 * OtherPatientIDsSequence adds the patient's other identifiers (a 医保 person code, say).
 */
public final class StudyDatasets {

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private StudyDatasets() {}

    public static List<NewStudy> registrations(List<DicomDataset> datasets, ZoneId zone) {
        Map<String, List<DicomDataset>> byStudy = new LinkedHashMap<>();
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < datasets.size(); i++) {
            DicomDataset dataset = datasets.get(i);
            String path = "[" + i + "]";
            String uid = required(dataset, DicomTag.STUDY_INSTANCE_UID, path);
            byStudy.computeIfAbsent(uid, key -> new ArrayList<>()).add(dataset);
            firstIndex.putIfAbsent(uid, i);
        }
        List<NewStudy> studies = new ArrayList<>();
        byStudy.forEach((uid, sets) -> studies.add(study(uid, sets, "[" + firstIndex.get(uid) + "]", zone)));
        return studies;
    }

    private static NewStudy study(String uid, List<DicomDataset> sets, String path, ZoneId zone) {
        DicomDataset first = sets.get(0);
        List<Identifier> identifiers = new ArrayList<>();
        identifiers.add(identifier(
                required(first, DicomTag.PATIENT_ID, path),
                first.string(DicomTag.ISSUER_OF_PATIENT_ID),
                path + "." + DicomTag.PATIENT_ID.tag()));
        // Other IDs under an issuer of the exchange join the person; a PACS's local numbers (another issuer) do not.
        for (DicomDataset other : first.sequence(DicomTag.OTHER_PATIENT_IDS_SEQUENCE)) {
            String otherPath = path + "." + DicomTag.OTHER_PATIENT_IDS_SEQUENCE.tag();
            Optional<String> issuer = other.string(DicomTag.ISSUER_OF_PATIENT_ID);
            Optional<String> value = other.string(DicomTag.PATIENT_ID);
            if (value.isPresent() && issuer.flatMap(StudyDatasets::knownSystem).isPresent()) {
                identifiers.add(identifier(value.get(), issuer, otherPath));
            }
        }
        LocalDate studyDate = date(required(first, DicomTag.STUDY_DATE, path), path + "." + DicomTag.STUDY_DATE.tag());
        Optional<String> studyTime = first.string(DicomTag.STUDY_TIME);
        LocalTime time = studyTime
                .map(tm -> time(tm, path + "." + DicomTag.STUDY_TIME.tag()))
                .orElse(LocalTime.MIDNIGHT);

        Map<String, SeriesCounter> series = new LinkedHashMap<>();
        for (DicomDataset set : sets) {
            Optional<String> seriesUid = set.string(DicomTag.SERIES_INSTANCE_UID);
            if (seriesUid.isEmpty()) {
                continue;
            }
            SeriesCounter counter = series.computeIfAbsent(seriesUid.get(), key -> new SeriesCounter(set, path));
            if (set.string(DicomTag.SOP_INSTANCE_UID).isPresent()) {
                counter.instances.add(set.string(DicomTag.SOP_INSTANCE_UID).get());
            }
        }
        List<Series> seriesList = series.entrySet().stream()
                .map(e -> e.getValue().series(e.getKey()))
                .toList();
        Set<String> modalities = new LinkedHashSet<>(first.strings(DicomTag.MODALITIES_IN_STUDY));
        seriesList.forEach(s -> {
            if (s.modality() != null) {
                modalities.add(s.modality());
            }
        });
        int seriesCount =
                first.integer(DicomTag.NUMBER_OF_STUDY_RELATED_SERIES, path).orElse(seriesList.size());
        int instanceCount = first.integer(DicomTag.NUMBER_OF_STUDY_RELATED_INSTANCES, path)
                .orElse(seriesList.stream().mapToInt(Series::instanceCount).sum());
        String bodyPart = first.string(DicomTag.BODY_PART_EXAMINED)
                .orElse(seriesList.stream()
                        .map(Series::bodyPart)
                        .filter(b -> b != null)
                        .findFirst()
                        .orElse(null));
        return new NewStudy(
                path + ".",
                uid,
                first.string(DicomTag.ACCESSION_NUMBER).orElse(null),
                identifiers,
                first.personName(DicomTag.PATIENT_NAME).orElse(null),
                first.string(DicomTag.PATIENT_BIRTH_DATE)
                        .map(da -> date(da, path + "." + DicomTag.PATIENT_BIRTH_DATE.tag()))
                        .orElse(null),
                first.string(DicomTag.PATIENT_SEX).orElse(null),
                LocalDateTime.of(studyDate, time).atZone(zone).toInstant(),
                studyTime.orElse(null),
                first.string(DicomTag.STUDY_ID).orElse(null),
                first.string(DicomTag.STUDY_DESCRIPTION).orElse(null),
                first.personName(DicomTag.REFERRING_PHYSICIAN_NAME)
                        .map(n -> n.alphabetic())
                        .orElse(null),
                List.copyOf(modalities),
                bodyPart,
                seriesList,
                seriesCount,
                instanceCount,
                null,
                retrieveBase(required(first, DicomTag.RETRIEVE_URL, path), uid, path),
                List.of(),
                null,
                null);
    }

    /** The WADO-RS base of a RetrieveURL: what comes before {@code /studies/{uid}}. */
    static String retrieveBase(String retrieveUrl, String studyUid, String path) {
        int at = retrieveUrl.indexOf("/studies/" + studyUid);
        if (at <= 0) {
            throw new InvalidDicomJson(
                    path + "." + DicomTag.RETRIEVE_URL.tag(), "RetrieveURL does not name the study (…/studies/{uid})");
        }
        return retrieveUrl.substring(0, at);
    }

    private static Identifier identifier(String value, Optional<String> issuer, String path) {
        PatientIdentifierSystem system = issuer.map(i -> systemOf(i, path)).orElse(PatientIdentifierSystem.RESIDENT_ID);
        try {
            return PatientIdentifiers.normalise(system.identifier(value));
        } catch (InvalidIdentifierException e) {
            throw new InvalidDicomJson(path, e.getMessage());
        }
    }

    /** The system an IssuerOfPatientID names: its URI or its name (RESIDENT_ID…). */
    public static Optional<PatientIdentifierSystem> knownSystem(String issuer) {
        return PatientIdentifierSystem.fromUri(issuer)
                .or(() -> java.util.Arrays.stream(PatientIdentifierSystem.values())
                        .filter(s -> s.name().equals(issuer))
                        .findFirst());
    }

    private static PatientIdentifierSystem systemOf(String issuer, String path) {
        return knownSystem(issuer)
                .orElseThrow(() -> new InvalidDicomJson(
                        path + "." + DicomTag.ISSUER_OF_PATIENT_ID.tag(),
                        "IssuerOfPatientID '" + issuer + "' names no identifier system of the exchange; use one of "
                                + java.util.Arrays.toString(PatientIdentifierSystem.values())));
    }

    private static String required(DicomDataset dataset, DicomTag tag, String path) {
        return dataset.string(tag)
                .orElseThrow(() ->
                        new InvalidDicomJson(path + "." + tag.tag(), tag.keyword() + " is required and has no Value"));
    }

    static LocalDate date(String da, String path) {
        try {
            return LocalDate.parse(da, DA);
        } catch (DateTimeParseException e) {
            throw new InvalidDicomJson(path, "'" + da + "' is not a DA value (YYYYMMDD)");
        }
    }

    static LocalTime time(String tm, String path) {
        if (!tm.matches("([01][0-9]|2[0-3])([0-5][0-9]([0-5][0-9](\\.[0-9]{1,6})?)?)?")) {
            throw new InvalidDicomJson(path, "'" + tm + "' is not a TM value (HHMMSS.FFFFFF)");
        }
        int hour = Integer.parseInt(tm.substring(0, 2));
        int minute = tm.length() >= 4 ? Integer.parseInt(tm.substring(2, 4)) : 0;
        int second = tm.length() >= 6 ? Integer.parseInt(tm.substring(4, 6)) : 0;
        return LocalTime.of(hour, minute, second);
    }

    private static final class SeriesCounter {
        final DicomDataset first;
        final String path;
        final Set<String> instances = new LinkedHashSet<>();

        SeriesCounter(DicomDataset first, String path) {
            this.first = first;
            this.path = path;
        }

        Series series(String uid) {
            int count = instances.isEmpty()
                    ? first.integer(DicomTag.NUMBER_OF_SERIES_RELATED_INSTANCES, path)
                            .orElse(0)
                    : instances.size();
            return new Series(
                    uid,
                    first.string(DicomTag.MODALITY).orElse(null),
                    first.integer(DicomTag.SERIES_NUMBER, path).orElse(null),
                    first.string(DicomTag.SERIES_DESCRIPTION).orElse(null),
                    first.string(DicomTag.BODY_PART_EXAMINED).orElse(null),
                    count);
        }
    }
}
