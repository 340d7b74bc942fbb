package io.incidenttimeline.api.command;

/**
 * Who issues a command, through which channel, and under which request headers. Resolved from each HTTP request;
 * built directly by callers that are not HTTP requests (the demo loader).
 *
 * @param expectedVersion from {@code If-Match}: the incident version the caller last saw, or null
 * @param operation       method and path, part of the idempotency fingerprint
 */
public record CommandContext(String actor, String role, String channel, String correlationId, String idempotencyKey,
                             Long expectedVersion, String operation) {
}
