package io.incidenttimeline.projections.audit.checkpoint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.projections.audit.chain.CanonicalJson;

/**
 * What the server signs: the chain's head hash after the event at {@code position}, and when it was signed. The
 * signature covers the RFC 8785 bytes of exactly this object.
 *
 * @param createdAt an ISO-8601 instant, kept as the exact string that was signed
 */
public record Checkpoint(long position, String headHash, String createdAt) {

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("position", position);
        json.put("headHash", headHash);
        json.put("createdAt", createdAt);
        return json;
    }

    public byte[] canonicalBytes() {
        try {
            return CanonicalJson.canonicalize(toJson());
        } catch (CanonicalJson.MalformedJsonException e) {
            throw new IllegalStateException("a checkpoint is always canonicalizable", e);
        }
    }
}
