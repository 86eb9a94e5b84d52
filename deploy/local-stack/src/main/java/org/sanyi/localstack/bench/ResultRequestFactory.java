package org.sanyi.localstack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.sanyi.kernel.PatientIdentifierSystem;

/**
 * Request bodies of {@code bench results} over the bulk-loaded persons: a recognition check of two items for a random
 * person by resident ID, ordered by a hospital of the seed, and batches of results to publish for random persons.
 * Built as text (codes, digits and times only, nothing to escape), so the load generator spends little CPU on them.
 * Thread-safe.
 */
public final class ResultRequestFactory {

    /** Hospitals that check before ordering: county and city hospitals of several counties. */
    static final List<String> ORDERERS = List.of("NDXP-H01", "ND-H01", "NDFA-H01", "NDGT-H01", "NDFD-H01", "NDJC-H01");

    /** Where published batches come from: labs of the seed (issuer = performer). */
    static final List<String> PUBLISHERS = List.of("NDXP-THC01", "NDXP-H01", "ND-H01", "NDFA-H01", "NDGT-H01");

    static final List<String> CONTEXTS = List.of("ROUTINE", "ROUTINE", "ROUTINE", "PRE_OPERATIVE", "EMERGENCY");

    private static final String RESIDENT_ID = PatientIdentifierSystem.RESIDENT_ID.uri();

    /** A planned request: who sends it and its JSON body. */
    public record Planned(String institution, byte[] body) {}

    private final long persons;
    private final String runTag;
    private final AtomicLong batches = new AtomicLong();

    /**
     * @param persons the bulk-loaded persons 0 … persons − 1 to pick from
     * @param runTag distinguishes this run's report ids from earlier runs' (visible ASCII, no spaces)
     */
    public ResultRequestFactory(long persons, String runTag) {
        if (persons < 1 || persons > SyntheticPersons.CAPACITY) {
            throw new IllegalArgumentException("persons must be 1 to " + SyntheticPersons.CAPACITY);
        }
        if (!runTag.matches("[A-Za-z0-9-]{1,20}")) {
            throw new IllegalArgumentException("run tag must be 1 to 20 letters, digits or dashes");
        }
        this.persons = persons;
        this.runTag = runTag;
    }

    /** {@code POST /v1/recognition-checks}: a random person, two distinct items of the bulk load. */
    public Planned nextCheck() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String residentId = SyntheticPersons.residentId(random.nextLong(persons));
        List<String> items = ResultBulkLoad.ITEMS;
        int first = random.nextInt(items.size());
        int second = (first + 1 + random.nextInt(items.size() - 1)) % items.size();
        String body = "{\"patient\":{\"identifiers\":[{\"system\":\"" + RESIDENT_ID + "\",\"value\":\"" + residentId
                + "\"}]},\"itemCodes\":[\"" + items.get(first) + "\",\"" + items.get(second)
                + "\"],\"clinicalContext\":\"" + CONTEXTS.get(random.nextInt(CONTEXTS.size())) + "\"}";
        return new Planned(ORDERERS.get(random.nextInt(ORDERERS.size())), body.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * {@code POST /v1/result-batches}: {@code size} 血常规 (LAB-CBC) results of random persons from one lab, each with
     * a report id unique to this run, taken up to a week ago and reported half an hour later (never in the future).
     */
    public Planned nextBatch(int size, Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long batch = batches.getAndIncrement();
        String issuer = PUBLISHERS.get((int) (batch % PUBLISHERS.size()));
        StringBuilder body = new StringBuilder(size * 420).append("{\"results\":[");
        Instant latest = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < size; i++) {
            Instant specimenAt = latest.minusSeconds(random.nextLong(7L * 24 * 3600));
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"reportId\":\"BATCH-")
                    .append(runTag)
                    .append('-')
                    .append(batch)
                    .append('-')
                    .append(i)
                    .append("\",\"patient\":{\"identifiers\":[{\"system\":\"")
                    .append(RESIDENT_ID)
                    .append("\",\"value\":\"")
                    .append(SyntheticPersons.residentId(random.nextLong(persons)))
                    .append("\"}]},\"itemCode\":\"LAB-CBC\",\"specimenAt\":\"")
                    .append(specimenAt)
                    .append("\",\"reportedAt\":\"")
                    .append(specimenAt.plus(Duration.ofMinutes(30)))
                    .append("\",\"observations\":[")
                    .append("{\"analyte\":\"WBC\",\"value\":")
                    .append((40 + random.nextInt(60)) / 10.0)
                    .append(",\"unit\":\"10*9/L\",\"referenceRange\":\"3.5-9.5\"},")
                    .append("{\"analyte\":\"HGB\",\"value\":")
                    .append(110 + random.nextInt(50))
                    .append(",\"unit\":\"g/L\",\"referenceRange\":\"115-150\"},")
                    .append("{\"analyte\":\"PLT\",\"value\":")
                    .append(150 + random.nextInt(200))
                    .append(",\"unit\":\"10*9/L\",\"referenceRange\":\"125-350\"}]}");
        }
        body.append("]}");
        return new Planned(issuer, body.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
