package io.incidenttimeline.api.console.incident;

import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.console.page.ConsoleUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** The signed-in person as the sender of a console command (see {@link ConsoleUser#actor()}). */
final class ConsoleActors {

    private ConsoleActors() {
    }

    /**
     * The actor of a command from {@code person}. The console's chain refuses an auditor's POST first; this keeps a
     * command from ever going out in an auditor's name.
     */
    static Actor writer(Authentication person) {
        ConsoleUser user = ConsoleUser.of(person).filter(ConsoleUser::canWrite)
                .orElseThrow(() -> new AccessDeniedException("auditors read the console; they do not send commands"));
        return user.actor();
    }

    static boolean canWrite(Authentication person) {
        return ConsoleUser.of(person).map(ConsoleUser::canWrite).orElse(false);
    }
}
