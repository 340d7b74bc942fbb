package io.incidenttimeline.api.http.command;

import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.RequestFingerprints;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The HTTP side of a command: who sends it, taken from the request, and how its result is answered (status, Location,
 * ETag with the version, and {@value #REPLAYED} when the result is that of an earlier request with the same key).
 */
@Component
public class CommandResponses {

    public static final String REPLAYED = "Idempotent-Replayed";

    private final RequestFingerprints fingerprints;

    public CommandResponses(RequestFingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    /** The actor of a request whose body is {@code request}, under the request's idempotency key if it has one. */
    public Actor actor(CommandContext context, Object request) {
        return actor(context, context.channel(), context.idempotencyKey(), request);
    }

    /** As {@link #actor(CommandContext, Object)}, on another channel and under a key of the caller's choosing. */
    public Actor actor(CommandContext context, String channel, String idempotencyKey, Object request) {
        Actor actor = new Actor(context.actor(), context.role(), channel, context.correlationId());
        return idempotencyKey == null ? actor
                : actor.withIdempotencyKey(idempotencyKey, fingerprints.of(context.operation(), request));
    }

    public static <T> ResponseEntity<T> created(URI location, CommandResult result, T body) {
        return respond(HttpStatus.CREATED, location, result, body);
    }

    public static <T> ResponseEntity<T> ok(CommandResult result, T body) {
        return respond(HttpStatus.OK, null, result, body);
    }

    /** 201 when the command created what it addresses, otherwise 200; both name it in Location. */
    public static <T> ResponseEntity<T> createdOrOk(URI location, CommandResult result, T body) {
        return respond(result.created() ? HttpStatus.CREATED : HttpStatus.OK, location, result, body);
    }

    public static <T> ResponseEntity<T> respond(HttpStatus status, URI location, CommandResult result, T body) {
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (location != null) {
            response.location(location);
        }
        if (result != null) {
            response.header(HttpHeaders.ETAG, etag(result.version()));
            if (result.replayed()) {
                response.header(REPLAYED, "true");
            }
        }
        return response.body(body);
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
