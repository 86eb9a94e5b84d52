package org.sanyi.imaging.application;

import org.sanyi.platform.audit.PurposeOfUse;
import org.sanyi.platform.security.Caller;

/** Who does something and why, for the audit trail: the token's caller, or the service's own polling job. */
public record Actor(Caller caller, PurposeOfUse purpose) {

    public String institutionCode() {
        return caller.institutionCode();
    }
}
