package io.incidenttimeline.api.mail;

/** Where a queued mail stands: waiting for its (next) attempt, sent, or given up. */
enum MailStatus {
    PENDING, SENT, FAILED;

    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
