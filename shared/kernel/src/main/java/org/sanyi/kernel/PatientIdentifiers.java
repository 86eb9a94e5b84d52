package org.sanyi.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a patient identifier against the rules of its {@link PatientIdentifierSystem} and returns its canonical
 * form. Every service does this before it stores, compares or pseudonymises an identifier, so two spellings of one
 * number (a lower-case x, stray spaces around it) are one identifier everywhere.
 */
public final class PatientIdentifiers {

    private static final Pattern E_HEALTH_CARD = Pattern.compile("^[0-9A-F]{64}$");
    private static final Pattern INSURANCE_PERSON_CODE = Pattern.compile("^[0-9]{12,30}$");
    private static final Pattern PASSPORT_NUMBER = Pattern.compile("^[A-Z0-9]{5,20}$");
    private static final Set<String> ISO_ALPHA3_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    private PatientIdentifiers() {}

    /**
     * The canonical form of {@code identifier}.
     *
     * @throws InvalidIdentifierException when the system is unknown or the value breaks its rules; the message shows
     *     the value only masked
     */
    public static Identifier normalise(Identifier identifier) {
        if (identifier == null) {
            throw new InvalidIdentifierException(null, "A patient identifier is required");
        }
        PatientIdentifierSystem system = PatientIdentifierSystem.fromUri(identifier.system())
                .orElseThrow(() -> new InvalidIdentifierException(
                        null,
                        "Unknown patient identifier system '" + identifier.system() + "'; known systems: "
                                + Arrays.stream(PatientIdentifierSystem.values())
                                        .map(PatientIdentifierSystem::uri)
                                        .toList()));
        String value = identifier.value().strip().toUpperCase(Locale.ROOT);
        String normalised =
                switch (system) {
                    case RESIDENT_ID -> ResidentIdNumber.parse(value).value();
                    case E_HEALTH_CARD -> eHealthCard(value);
                    case INSURANCE_PERSON_CODE -> insurancePersonCode(value);
                    case PASSPORT -> passport(value);
                };
        return new Identifier(system.uri(), normalised);
    }

    private static String eHealthCard(String value) {
        if (!E_HEALTH_CARD.matcher(value).matches()) {
            throw invalid(
                    PatientIdentifierSystem.E_HEALTH_CARD,
                    "An e-health card ID is 64 hexadecimal characters; " + Masking.mask(value) + " has "
                            + value.length() + " characters" + (value.length() == 64 ? ", not all hexadecimal" : "")
                            + ". The card's rotating QR-code content is not an identifier");
        }
        return value;
    }

    private static String insurancePersonCode(String value) {
        if (!INSURANCE_PERSON_CODE.matcher(value).matches()) {
            throw invalid(
                    PatientIdentifierSystem.INSURANCE_PERSON_CODE,
                    "An insurance person code is 12 to 30 digits; " + Masking.mask(value) + " has " + value.length()
                            + " characters" + (value.chars().allMatch(Character::isDigit) ? "" : ", not all digits"));
        }
        if (!ChinaRegions.isProvincePrefix(value.substring(0, 2))) {
            throw invalid(
                    PatientIdentifierSystem.INSURANCE_PERSON_CODE,
                    "An insurance person code starts with a GB/T 2260 province code; " + Masking.mask(value)
                            + " does not");
        }
        return value;
    }

    private static String passport(String value) {
        int separator = value.indexOf(':');
        if (separator < 0 || separator != value.lastIndexOf(':')) {
            throw invalid(
                    PatientIdentifierSystem.PASSPORT,
                    "A passport identifier is <ISO 3166-1 alpha-3 country>:<number>, for example CHN:E12345678; "
                            + Masking.mask(value) + " has " + (separator < 0 ? "no" : "more than one") + " ':'");
        }
        String country = value.substring(0, separator);
        String number = value.substring(separator + 1);
        if (!ISO_ALPHA3_COUNTRIES.contains(country)) {
            throw invalid(
                    PatientIdentifierSystem.PASSPORT,
                    "The issuing country of a passport is an ISO 3166-1 alpha-3 code such as CHN; '"
                            + (country.length() <= 3 ? country : Masking.mask(country)) + "' is not one");
        }
        if (!PASSPORT_NUMBER.matcher(number).matches()) {
            throw invalid(
                    PatientIdentifierSystem.PASSPORT,
                    "A passport number is 5 to 20 letters or digits; " + Masking.mask(number) + " has "
                            + number.length() + " characters");
        }
        return country + ":" + number;
    }

    private static InvalidIdentifierException invalid(PatientIdentifierSystem system, String message) {
        return new InvalidIdentifierException(system.uri(), message);
    }
}
