package io.incidenttimeline.api.console.sso;

import io.incidenttimeline.api.http.infra.security.Role;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A signed-in person's claims read as the console's name and role ({@link SingleSignOnProperties}). */
final class ClaimMapping {

    /** The longest name kept: it becomes the actor of every command the person sends. */
    static final int MAX_NAME_LENGTH = 200;

    private final SingleSignOnProperties properties;

    ClaimMapping(SingleSignOnProperties properties) {
        this.properties = properties;
    }

    /** The highest role any value of the role claim gives; empty when none does. */
    Optional<Role> role(Map<String, Object> claims) {
        Set<String> values = values(claims.get(properties.roleClaim()));
        SingleSignOnProperties.Roles roles = properties.roles();
        if (roles.admin().stream().anyMatch(values::contains)) {
            return Optional.of(Role.ADMIN);
        }
        if (roles.responder().stream().anyMatch(values::contains)) {
            return Optional.of(Role.RESPONDER);
        }
        if (roles.auditor().stream().anyMatch(values::contains)) {
            return Optional.of(Role.AUDITOR);
        }
        return Optional.empty();
    }

    /**
     * The claim that names the person: the configured one, else {@code email}, else {@code sub}, the first that holds
     * a usable name (text, not blank, no control character, at most {@link #MAX_NAME_LENGTH} characters).
     */
    Optional<String> nameClaim(Map<String, Object> claims) {
        return new LinkedHashSet<>(List.of(properties.nameClaim(), "email", "sub")).stream()
                .filter(claim -> usableName(claims.get(claim)))
                .findFirst();
    }

    private static boolean usableName(Object value) {
        return value instanceof String name && !name.isBlank() && name.length() <= MAX_NAME_LENGTH
                && name.chars().noneMatch(Character::isISOControl) && name.equals(name.strip());
    }

    private static Set<String> values(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof String single) {
            values.add(single);
        } else if (claim instanceof Collection<?> many) {
            many.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
        }
        return values;
    }
}
