package org.sanyi.localstack;

/** Wrong command-line arguments: the message says what is wrong, the launcher adds the usage. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
