package org.sanyi.imaging.infrastructure.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.sanyi.imaging.application.Actor;
import org.sanyi.imaging.application.StudyRegistry;
import org.sanyi.imaging.config.ImagingConfig;
import org.sanyi.imaging.infrastructure.dicom.DicomDataset;
import org.sanyi.imaging.infrastructure.dicom.DicomTag;
import org.sanyi.imaging.infrastructure.dicom.StudyDatasets;
import org.sanyi.imaging.infrastructure.persistence.StudyRepository;
import org.sanyi.platform.audit.PurposeOfUse;
import org.sanyi.platform.security.Caller;
import org.sanyi.platform.security.Role;

/**
 * The 前置机 pattern for a PACS that cannot push: its own QIDO-RS is polled for studies from the high-water mark (the
 * latest study date seen) minus a look-back, since QIDO-RS offers no "changed since" and a PACS files some studies
 * days after they were made; the first poll reads everything. Each study's series are read, and the
 * whole is registered like a push registration. Registration is idempotent by Study Instance UID, so a study seen
 * again is unchanged and nothing is duplicated. Studies are registered in the polled institution's name.
 */
@ApplicationScoped
public class SourcePoller {

    private static final Logger LOG = Logger.getLogger(SourcePoller.class);
    private static final int PAGE = 100;
    private static final String STUDY_FIELDS = "includefield=00081030&includefield=00100021&includefield=00101002";

    @Inject
    StudyRegistry registry;

    @Inject
    StudyRepository repository;

    @Inject
    ImagingConfig config;

    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** What one poll of a source did. */
    public record Poll(int studiesSeen, int created, int updated, int unchanged, LocalDate highWaterMark) {}

