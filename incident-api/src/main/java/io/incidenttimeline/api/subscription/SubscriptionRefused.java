package io.incidenttimeline.api.subscription;

/** A subscription request that cannot be taken, with the field it is about and the problem type's slug. */
public class SubscriptionRefused extends RuntimeException {

    private final String field;
    private final String type;

    public SubscriptionRefused(String field, String type, String message) {
        super(message);
        this.field = field;
        this.type = type;
    }

    public String field() {
        return field;
    }

    public String type() {
        return type;
    }
}
