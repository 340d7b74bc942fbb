package io.incidenttimeline.api.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.incidenttimeline.api.support.Sha256;
import org.springframework.stereotype.Component;

/**
 * The fingerprint an idempotency key is claimed with: the operation and the request as the caller sent it, in a
 * canonical JSON form. It is part of the stored records: changing the form would make retries of stored requests look
 * like new requests reusing their key.
 */
@Component
public class RequestFingerprints {

    private final ObjectMapper canonicalJson;

    RequestFingerprints(ObjectMapper json) {
        this.canonicalJson = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** @param operation what the request asks for, such as {@code POST /api/v1/incidents} */
    public String of(String operation, Object request) {
        try {
            return Sha256.hex(operation + "\n" + canonicalJson.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + request.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
