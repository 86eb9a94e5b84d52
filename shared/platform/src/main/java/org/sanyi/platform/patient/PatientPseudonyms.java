package org.sanyi.platform.patient;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.PatientPseudonymizer;

/**
 * The pseudonym a patient carries in events and audit records. Every service of a region shares the key
 * ({@code sanyi.pseudonym.key}, base64, from the environment as {@code SANYI_PSEUDONYM_KEY}), so one person
 * correlates across services while the identifier itself never leaves the service that received it.
 */
@ApplicationScoped
public class PatientPseudonyms {

    private final PatientPseudonymizer pseudonymizer;

    public PatientPseudonyms(@ConfigProperty(name = "sanyi.pseudonym.key") String base64Key) {
        this.pseudonymizer = PatientPseudonymizer.fromBase64(base64Key);
    }

    /** Validates and normalises the identifier first, so equal identifiers written differently match. */
    public String pseudonymOf(Identifier identifier) {
        return pseudonymizer.pseudonymOf(identifier);
    }
}
