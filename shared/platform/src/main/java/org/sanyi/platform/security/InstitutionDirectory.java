package org.sanyi.platform.security;

/**
 * What a service knows of the institutions that call it: the regional directory itself (directory-service) or its
 * local copy (every other service). When a service provides one, every call of an institution that is not active in
 * it is refused, so a deactivated institution loses access at once, not only when it next creates something.
 */
public interface InstitutionDirectory {

    enum Standing {
        ACTIVE,
        INACTIVE,
        UNKNOWN,
        /** The service has not loaded the directory yet: it cannot tell, and answers 503. */
        NOT_LOADED
    }

    Standing standingOf(String institutionCode);
}
