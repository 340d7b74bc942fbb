package io.incidenttimeline.api.storage;

/**
 * The application refuses to start because the event store and the read models do not belong together. The message
 * names both locations (without credentials) and both identities, then says what to check and how to rebuild
 * deliberately.
 */
public class StorageMismatchException extends IllegalStateException {

    private final String description;
    private final String action;

    StorageMismatchException(String problem, StoreStates.EventStore events, StoreStates.ReadStore reads, String action) {
        this(problem + System.lineSeparator()
                + "  event store: " + events.describe() + System.lineSeparator()
                + "  read store:  " + reads.describe(), action);
    }

    private StorageMismatchException(String description, String action) {
        super(description + System.lineSeparator() + action);
        this.description = description;
        this.action = action;
    }

    /** What is wrong, with both stores' locations and identities. */
    public String description() {
        return description;
    }

    /** What to check, and how to rebuild the read models deliberately. */
    public String action() {
        return action;
    }
}
