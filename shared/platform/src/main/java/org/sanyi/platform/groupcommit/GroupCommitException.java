package org.sanyi.platform.groupcommit;

/** A write set that cannot be written even on its own: it breaks a constraint, which is a bug of its service. */
public class GroupCommitException extends RuntimeException {

    public GroupCommitException(Throwable cause) {
        super("The write set could not be committed: " + cause, cause);
    }
}
