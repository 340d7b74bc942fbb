package io.incidenttimeline.core.shared;

/**
 * A command the domain refused. {@code type} is a stable slug that clients may rely on, {@code field} names the
 * offending input where there is one, and the message says what to do about it.
 */
public class CommandRejected extends RuntimeException {

    public enum Reason {
        /** The input itself is wrong, whatever the state of the incident. */
        INVALID_INPUT,
        /** The input is well formed but the current state does not allow it. */
        RULE_VIOLATION,
        /** The command names something that does not exist. */
        NOT_FOUND
    }

    private final Reason reason;
    private final String type;
    private final String field;

    public CommandRejected(Reason reason, String type, String field, String message) {
        super(message);
        this.reason = reason;
        this.type = type;
        this.field = field;
    }

    public static CommandRejected invalid(String field, String type, String message) {
        return new CommandRejected(Reason.INVALID_INPUT, type, field, message);
    }

    public static CommandRejected ruleViolation(String field, String type, String message) {
        return new CommandRejected(Reason.RULE_VIOLATION, type, field, message);
    }

    public static CommandRejected notFound(String field, String type, String message) {
        return new CommandRejected(Reason.NOT_FOUND, type, field, message);
    }

    public Reason reason() {
        return reason;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }
}
