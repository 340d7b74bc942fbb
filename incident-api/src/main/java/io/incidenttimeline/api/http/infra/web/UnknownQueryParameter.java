package io.incidenttimeline.api.http.infra.web;

import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A query parameter the operation does not know: refused, never ignored, as unknown body fields are. */
public class UnknownQueryParameter extends ApiProblem {

    private final String parameter;
    private final List<String> known;

    UnknownQueryParameter(String parameter, List<String> known) {
        super(HttpStatus.BAD_REQUEST, ProblemType.UNKNOWN_PARAMETER.slug(), parameter, detail(parameter, known));
        this.parameter = parameter;
        this.known = known;
    }

    private static String detail(String parameter, List<String> known) {
        String name = parameter.isEmpty() ? "a parameter without a name" : parameter;
        return name + " is not a parameter of this endpoint; "
                + (known.isEmpty() ? "it takes none" : "known: " + String.join(", ", known));
    }

    public String parameter() {
        return parameter;
    }

    /** The parameters the operation does know, in the order it declares them. */
    public List<String> known() {
        return known;
    }
}
