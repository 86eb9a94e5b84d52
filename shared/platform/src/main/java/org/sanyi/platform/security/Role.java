package org.sanyi.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four kinds of institution that call the exchange. The claim value travels in the token's {@code groups}. */
public enum Role {
    HOSPITAL(Role.HOSPITAL_ROLE),
    INSURER(Role.INSURER_ROLE),
    REGULATOR(Role.REGULATOR_ROLE),
    PLATFORM_ADMIN(Role.PLATFORM_ADMIN_ROLE);

    /** Constants for {@code @RolesAllowed}. */
    public static final String HOSPITAL_ROLE = "hospital";

    public static final String INSURER_ROLE = "insurer";
    public static final String REGULATOR_ROLE = "regulator";
    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    /** The claim values, for messages. */
    public static List<String> claimValues() {
        return Arrays.stream(values()).map(Role::claimValue).toList();
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
    }
}
