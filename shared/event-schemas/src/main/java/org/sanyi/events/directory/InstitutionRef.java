package org.sanyi.events.directory;

/**
 * An institution in an event as the directory described it when the event happened: its code, care level and
 * county, so a consumer needs no directory look-up to count by level or county.
 */
public record InstitutionRef(String institutionCode, CareLevel level, String countyCode) {}
