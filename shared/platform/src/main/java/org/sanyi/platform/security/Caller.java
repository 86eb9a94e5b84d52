package org.sanyi.platform.security;

/**
 * Who is calling: the institution (its directory code), the role it acts in, and the user or system named in the
 * token's {@code sub}.
 */
public record Caller(String institutionCode, Role role, String subject) {}
