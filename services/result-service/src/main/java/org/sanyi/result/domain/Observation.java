package org.sanyi.result.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One analyte's value in a lab result (FHIR Observation): a number with its UCUM unit, or a coded or text value.
 *
 * @param abnormalFlag HL7 v2 interpretation: N, L, H, LL, HH or A
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Observation(String analyte, JsonNode value, String unit, String referenceRange, String abnormalFlag) {}
