package io.incidenttimeline.api.console.page;

import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.http.infra.security.Role;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The person signed in to the console, however they signed in (token or single sign-on): their name and their role,
 * the highest one their authorities hold.
 */
public record ConsoleUser(String name, Role role) {

    public static final String CHANNEL = "console";

    /** Admins and responders write; auditors only read. */
    public boolean canWrite() {
        return role == Role.RESPONDER || role == Role.ADMIN;
    }

    public String roleName() {
        return role.wire();
    }

    /** This person as the sender of a console command, on the channel {@value #CHANNEL}, under a new correlation id. */
    public Actor actor() {
        return new Actor(name, role.wire(), CHANNEL, UUID.randomUUID().toString());
    }

    public static Optional<ConsoleUser> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Role highest = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : new Role[] {Role.ADMIN, Role.RESPONDER, Role.AUDITOR}) {
                if (role.authority().equals(authority.getAuthority()) && (highest == null || rank(role) > rank(highest))) {
                    highest = role;
                }
            }
        }
        return highest == null ? Optional.empty() : Optional.of(new ConsoleUser(authentication.getName(), highest));
    }

    private static int rank(Role role) {
        return switch (role) {
            case AUDITOR -> 0;
            case RESPONDER -> 1;
            case ADMIN -> 2;
        };
    }
}
