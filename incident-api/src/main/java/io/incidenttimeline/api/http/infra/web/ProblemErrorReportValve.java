package io.incidenttimeline.api.http.infra.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded slash or a NUL byte in the path). Its own
 * report is an HTML page; this one answers in the API's language, problem+json, and says nothing about the server.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String slug = known == null ? "error" : known.name().toLowerCase().replace('_', '-');
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400 ? "the request line or a header is malformed (for example an encoded slash or a "
                + "control character in the path)" : title;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"/problems/" + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response committed: nothing more can be said
        }
    }
}
