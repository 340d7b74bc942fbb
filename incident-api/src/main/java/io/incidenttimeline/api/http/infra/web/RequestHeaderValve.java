package io.incidenttimeline.api.http.infra.web;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.problem.ProblemWriter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Checks every request's headers before any filter or servlet reads one: a value with a byte outside printable
 * ASCII (Tomcat reads header bytes as ISO-8859-1, so {@code 0x85} or the UTF-8 of {@code ключ} arrive as such
 * characters), or an Accept that is not a list of media types, is a 400 problem naming the header. Otherwise Spring
 * Security's firewall refuses such a value only when something reads it, in the middle of the request, and Spring MVC
 * drops the body of an error it cannot negotiate with a malformed Accept. Tomcat itself refuses control characters.
 */
class RequestHeaderValve extends ValveBase {

    private static final ProblemWriter PROBLEMS = new ProblemWriter(JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build());

    RequestHeaderValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Refusal refusal = refusal(request);
        if (refusal == null) {
            getNext().invoke(request, response);
            return;
        }
        PROBLEMS.write(request, response, HttpStatus.BAD_REQUEST, ProblemType.INVALID_HEADER.slug(), refusal.detail(),
                refusal.header());
    }

    private record Refusal(String header, String detail) {
    }

    /** Tomcat has refused malformed names and control characters already. */
    private static Refusal refusal(Request request) {
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                String value = values.nextElement();
                int at = firstBeyondAscii(value);
                if (at >= 0) {
                    name = canonical(name);
                    return new Refusal(name, "the header " + name + " holds the byte 0x"
                            + Integer.toHexString(value.charAt(at)).toUpperCase() + " at position " + (at + 1)
                            + "; header values must be printable ASCII");
                }
            }
        }
        try {
            MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException e) {
            return new Refusal(HttpHeaders.ACCEPT, "Accept is not a list of media types with qualities between 0 and 1 "
                    + "(for example: application/json, application/problem+json;q=0.9)");
        }
        return null;
    }

    /** Tomcat gives header names in lower case; problems name them as this API's documentation spells them. */
    private static String canonical(String name) {
        StringBuilder result = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            result.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return result.toString();
    }

    private static int firstBeyondAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7E) {
                return i;
            }
        }
        return -1;
    }
}
