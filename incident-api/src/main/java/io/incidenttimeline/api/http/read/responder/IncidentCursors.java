package io.incidenttimeline.api.http.read.responder;

import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.projections.responder.IncidentCursor;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import org.springframework.http.HttpStatus;

/**
 * The opaque {@code cursor} of the incident lists: the declaration time and id of a page's last incident, base64url.
 * Clients pass it back as given; its content may change between versions.
 */
final class IncidentCursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private IncidentCursors() {
    }

    static String encode(IncidentCursor cursor) {
        return cursor == null ? null : ENCODER.encodeToString((cursor.declaredAt() + " " + cursor.incidentId())
                .getBytes(StandardCharsets.UTF_8));
    }

    static IncidentCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            if (space > 0 && space < text.length() - 1) {
                return new IncidentCursor(Instant.parse(text.substring(0, space)), text.substring(space + 1));
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // refused below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "cursor",
                "cursor must be the nextCursor of a previous page, passed back unchanged");
    }
}
