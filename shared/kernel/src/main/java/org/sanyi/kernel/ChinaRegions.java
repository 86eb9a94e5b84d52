package org.sanyi.kernel;

import java.util.Set;

/** Province-level codes of GB/T 2260, the first two digits of every region code. */
final class ChinaRegions {

    /**
     * 11-15 North, 21-23 North-east, 31-37 East, 41-46 Central-south, 50-54 South-west, 61-65 North-west, 71 Taiwan,
     * 81 Hong Kong, 82 Macao; 83 is used by residence permits for Taiwan residents (港澳台居民居住证).
     */
    private static final Set<String> PROVINCE_PREFIXES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");

    private ChinaRegions() {}

    static boolean isProvincePrefix(String twoDigits) {
        return PROVINCE_PREFIXES.contains(twoDigits);
    }
}
