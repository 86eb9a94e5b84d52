package org.sanyi.kernel;

/**
 * An identifier issued by some authority: {@code system} names the namespace (a URI such as {@code
 * urn:sanyi:id:cn-resident-id}), {@code value} the identifier within it. FHIR's Identifier, reduced to what crosses
 * organisations.
 *
 * <p>{@link #toString()} masks the value: identifiers of people end up in logs far too easily.
 */
public record Identifier(String system, String value) {

    public Identifier {
        system = Texts.requireNonBlank(system, "system");
        value = Texts.requireNonBlank(value, "value");
    }

    @Override
    public String toString() {
        return "Identifier[system=" + system + ", value=" + Masking.mask(value) + "]";
    }
}
