package org.sanyi.localstack.exchange;

/**
 * 医保个人编码 (person codes of the national healthcare-security platform) for synthetic patients, in the form the
 * exchange accepts: digits only, starting with the GB/T 2260 code of the pooling region. This launcher's codes are the
 * 6-digit region code, {@value #SYNTHETIC_MARK} and a 12-digit serial, 20 digits in all; the mark is a convention of
 * this launcher (so a synthetic code is recognisable as such), not an official one.
 */
public final class SyntheticInsuranceCodes {

    public static final String SYNTHETIC_MARK = "99";
    public static final long MAX_SERIAL = 999_999_999_999L;

    private SyntheticInsuranceCodes() {}

    /**
     * @param poolingRegion 6-digit GB/T 2260 code of the pooling region (统筹区), e.g. {@code 350900} for 宁德市
     * @param serial 0 to {@value #MAX_SERIAL}; the same serial gives the same code, so a patient keeps one code across
     *     runs (a person holds one insurance code: a second one is refused as an identity conflict)
     */
    public static String of(String poolingRegion, long serial) {
        if (poolingRegion == null || !poolingRegion.matches("[1-9][0-9]{5}")) {
            throw new IllegalArgumentException("pooling region must be a 6-digit region code");
        }
        if (serial < 0 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial must be 0 to " + MAX_SERIAL);
        }
        return poolingRegion + SYNTHETIC_MARK + String.format("%012d", serial);
    }
}
