package org.sanyi.localstack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.sanyi.kernel.PatientIdentifierSystem;

/**
 * Requests of {@code bench imaging} over the bulk-loaded studies: a QIDO-RS search for a random searched person by
 * resident ID, as the county hospital; and batches of new studies registered by the township centre, half of them of
 * bulk-loaded (known) patients other than the searched ones, half of patients the index has not seen. Built as text
 * (codes, digits and times only, nothing to escape), so the load generator spends little CPU on them. Thread-safe.
 */
public final class ImagingRequestFactory {

    /** The county hospital that searches: the lead of 霞浦's 医共体, which holds the searched persons' source. */
    public static final String SEARCHER = "NDXP-H01";

    /** The township centre that registers (the searched persons' source too). */
    public static final String REGISTRAR = ImagingBulkLoad.SEARCHED_SOURCE;

    /** Root of the UIDs of studies registered through the API ({@link ImagingBulkLoad#UID_ROOT} is the bulk's). */
    public static final String REGISTRATION_UID_ROOT = "1.2.156.112605.350999.2";

    static final String ISSUER = PatientIdentifierSystem.RESIDENT_ID.uri();
    static final String RETRIEVE_ENDPOINT = ImagingBulkLoad.retrieveBase(REGISTRAR);

    private final int searchablePersons;
    private final long persons;
    private final String runTag;
    private final AtomicLong batches = new AtomicLong();

    /**
     * @param searchablePersons searched persons 0 … n − 1 that have studies
     * @param persons the bulk-loaded persons 0 … persons − 1 (known patients for registrations)
     * @param runTag digits that make this run's Study Instance UIDs new (e.g. the epoch second), no leading zero
     */
    public ImagingRequestFactory(int searchablePersons, long persons, String runTag) {
        if (searchablePersons < 1 || searchablePersons > ImagingBulkLoad.SEARCHED_PERSONS) {
            throw new IllegalArgumentException("searchable persons must be 1 to " + ImagingBulkLoad.SEARCHED_PERSONS);
        }
        if (persons <= ImagingBulkLoad.SEARCHED_PERSONS || persons >= SyntheticPersons.CAPACITY) {
            throw new IllegalArgumentException("persons must be more than the searched ones and leave new ones");
        }
        if (!runTag.matches("[1-9][0-9]{0,15}")) {
            throw new IllegalArgumentException("run tag must be 1 to 16 digits without a leading zero");
        }
        this.searchablePersons = searchablePersons;
        this.persons = persons;
        this.runTag = runTag;
    }

    /** The path of a QIDO-RS Search for Studies of a random searched person. */
    public String nextSearchPath() {
        return searchPath(ThreadLocalRandom.current().nextInt(searchablePersons));
    }

    static String searchPath(long person) {
        return "/dicomweb/studies?PatientID=" + SyntheticPersons.residentId(person) + "&IssuerOfPatientID=" + ISSUER;
    }

    /**
     * {@code POST /v1/study-batches}: {@code size} studies with UIDs new to this run, one series each, acquired up to a
     * week ago (never in the future).
     */
    public byte[] nextBatch(int size, Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long batch = batches.getAndIncrement();
        StringBuilder body = new StringBuilder(size * 700).append("{\"studies\":[");
        Instant latest = now.minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < size; i++) {
            long person = i % 2 == 0
                    ? random.nextLong(ImagingBulkLoad.SEARCHED_PERSONS, persons)
                    : random.nextLong(persons, SyntheticPersons.CAPACITY);
            String residentId = SyntheticPersons.residentId(person);
            ImagingBulkLoad.Kind kind = ImagingBulkLoad.KINDS.get(random.nextInt(ImagingBulkLoad.KINDS.size()));
            String uid = REGISTRATION_UID_ROOT + "." + runTag + "." + batch + "." + i;
            Instant studyAt = latest.minusSeconds(random.nextLong(7L * 24 * 3600));
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"studyInstanceUid\":\"")
                    .append(uid)
                    .append("\",\"accessionNumber\":\"R")
                    .append(Long.toString(batch * size + i, 36))
                    .append("\",\"patient\":{\"identifiers\":[{\"system\":\"")
                    .append(ISSUER)
                    .append("\",\"value\":\"")
                    .append(residentId)
                    .append("\"}]},\"patientName\":{\"alphabetic\":\"Ceshi^Huanzhe")
                    .append(person)
                    .append("\",\"ideographic\":\"测试^患者")
                    .append(person)
                    .append("\"},\"patientBirthDate\":\"")
                    .append(birthDate(residentId))
                    .append("\",\"patientSex\":\"")
                    .append((residentId.charAt(16) - '0') % 2 == 1 ? 'M' : 'F')
                    .append("\",\"studyAt\":\"")
                    .append(studyAt)
                    .append("\",\"description\":\"")
                    .append(kind.description())
                    .append("\",\"bodyPart\":\"")
                    .append(kind.bodyPart())
                    .append("\",\"series\":[{\"seriesInstanceUid\":\"")
                    .append(uid)
                    .append(".1\",\"modality\":\"")
                    .append(kind.modality())
                    .append("\",\"seriesNumber\":1,\"bodyPart\":\"")
                    .append(kind.bodyPart())
                    .append("\",\"numberOfInstances\":")
                    .append(kind.instances())
                    .append("}],\"retrieveEndpoint\":\"")
                    .append(RETRIEVE_ENDPOINT)
                    .append("\"}");
        }
        body.append("]}");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static LocalDate birthDate(String residentId) {
        return LocalDate.of(
                Integer.parseInt(residentId.substring(6, 10)),
                Integer.parseInt(residentId.substring(10, 12)),
                Integer.parseInt(residentId.substring(12, 14)));
    }
}
