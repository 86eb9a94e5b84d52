package org.sanyi.referral.domain;

/**
 * A drug the patient takes on after a down-referral, so the receiving grassroots institution can continue it
 * (REF-07). {@code code} is the national insurance drug code (国家医保药品编码) when known.
 */
public record DischargeMedication(String code, String name, String dosage, String frequency, Integer supplyDays) {}
