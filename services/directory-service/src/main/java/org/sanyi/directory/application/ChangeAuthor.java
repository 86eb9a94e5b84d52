package org.sanyi.directory.application;

import org.sanyi.platform.security.Caller;

/** Who made a change, as kept in the history: the token's subject and institution, or a migration's name. */
public record ChangeAuthor(String subject, String institutionCode) {

    public static ChangeAuthor of(Caller caller) {
        return new ChangeAuthor(caller.subject() == null ? "unknown" : caller.subject(), caller.institutionCode());
    }

    public static ChangeAuthor migration(String name) {
        return new ChangeAuthor(name, null);
    }
}
