package org.sanyi.imaging.api.dicomweb;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sanyi.imaging.application.StudyFilter;
import org.sanyi.imaging.domain.ImagingProblem;
import org.sanyi.imaging.infrastructure.dicom.DicomTag;
import org.sanyi.imaging.infrastructure.dicom.StudyDatasets;
import org.sanyi.kernel.DicomUid;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.InvalidIdentifierException;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.PatientIdentifiers;
import org.sanyi.platform.problem.ApiProblem;

/**
 * A QIDO-RS query (PS3.18 §8.3.4, §10.6) read from the query string: matching keys by keyword or tag, {@code
 * includefield}, {@code limit}, {@code offset}, {@code fuzzymatching}. A key the index cannot match on, a malformed
 * value, a date range the wrong way round or a limit out of 1…200 is a 400 with a problem body.
 */
public record QidoQuery(
        List<Identifier> patient,
        StudyFilter filter,
        Set<DicomTag> matched,
        Set<DicomTag> included,
        boolean includeAll,
        int limit,
        int offset,
        boolean fuzzyRequested) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 100;

    private static final Set<String> RESERVED = Set.of("includefield", "limit", "offset", "fuzzymatching");

    private static final Set<DicomTag> STUDY_KEYS = Set.of(
            DicomTag.PATIENT_ID,
            DicomTag.ISSUER_OF_PATIENT_ID,
            DicomTag.STUDY_DATE,
            DicomTag.STUDY_INSTANCE_UID,
            DicomTag.MODALITIES_IN_STUDY,
            DicomTag.ACCESSION_NUMBER,
            DicomTag.STUDY_DESCRIPTION);
    private static final Set<DicomTag> SERIES_KEYS = Set.of(DicomTag.SERIES_INSTANCE_UID, DicomTag.MODALITY);

    /**
     * @param seriesLevel a series search (its own keys and, for {@code /series}, the study keys too)
     * @param studyInPath the study of {@code /studies/{uid}/series}, or null
     */
    public static QidoQuery parse(MultivaluedMap<String, String> parameters, boolean seriesLevel, String studyInPath) {
        Set<DicomTag> keys = new LinkedHashSet<>(STUDY_KEYS);
        if (seriesLevel) {
            keys.addAll(SERIES_KEYS);
        }
        Map<DicomTag, String> values = new java.util.EnumMap<>(DicomTag.class);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (RESERVED.contains(name)) {
                continue;
            }
            if (!DicomTag.isAttributeId(name)) {
                throw invalid("'" + name + "' is neither a DICOM attribute (keyword or tag) nor a QIDO-RS parameter");
            }
            DicomTag tag = DicomTag.byName(name)
                    .filter(keys::contains)
                    .orElseThrow(() -> invalid("'" + name + "' is not a matching key of this search; supported: "
                            + keys.stream().map(DicomTag::keyword).toList()));
            if (parameter.getValue().size() > 1 || values.containsKey(tag)) {
                throw invalid(tag.keyword() + " is given more than once");
            }
            values.put(tag, parameter.getValue().get(0));
        }
        if (studyInPath != null) {
            values.put(DicomTag.STUDY_INSTANCE_UID, studyInPath);
        }

        List<Identifier> patient = List.of();
        String patientId = nonEmpty(values.get(DicomTag.PATIENT_ID));
        String issuer = nonEmpty(values.get(DicomTag.ISSUER_OF_PATIENT_ID));
        if (patientId != null) {
            if (patientId.contains("*") || patientId.contains("?")) {
                throw invalid("PatientID is matched exactly; wildcards are refused");
            }
            PatientIdentifierSystem system = issuer == null ? PatientIdentifierSystem.RESIDENT_ID : system(issuer);
            try {
                patient = List.of(PatientIdentifiers.normalise(system.identifier(patientId)));
            } catch (InvalidIdentifierException e) {
                throw invalid("PatientID: " + e.getMessage());
            }
        } else if (issuer != null) {
            throw invalid("IssuerOfPatientID is given only with PatientID");
        }

        LocalDate[] range = dateRange(nonEmpty(values.get(DicomTag.STUDY_DATE)));
        List<String> uids = list(values.get(DicomTag.STUDY_INSTANCE_UID));
        uids.forEach(uid -> requireUid(uid, "StudyInstanceUID"));
        List<String> modalities = list(values.get(DicomTag.MODALITIES_IN_STUDY));
        modalities.forEach(QidoQuery::requireCode);
        String seriesUid = nonEmpty(values.get(DicomTag.SERIES_INSTANCE_UID));
        if (seriesUid != null) {
            requireUid(seriesUid, "SeriesInstanceUID");
        }
        String modality = nonEmpty(values.get(DicomTag.MODALITY));
        if (modality != null) {
            requireCode(modality);
        }
        StudyFilter filter = new StudyFilter(
                uids,
                range[0],
                range[1],
                modalities,
                exact(values.get(DicomTag.ACCESSION_NUMBER), "AccessionNumber"),
                likePattern(nonEmpty(values.get(DicomTag.STUDY_DESCRIPTION))),
                seriesUid,
                modality);

        Set<DicomTag> included = new LinkedHashSet<>();
        boolean all = false;
        for (String field : parameters.getOrDefault("includefield", List.of())) {
            for (String id : field.split(",")) {
                String trimmed = id.trim();
                if (trimmed.equalsIgnoreCase("all")) {
                    all = true;
                } else if (!DicomTag.isAttributeId(trimmed)) {
                    throw invalid("includefield '" + trimmed + "' is neither 'all' nor a DICOM attribute");
                } else {
                    // An attribute the index does not keep has no value to return; it is not an error.
                    DicomTag.byName(trimmed).ifPresent(included::add);
                }
            }
        }
        int limit = integer(parameters.getFirst("limit"), "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit must lie between 1 and " + MAX_LIMIT);
        }
        int offset = integer(parameters.getFirst("offset"), "offset", 0);
        if (offset < 0) {
            throw invalid("offset must not be negative");
        }
        String fuzzy = parameters.getFirst("fuzzymatching");
        if (fuzzy != null && !fuzzy.equals("true") && !fuzzy.equals("false")) {
            throw invalid("fuzzymatching is true or false");
        }
        return new QidoQuery(patient, filter, values.keySet(), included, all, limit, offset, "true".equals(fuzzy));
    }

    private static PatientIdentifierSystem system(String issuer) {
        return StudyDatasets.knownSystem(issuer)
                .orElseThrow(() -> invalid("IssuerOfPatientID '" + issuer + "' names no identifier system; use one of "
                        + Arrays.stream(PatientIdentifierSystem.values())
                                .map(PatientIdentifierSystem::uri)
                                .collect(Collectors.joining(", "))));
    }

    /** A DA value or range: {@code d}, {@code d1-d2}, {@code d1-}, {@code -d2}. */
    static LocalDate[] dateRange(String value) {
        if (value == null) {
            return new LocalDate[2];
        }
        if (!value.matches("[0-9]{8}|[0-9]{8}-|-[0-9]{8}|[0-9]{8}-[0-9]{8}")) {
            throw invalid("StudyDate '" + value + "' is not YYYYMMDD or a range YYYYMMDD-YYYYMMDD");
        }
        int dash = value.indexOf('-');
        LocalDate from = dash == 0 ? null : date(dash < 0 ? value : value.substring(0, dash));
        LocalDate to = dash < 0 ? from : dash == value.length() - 1 ? null : date(value.substring(dash + 1));
        if (from != null && to != null && from.isAfter(to)) {
            throw invalid("StudyDate range " + value + " ends before it begins");
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(String da) {
        try {
            return LocalDate.parse(da, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid("'" + da + "' is not a date");
        }
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split("[,\\\\]")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static void requireUid(String uid, String keyword) {
        if (!DicomUid.isValid(uid)) {
            throw invalid(keyword + " '" + uid + "' is not a valid DICOM UID");
        }
    }

    private static void requireCode(String code) {
        if (!code.matches("[A-Z0-9]{1,16}")) {
            throw invalid("'" + code + "' is not a modality code");
        }
    }

    private static String exact(String value, String keyword) {
        String text = nonEmpty(value);
        if (text != null && (text.contains("*") || text.contains("?"))) {
            throw invalid(keyword + " is matched exactly; wildcards are refused");
        }
        return text;
    }

    /** QIDO wildcards ({@code *} any run, {@code ?} one character) as a LIKE pattern; LIKE's own escaped. */
    static String likePattern(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder pattern = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> pattern.append('%');
                case '?' -> pattern.append('_');
                case '%', '_', '\\' -> pattern.append('\\').append(c);
                default -> pattern.append(c);
            }
        }
        return pattern.toString();
    }

    private static int integer(String value, String name, int whenAbsent) {
        if (value == null || value.isEmpty()) {
            return whenAbsent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name + " '" + value + "' is not an integer");
        }
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static ApiProblem invalid(String detail) {
        return new ApiProblem(ImagingProblem.INVALID_QUERY, detail);
    }
}
