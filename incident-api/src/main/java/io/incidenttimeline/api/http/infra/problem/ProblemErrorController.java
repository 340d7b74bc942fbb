package io.incidenttimeline.api.http.infra.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tomcat's error page for what fails outside Spring MVC (an error Tomcat itself sends, such as its 405 for TRACE, or
 * an exception out of a filter): problem+json like every other answer, instead of Spring Boot's own error JSON.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            problems.writeStatus(request.getMethod(), request.getRequestURI(), response, HttpStatus.NOT_FOUND);
            return;
        }
        HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problems.writeStatus(request.getMethod(), path instanceof String uri ? uri : request.getRequestURI(), response,
                status);
    }

    static HttpStatus status(Object code) {
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
