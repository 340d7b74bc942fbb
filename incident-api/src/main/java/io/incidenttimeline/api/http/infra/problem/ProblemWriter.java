package io.incidenttimeline.api.http.infra.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes a problem+json response from a servlet filter, before Spring MVC's exception handling is reached. */
@Component
public class ProblemWriter {

    private final ObjectMapper objectMapper;

    public ProblemWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                      String detail, String field) throws IOException {
        write(request.getRequestURI(), response, Problems.of(status, type, detail, field));
    }

    /** The problem for an answer that has nothing more to say than its status, such as a 404 or a 405. */
    public void writeStatus(String method, String path, HttpServletResponse response, HttpStatus status)
            throws IOException {
        write(path, response, Problems.ofStatus(status, method, path));
    }

    private void write(String path, HttpServletResponse response, ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(path));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