    @Scheduled(
            every = "${sanyi.imaging.sources.poll-interval}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollConfiguredSources() {
        for (String source : config.sources().poll().orElse(List.of())) {
            int at = source.indexOf('=');
            if (at <= 0) {
                LOG.warnf("sanyi.imaging.sources.poll entry '%s' is not CODE=URL; skipped", source);
                continue;
            }
            String code = source.substring(0, at).trim();
            try {
                poll(code, source.substring(at + 1).trim());
            } catch (RuntimeException | IOException e) {
                LOG.warnf("Polling %s failed: %s", code, e.getMessage());
                recordError(code, source.substring(at + 1).trim(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Polls {@code baseUrl} (the PACS's DICOMweb root) for studies of institution {@code sourceCode}. */
    public Poll poll(String sourceCode, String baseUrl) throws IOException, InterruptedException {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        Optional<LocalDate> mark = highWaterMark(sourceCode);
        String dateKey = mark.map(d -> "&StudyDate="
                        + d.minus(config.sources().lookback()).format(DateTimeFormatter.BASIC_ISO_DATE) + "-")
                .orElse("");
        Actor actor =
                new Actor(new Caller(sourceCode, Role.HOSPITAL, "imaging-service/source-poll"), PurposeOfUse.HOPERAT);
        int seen = 0;
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        LocalDate latest = mark.orElse(null);
        for (int offset = 0; ; offset += PAGE) {
            JsonNode studies =
                    get(base + "/studies?" + STUDY_FIELDS + dateKey + "&limit=" + PAGE + "&offset=" + offset);
            LOG.debugf("%s: %d studies at offset %d (%s)", sourceCode, studies.size(), offset, dateKey);
            if (studies.isEmpty()) {
                break;
            }
            // Each study's data sets: the study's own, then its series'.
            List<List<DicomDataset>> pageStudies = new ArrayList<>();
            for (int i = 0; i < studies.size(); i++) {
                DicomDataset study = DicomDataset.read(studies.get(i), "[" + i + "]");
                List<DicomDataset> datasets = new ArrayList<>();
                pageStudies.add(datasets);
                datasets.add(study);
                String uid = study.string(DicomTag.STUDY_INSTANCE_UID).orElseThrow();
                JsonNode series = get(base + "/studies/" + uid + "/series?includefield=00180015");
                for (int s = 0; s < series.size(); s++) {
                    datasets.add(withStudyUid(series.get(s), uid, "[" + i + "].series[" + s + "]"));
                }
                Optional<String> date = study.string(DicomTag.STUDY_DATE);
                if (date.isPresent()) {
                    LocalDate studyDate = LocalDate.parse(date.get(), DateTimeFormatter.BASIC_ISO_DATE);
                    latest = latest == null || studyDate.isAfter(latest) ? studyDate : latest;
                }
            }
            for (StudyRegistry.Registered registered : register(actor, pageStudies)) {
                switch (registered.outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
            seen += studies.size();
            if (studies.size() < PAGE) {
                break;
            }
        }
        saveMark(sourceCode, base, latest);
        LOG.infof(
                "Polled %s: %d studies, %d new, %d updated, %d unchanged",
                sourceCode, seen, created, updated, unchanged);
        return new Poll(seen, created, updated, unchanged, latest);
    }

    /**
     * Registers a page in one batch; when the PACS holds a study the index refuses (no StudyDate, a local patient
     * number), the page is registered study by study so that one bad study does not hold back the others.
     */
    private List<StudyRegistry.Registered> register(Actor actor, List<List<DicomDataset>> pageStudies) {
        try {
            return registry.registerAll(
                    actor,
                    StudyDatasets.registrations(
                            pageStudies.stream().flatMap(List::stream).toList(), config.zone()));
        } catch (RuntimeException batchRefused) {
            List<StudyRegistry.Registered> registered = new ArrayList<>();
            for (List<DicomDataset> study : pageStudies) {
                try {
                    registered.addAll(registry.registerAll(actor, StudyDatasets.registrations(study, config.zone())));
                } catch (RuntimeException refused) {
                    LOG.warnf(
                            "Study %s of %s not registered: %s",
                            study.get(0).string(DicomTag.STUDY_INSTANCE_UID).orElse("?"),
                            actor.institutionCode(),
                            refused.getMessage());
                }
            }
            return registered;
        }
    }

    /** A series data set carries its study's UID (PS3.18 leaves it out within a study). */
    private DicomDataset withStudyUid(JsonNode series, String studyUid, String path) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = series.deepCopy();
        copy.putObject(DicomTag.STUDY_INSTANCE_UID.tag())
                .put("vr", "UI")
                .putArray("Value")
                .add(studyUid);
        return DicomDataset.read(copy, path);
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/dicom+json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 204) {
            return mapper.createArrayNode();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return mapper.readTree(response.body());
    }

    private Optional<LocalDate> highWaterMark(String sourceCode) {
        return QuarkusTransaction.requiringNew()
                .call(() -> repository.work(connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "select last_seen_date from source_poll where source_code = ?")) {
                        statement.setString(1, sourceCode);
                        try (ResultSet rows = statement.executeQuery()) {
                            return rows.next() && rows.getDate(1) != null
                                    ? Optional.of(rows.getDate(1).toLocalDate())
                                    : Optional.<LocalDate>empty();
                        }
                    }
                }));
    }

    private void saveMark(String sourceCode, String base, LocalDate latest) {
        QuarkusTransaction.requiringNew()
                .run(() -> repository.work(connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "insert into source_poll (source_code,"
                                    + " base_url, last_seen_date, last_polled_at, last_error) values (?, ?, ?, ?, null)"
                                    + " on conflict (source_code) do update set base_url = excluded.base_url, last_seen_date ="
                                    + " excluded.last_seen_date, last_polled_at = excluded.last_polled_at, last_error = null")) {
                        statement.setString(1, sourceCode);
                        statement.setString(2, base);
                        statement.setDate(3, latest == null ? null : Date.valueOf(latest));
                        statement.setTimestamp(4, Timestamp.from(Instant.now()));
                        return statement.executeUpdate();
                    }
                }));
    }

    private void recordError(String sourceCode, String base, String error) {
        QuarkusTransaction.requiringNew()
                .run(() -> repository.work(connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "insert into source_poll (source_code,"
                                    + " base_url, last_polled_at, last_error) values (?, ?, ?, ?) on conflict (source_code) do update"
                                    + " set last_polled_at = excluded.last_polled_at, last_error = excluded.last_error")) {
                        statement.setString(1, sourceCode);
                        statement.setString(2, base);
                        statement.setTimestamp(3, Timestamp.from(Instant.now()));
                        statement.setString(4, error);
                        return statement.executeUpdate();
                    }
                }));
    }
}
