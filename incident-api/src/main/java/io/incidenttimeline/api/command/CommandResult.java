package io.incidenttimeline.api.command;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The successful outcome of a command, as the HTTP response will carry it.
 *
 * @param version the aggregate's version after the command, sent as the ETag; null when no aggregate was touched
 */
public record CommandResult(HttpStatus status, URI location, Long version, Object body) {

    public static CommandResult created(URI location, long version, Object body) {
        return new CommandResult(HttpStatus.CREATED, location, version, body);
    }

    public static CommandResult ok(long version, Object body) {
        return new CommandResult(HttpStatus.OK, null, version, body);
    }
}
