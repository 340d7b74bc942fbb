package io.incidenttimeline.api.console.page;

/** Nothing of the console at this address (an unknown incident, a mistyped path): the console's 404 page. */
public class ConsoleNotFound extends RuntimeException {

    public ConsoleNotFound(String message) {
        super(message, null, false, false);
    }
}
