package io.incidenttimeline.api.console.incident;

import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.http.infra.security.Role;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in person as the sender of a console command: their name and role, on the channel {@value #CHANNEL}. */
final class ConsoleActors {

    static final String CHANNEL = "console";

    private ConsoleActors() {
    }

    static Actor of(Authentication person) {
        Role role = role(person).orElseThrow(() -> new IllegalStateException("a console session without a role"));
        return new Actor(person.getName(), role.wire(), CHANNEL, UUID.randomUUID().toString());
    }

    /** Responders and admins write; auditors read. */
    static boolean canWrite(Authentication person) {
        return role(person).filter(role -> role != Role.AUDITOR).isPresent();
    }

    private static Optional<Role> role(Authentication person) {
        if (person == null) {
            return Optional.empty();
        }
        var authorities = person.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return Stream.of(Role.ADMIN, Role.RESPONDER, Role.AUDITOR).filter(r -> authorities.contains(r.authority()))
                .findFirst();
    }
}
