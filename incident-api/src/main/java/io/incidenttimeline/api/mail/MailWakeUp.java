package io.incidenttimeline.api.mail;

import org.springframework.stereotype.Component;

/** Lets the outbox wake the dispatcher after a commit without either depending on the other. */
@Component
class MailWakeUp {

    private volatile Runnable listener = () -> { };

    void listen(Runnable listener) {
        this.listener = listener;
    }

    void wake() {
        listener.run();
    }
}
