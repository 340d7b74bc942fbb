package io.incidenttimeline.api.console.forms;

import io.incidenttimeline.api.application.CommandRefused;
import io.incidenttimeline.api.application.Refusal;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.RefusalProblems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * What was wrong with one submission of a console form, by field, for the page that shows the form again with the
 * input kept. In the model as {@code problems}; a template writes a field's message next to it and the rest above the
 * form:
 * <pre>
 *   &lt;p class="problem" th:if="${problems.has('title')}" th:text="${problems.of('title')}"&gt;&lt;/p&gt;
 *   &lt;div class="notice notice--problem" th:unless="${problems.general().empty}"&gt; ... &lt;/div&gt;
 * </pre>
 * Field names are the API's ({@code title}, {@code components}, ...): a refusal naming {@code regions[1]} or
 * {@code components.db} belongs to {@code regions} or {@code components}; one naming a field the form does not show
 * (or none) is general. {@link #status()} is the status the API would answer (400, 404, 409, 412, 422).
 */
public final class FormProblems {

    private final Set<String> formFields;
    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();
    private HttpStatus status = HttpStatus.BAD_REQUEST;

    private FormProblems(Set<String> formFields) {
        this.formFields = Set.copyOf(formFields);
    }

    /** No problem yet, for a form with these fields (the API's names). */
    public static FormProblems none(Set<String> formFields) {
        return new FormProblems(formFields);
    }

    /** The problem of a refused command, with the status the API would answer it with. */
    public static FormProblems of(CommandRefused refused, Set<String> formFields) {
        Refusal refusal = refused.refusal();
        return new FormProblems(formFields).add(refusal.field(), refusal.detail())
                .withStatus(RefusalProblems.status(refusal.kind()));
    }

    /** The problem of a request the API layer itself refused ({@link ApiProblem}), with its status. */
    public static FormProblems of(ApiProblem problem, Set<String> formFields) {
        return new FormProblems(formFields).add(problem.field(), problem.getMessage()).withStatus(problem.status());
    }

    /** Adds a problem of {@code field} (null: of the whole form); a field's first problem is the one shown. */
    public FormProblems add(String field, String message) {
        String owner = owner(field);
        if (owner == null) {
            general.add(message);
        } else {
            byField.putIfAbsent(owner, message);
        }
        return this;
    }

    public FormProblems withStatus(HttpStatus status) {
        this.status = status;
        return this;
    }

    public boolean any() {
        return !byField.isEmpty() || !general.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The message for {@code field}, or null. */
    public String of(String field) {
        return byField.get(field);
    }

    /** Problems of no field the form shows, in the order they were added. */
    public List<String> general() {
        return List.copyOf(general);
    }

    public HttpStatus status() {
        return status;
    }

    private String owner(String field) {
        if (field == null) {
            return null;
        }
        if (formFields.contains(field)) {
            return field;
        }
        int end = 0;
        while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
            end++;
        }
        String head = field.substring(0, end);
        return formFields.contains(head) ? head : null;
    }
}
