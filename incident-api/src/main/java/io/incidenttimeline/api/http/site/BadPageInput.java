package io.incidenttimeline.api.http.site;

/**
 * A parameter of the address the page cannot honour ({@code lang} or {@code tz}); answered with a 400 page that names
 * it, shows the value and says what would do.
 */
class BadPageInput extends RuntimeException {

    private final String parameter;
    private final String value;

    BadPageInput(String parameter, String value) {
        super(parameter + "=" + value + " cannot be used");
        this.parameter = parameter;
        this.value = value;
    }

    String parameter() {
        return parameter;
    }

    String value() {
        return value;
    }
}
