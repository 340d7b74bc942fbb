package io.incidenttimeline.api.http.command;

/**
 * Who issues a command over HTTP, and under which request headers, resolved from each request. The controllers turn
 * it into the application layer's {@link io.incidenttimeline.api.application.Actor} (see {@link CommandResponses}).
 *
 * @param expectedVersion from {@code If-Match}: the incident version the caller last saw, or null
 * @param operation       method and path, part of the idempotency fingerprint
 */
public record CommandContext(String actor, String role, String channel, String correlationId, String idempotencyKey,
                             Long expectedVersion, String operation) {
}
