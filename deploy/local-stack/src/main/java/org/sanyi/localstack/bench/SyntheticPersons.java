package org.sanyi.localstack.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.sanyi.kernel.ResidentIdNumber;

/**
 * The synthetic persons of {@code bench results}, numbered 0, 1, 2…: person n has one resident ID number
 * (GB 11643-1999, check character by {@link ResidentIdNumber#checkCharacter}) of a 宁德 county other than 霞浦 (the
 * demo patient's), born 1930–2005, with a sequence code 996–999, which is reserved for centenarians: paired with a
 * birth date that makes the holder younger than 100, no such number is ever issued, so no synthetic person is a real
 * one. The numbering is fixed, so a later run finds the persons an earlier run loaded.
 */
public final class SyntheticPersons {

    /** The bulk load gives each person this many results (spread over the items). */
    public static final int RESULTS_PER_PERSON = 100;

    /** 蕉城区, 古田县, 屏南县, 寿宁县, 周宁县, 柘荣县, 福安市, 福鼎市. */
    public static final List<String> REGIONS =
            List.of("350902", "350922", "350923", "350924", "350925", "350926", "350981", "350982");

    static final int FIRST_RESERVED_SEQUENCE = 996;
    static final int RESERVED_SEQUENCES = 4;
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1930, 1, 1);
    private static final long BIRTH_DATES = ChronoUnit.DAYS.between(FIRST_BIRTH_DATE, LocalDate.of(2006, 1, 1));
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** How many distinct persons the numbering has. */
    public static final long CAPACITY = BIRTH_DATES * RESERVED_SEQUENCES * REGIONS.size();

    private SyntheticPersons() {}

    /** Persons for {@code results} results: one per {@value #RESULTS_PER_PERSON}, rounded up. */
    public static long forResults(long results) {
        long persons = (results + RESULTS_PER_PERSON - 1) / RESULTS_PER_PERSON;
        if (persons < 1 || persons > CAPACITY) {
            throw new IllegalArgumentException("between 1 and " + CAPACITY * RESULTS_PER_PERSON + " results");
        }
        return persons;
    }

    /** The resident ID number of person {@code n} (0 ≤ n < {@link #CAPACITY}). */
    public static String residentId(long n) {
        if (n < 0 || n >= CAPACITY) {
            throw new IllegalArgumentException("person number must be 0 to " + (CAPACITY - 1));
        }
        String region = REGIONS.get((int) (n % REGIONS.size()));
        long inRegion = n / REGIONS.size();
        LocalDate birthDate = FIRST_BIRTH_DATE.plusDays(inRegion / RESERVED_SEQUENCES);
        int sequence = FIRST_RESERVED_SEQUENCE + (int) (inRegion % RESERVED_SEQUENCES);
        String first17 = region + BASIC_DATE.format(birthDate) + sequence;
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /**
     * The person row id the bulk load gives person {@code n} (a name-based UUID, so a repeated load writes the same
     * row). A person the service created first keeps its own id; the load then uses that one.
     */
    public static UUID personId(long n) {
        return UUID.nameUUIDFromBytes(("sanyi-bench-person|" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
