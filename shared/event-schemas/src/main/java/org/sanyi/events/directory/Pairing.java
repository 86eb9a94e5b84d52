package org.sanyi.events.directory;

import java.time.LocalDate;

/**
 * A support relation in which the owning institution supports {@code partnerCode} (包乡/包村, 对口帮扶, 托管),
 * effective from {@code validFrom} (inclusive) to {@code validTo} (exclusive, open when null). REF-20.
 */
public record Pairing(String partnerCode, PairingKind kind, LocalDate validFrom, LocalDate validTo) {}
