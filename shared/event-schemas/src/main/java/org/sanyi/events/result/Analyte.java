package org.sanyi.events.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One analyte a lab item reports, with the UCUM units it may be reported in (QUANTITY only). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Analyte(String code, String name, String loinc, AnalyteType type, List<String> units) {

    public Analyte {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
