package io.incidenttimeline.api.console.incident;

/** A value in a console form that cannot even become a command (a number, a time, a choice): shown next to it. */
class FormProblem extends RuntimeException {

    private final String field;

    FormProblem(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
