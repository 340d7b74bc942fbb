package io.incidenttimeline.api.mail;

/**
 * What one attempt to send a mail came to.
 *
 * @param outcome         sent, a temporary failure (retried) or a permanent one (given up)
 * @param replyCode       the SMTP reply code of the failure, when the server gave one
 * @param addressRejected the server refused the recipient permanently (a 5xx to RCPT TO): the subscriber is suspended
 * @param error           what went wrong, for the outbox row (it may name the address, so it is never logged)
 */
record SendResult(Outcome outcome, Integer replyCode, boolean addressRejected, String error) {

    enum Outcome { SENT, TEMPORARY, PERMANENT }

    static SendResult sent() {
        return new SendResult(Outcome.SENT, null, false, null);
    }

    static SendResult temporary(Integer replyCode, String error) {
        return new SendResult(Outcome.TEMPORARY, replyCode, false, error);
    }

    static SendResult permanent(Integer replyCode, boolean addressRejected, String error) {
        return new SendResult(Outcome.PERMANENT, replyCode, addressRejected, error);
    }

    /** For the log: the outcome and reply code, never the server's text (which often quotes the address). */
    String loggable() {
        return outcome.name().toLowerCase(java.util.Locale.ROOT) + (replyCode == null ? "" : " (SMTP " + replyCode + ")");
    }
}
