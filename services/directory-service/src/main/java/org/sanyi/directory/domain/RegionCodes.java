package org.sanyi.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Objects;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;

/**
 * Where an institution is, as GB/T 2260-style codes nested province (xx0000) > city (xxxx00) > county (6 digits) >
 * township (9 digits, optional: hospitals above township level have none).
 */
@Embeddable
public class RegionCodes {

    @Column(name = "province_code", nullable = false)
    private String provinceCode;

    @Column(name = "city_code", nullable = false)
    private String cityCode;

    @Column(name = "county_code", nullable = false)
    private String countyCode;

    @Column(name = "township_code")
    private String townshipCode;

    protected RegionCodes() {}

    private RegionCodes(String provinceCode, String cityCode, String countyCode, String townshipCode) {
        this.provinceCode = provinceCode;
        this.cityCode = cityCode;
        this.countyCode = countyCode;
        this.townshipCode = townshipCode;
    }

    /**
     * Region codes whose syntax was checked by the caller; here only the nesting is checked.
     *
     * @throws ApiProblem {@link DirectoryProblem#REGION_INCONSISTENT} naming the first code outside its parent
     */
    public static RegionCodes of(String provinceCode, String cityCode, String countyCode, String townshipCode) {
        if (!cityCode.startsWith(provinceCode.substring(0, 2))) {
            throw inconsistent("region.cityCode", "city " + cityCode + " is not in province " + provinceCode);
        }
        if (!countyCode.startsWith(cityCode.substring(0, 4))) {
            throw inconsistent("region.countyCode", "county " + countyCode + " is not in city " + cityCode);
        }
        if (townshipCode != null && !townshipCode.startsWith(countyCode)) {
            throw inconsistent("region.townshipCode", "township " + townshipCode + " is not in county " + countyCode);
        }
        return new RegionCodes(provinceCode, cityCode, countyCode, townshipCode);
    }

    public String provinceCode() {
        return provinceCode;
    }

    public String cityCode() {
        return cityCode;
    }

    public String countyCode() {
        return countyCode;
    }

    public String townshipCode() {
        return townshipCode;
    }

    private static ApiProblem inconsistent(String field, String message) {
        return new ApiProblem(
                DirectoryProblem.REGION_INCONSISTENT,
                field + ": " + message,
                List.of(new FieldViolation(field, message)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegionCodes that
                && provinceCode.equals(that.provinceCode)
                && cityCode.equals(that.cityCode)
                && countyCode.equals(that.countyCode)
                && Objects.equals(townshipCode, that.townshipCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provinceCode, cityCode, countyCode, townshipCode);
    }
}
