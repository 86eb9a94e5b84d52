package org.sanyi.platform.security;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Declares the bearer-JWT scheme once for every service's OpenAPI document. */
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "RS256 token with claims org (institution code) and groups ([role]); `./sanyi token` mints one")
public class BearerSecurityScheme extends Application {}
