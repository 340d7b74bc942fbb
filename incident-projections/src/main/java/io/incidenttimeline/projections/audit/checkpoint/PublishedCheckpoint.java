package io.incidenttimeline.projections.audit.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.projections.audit.chain.CanonicalJson;
import io.incidenttimeline.projections.audit.chain.ChainHash;

/**
 * A signed checkpoint as it leaves the server, to be kept by whoever receives it: {@code {"checkpoint": {"position",
 * "headHash", "createdAt"}, "signature", "keyId"}}, where keyId is the SHA-256 (hex) of the signing key's
 * SubjectPublicKeyInfo. The same shape is the latest-checkpoint endpoint's answer, the node's own record under its data
 * directory, and what the offline verifier's {@code --known-checkpoint} reads.
 */
public record PublishedCheckpoint(Checkpoint checkpoint, String signature, String keyId) {

    public SignedCheckpoint signed() {
        return new SignedCheckpoint(checkpoint, signature);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("checkpoint", checkpoint.toJson());
        json.put("signature", signature);
        json.put("keyId", keyId);
        return json;
    }

    /** Reads the shape above; the keyId may be absent (a checkpoint line of an export). */
    public static PublishedCheckpoint parse(String text) throws MalformedCheckpointException {
        JsonNode json;
        try {
            json = CanonicalJson.parse(text.strip());
        } catch (CanonicalJson.MalformedJsonException e) {
            throw new MalformedCheckpointException("it is not JSON: " + e.getMessage());
        }
        JsonNode checkpoint = json.path("checkpoint");
        if (!checkpoint.path("position").canConvertToExactIntegral() || checkpoint.get("position").asLong() < 0
                || !ChainHash.isHash(checkpoint.path("headHash").asText(null))
                || !checkpoint.path("createdAt").isTextual() || !json.path("signature").isTextual()) {
            throw new MalformedCheckpointException("it needs checkpoint.position (a whole number from 0 up), "
                    + "checkpoint.headHash (64 lower-case hex digits), checkpoint.createdAt and signature");
        }
        return new PublishedCheckpoint(new Checkpoint(checkpoint.get("position").asLong(),
                checkpoint.get("headHash").asText(), checkpoint.get("createdAt").asText()),
                json.get("signature").asText(), json.path("keyId").asText(null));
    }

    public static final class MalformedCheckpointException extends Exception {
        public MalformedCheckpointException(String message) {
            super(message);
        }
    }
}
