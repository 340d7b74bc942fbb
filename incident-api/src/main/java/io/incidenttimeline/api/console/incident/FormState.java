package io.incidenttimeline.api.console.incident;

import io.incidenttimeline.api.http.read.responder.ResponderIncidentView;
import java.util.List;
import java.util.Set;

/**
 * What the incident page shows about the form just submitted: the input again, the problem next to its field, the
 * preview of an update, or that the incident changed since the page was opened. {@link #NONE} on a plain visit.
 *
 * @param preview  the public page's model of the previewed update, null when there is none or it is internal
 * @param stale    the incident moved on since the form was rendered: the updates added meanwhile
 */
record FormState(SubmittedForm submitted, Problem problem, Preview preview, Stale stale) {

    /** Problems about a group of fields (every {@code components.<id>}), which the page shows beside the group. */
    private static final Set<String> SHOWN_AS_GROUP = Set.of("components");

    static final FormState NONE = new FormState(null, null, null, null);

    /** Why the form's command was refused; {@code field} is null for the form as a whole. */
    record Problem(String field, String detail) {
    }

    /** {@code shown} is the public page's model of the update; null when the update is internal. */
    record Preview(Object shown, boolean internal) {
    }

    record Stale(long formVersion, long currentVersion, List<ResponderIncidentView.Update> added) {
    }

    static FormState refused(SubmittedForm submitted, Problem problem) {
        return new FormState(submitted, problem, null, null);
    }

    /** The form as a template filled it in, before anything was submitted. */
    static FormState prefilled(SubmittedForm prefilled) {
        return new FormState(prefilled, null, null, null);
    }

    static FormState previewed(SubmittedForm submitted, Preview preview) {
        return new FormState(submitted, null, preview, null);
    }

    static FormState stale(SubmittedForm submitted, Stale stale) {
        return new FormState(submitted, null, null, stale);
    }

    /** Whether {@code form} is the form submitted. */
    public boolean is(String form) {
        return submitted != null && submitted.name().equals(form);
    }

    /** The value to show in {@code form}'s {@code field}: what was submitted, else {@code initial}. */
    public String value(String form, String field, Object initial) {
        if (is(form)) {
            return submitted.raw(field);
        }
        return initial == null ? "" : initial.toString();
    }

    public String value(String form, String field) {
        return value(form, field, null);
    }

    /** Whether a checkbox of {@code form} is ticked: as submitted, else {@code initial}. */
    public boolean checked(String form, String field, boolean initial) {
        return is(form) ? submitted.checked(field) : initial;
    }

    /** The problem to show next to {@code field} of {@code form}, or null. */
    public String problem(String form, String field) {
        if (!is(form) || problem == null || problem.field() == null) {
            return null;
        }
        return problem.field().equals(field) ? problem.detail() : null;
    }

    /** The problem of {@code form} that names none of its fields: shown at the top of the form. */
    public String formProblem(String form) {
        if (!is(form) || problem == null) {
            return null;
        }
        return problem.field() == null || !submitted.values().containsKey(problem.field())
                && !SHOWN_AS_GROUP.contains(problem.field()) ? problem.detail() : null;
    }
}
