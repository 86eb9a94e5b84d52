package org.sanyi.imaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sanyi.platform.audit.PurposeOfUse;
import org.sanyi.platform.security.CallerContext;

/** The caller of the current request as an {@link Actor}, with the purpose of use it declared. */
@ApplicationScoped
public class CurrentActor {

    @Inject
    CallerContext callerContext;

    public Actor get() {
        return new Actor(callerContext.caller(), PurposeOfUse.fromHeader(callerContext.purposeOfUse()));
    }
}
