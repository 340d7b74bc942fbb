package io.incidenttimeline.projections.audit.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Strict JSON reading (no duplicate keys, no trailing content, valid UTF-8) and RFC 8785 canonical bytes, done by the
 * reference canonicalizer. Shared by the server and the offline verifier.
 */
public final class CanonicalJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {
    }

    /** Reads one JSON value from UTF-8 bytes, refusing anything RFC 8785 could not canonicalize unambiguously. */
    public static JsonNode parse(byte[] utf8) throws MalformedJsonException {
        try {
            JsonNode node = STRICT.readTree(utf8);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("is empty");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedJsonException("is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    public static JsonNode parse(String text) throws MalformedJsonException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The RFC 8785 (JSON Canonicalization Scheme) UTF-8 bytes of a JSON value. */
    public static byte[] canonicalize(JsonNode node) throws MalformedJsonException {
        try {
            return new JsonCanonicalizer(STRICT.writeValueAsString(node)).getEncodedUTF8();
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("cannot be written as JSON: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new MalformedJsonException("cannot be canonicalized: " + firstLine(e.getMessage()));
        }
    }

    public static ObjectMapper mapper() {
        return STRICT;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The bytes are not JSON that can be canonicalized; the message completes "the payload ...". */
    public static final class MalformedJsonException extends Exception {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}
