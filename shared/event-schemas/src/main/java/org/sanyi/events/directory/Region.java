package org.sanyi.events.directory;

/**
 * Administrative region of an institution as GB/T 2260 style codes: province (2 digits + 0000), city (4 + 00),
 * county (6 digits) and township (9 digits, optional). Village clinics name their township.
 */
public record Region(String provinceCode, String cityCode, String countyCode, String townshipCode) {}
