package org.sanyi.kernel;

/**
 * A patient identifier that does not follow the format of its system. The message says what is wrong and shows the
 * value only masked, so it is safe to return to the caller and to log.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String system;

    public InvalidIdentifierException(String system, String message) {
        super(message);
        this.system = system;
    }

    /** The identifier system whose rules were broken; null when the system itself is unknown. */
    public String system() {
        return system;
    }
}
