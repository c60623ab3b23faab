package org.ubiopsgateway.gateway.security;

import java.util.Collection;
import java.util.Locale;

/**
 * What a route requires, and what a caller holds (from the {@code groups} claim). Declared in ascending order:
 * each role grants everything the ones before it grant (admin ⊇ editor ⊇ viewer).
 */
public enum Role {
    /** Required: any caller with a valid token. Held: a token with none of the roles below. */
    NONE,
    VIEWER,
    EDITOR,
    ADMIN;

    /** The group name in the token, e.g. {@code editor}. */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean grants(Role required) {
        return compareTo(required) >= 0;
    }

    /** The highest role among a token's groups; unknown groups grant nothing. */
    public static Role highest(Collection<String> groups) {
        Role highest = NONE;
        for (Role role : values()) {
            if (role != NONE && groups.contains(role.group())) {
                highest = role;
            }
        }
        return highest;
    }
}
