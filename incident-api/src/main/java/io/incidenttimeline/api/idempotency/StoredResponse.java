package io.incidenttimeline.api.idempotency;

/** A response as it was first sent for an idempotency key, to be sent again verbatim for a retry. */
public record StoredResponse(int status, String contentType, String location, String etag, String body) {
}
