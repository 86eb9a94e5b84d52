package org.sanyi.platform.inbox;

/** An event a consumer can never process (unknown type, invalid data): retrying is useless, dead-letter it. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }

    public UnprocessableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
