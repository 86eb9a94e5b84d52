package org.sanyi.platform.security;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;

/**
 * Runs on every API call that carries a token, after SmallRye JWT verified it and the role check passed: the claims
 * must be well formed ({@link CallerContext}), and the calling institution must be active in the directory the
 * service keeps. Checking here, and not in each use case, is what makes a deactivated institution lose every access
 * at once.
 */
public class CallerVerification {

    @Inject
    CallerContext callers;

    @Inject
    Instance<InstitutionDirectory> directory;

    @ServerRequestFilter
    public void verify(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return;
        }
        Caller caller = callers.caller();
        if (directory.isUnsatisfied()) {
            return;
        }
        switch (directory.get().standingOf(caller.institutionCode())) {
            case ACTIVE -> {}
            case NOT_LOADED ->
                throw new ApiProblem(
                        PlatformProblem.DIRECTORY_NOT_LOADED,
                        "This service has not loaded the regional directory yet, so it cannot check the caller");
            case INACTIVE ->
                throw new ApiProblem(
                        PlatformProblem.INSTITUTION_NOT_ACTIVE,
                        "Institution " + caller.institutionCode() + " is not active in the regional directory");
            case UNKNOWN ->
                throw new ApiProblem(
                        PlatformProblem.INSTITUTION_NOT_ACTIVE,
                        "Institution " + caller.institutionCode() + " is not in the regional directory");
        }
    }
}
