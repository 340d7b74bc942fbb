package io.incidenttimeline.api.hostile.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A valid request of one operation, about to have one thing changed: its JSON body is a tree in which a value can be
 * replaced by raw bytes (invalid JSON, invalid UTF-8, escapes no serializer writes), its headers and query are bytes.
 */
public final class Draft {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final List<byte[]> query = new ArrayList<>();
    private final Map<String, RawHttp.Header> headers = new LinkedHashMap<>();
    private JsonNode body;
    private final Map<String, byte[]> splices = new LinkedHashMap<>();
    private UnaryOperator<byte[]> bodyBytes = UnaryOperator.identity();
    private boolean withoutBody;
    private String etag;

    Draft(String method, String path, JsonNode body) {
        this.method = method;
        this.path = path;
        this.body = body;
    }

    public String method() {
        return method;
    }

    public JsonNode body() {
        return body;
    }

    /** The current ETag of what the operation changes, for conditional requests; {@code "0"} when unknown. */
    public String etag() {
        return etag == null ? "\"0\"" : etag;
    }

    Draft etag(String current) {
        this.etag = current;
        return this;
    }

    public Draft header(String name, byte[] value) {
        headers.put(name.toLowerCase(Locale.ROOT), new RawHttp.Header(name, value));
        return this;
    }

    public Draft header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public Draft removeHeader(String name) {
        headers.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /**
     * A query pair exactly as it goes on the wire (percent-encode yourself, or do not, on purpose), in place of the
     * seed's pair of the same name.
     */
    public Draft query(byte[] pair) {
        int equals = RawHttp.indexOf(pair, new byte[] {'='}, 0);
        byte[] name = java.util.Arrays.copyOf(pair, equals < 0 ? pair.length : equals + 1);
        query.removeIf(existing -> existing.length >= name.length
                && java.util.Arrays.equals(existing, 0, name.length, name, 0, name.length));
        query.add(pair);
        return this;
    }

    public Draft query(String pair) {
        return query(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces the value at the path by these bytes, creating the objects, arrays and map entries on the way. */
    public Draft set(JsonPath at, byte[] raw) {
        String placeholder = "@@corpus-splice-" + splices.size() + "@@";
        splices.put("\"" + placeholder + "\"", raw);
        if (at.isRoot()) {
            body = TextNode.valueOf(placeholder);
        } else {
            at.assign(body, TextNode.valueOf(placeholder));
        }
        return this;
    }

    public Draft set(JsonPath at, String rawJson) {
        return set(at, rawJson.getBytes(StandardCharsets.UTF_8));
    }

    public Draft remove(JsonPath at) {
        at.remove(body);
        return this;
    }

    /** Changes the serialized body as a whole (trailing content, truncation, other encodings). */
    public Draft bodyBytes(UnaryOperator<byte[]> change) {
        UnaryOperator<byte[]> before = bodyBytes;
        bodyBytes = bytes -> change.apply(before.apply(bytes));
        return this;
    }

    public Draft withoutBody() {
        withoutBody = true;
        return this;
    }

    public RawHttp.Request build() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        target.writeBytes(path.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < query.size(); i++) {
            target.write(i == 0 ? '?' : '&');
            target.writeBytes(query.get(i));
        }
        byte[] bytes = withoutBody || body == null ? null : bodyBytes.apply(serialize());
        return new RawHttp.Request(method, target.toByteArray(), List.copyOf(headers.values()), bytes);
    }

    private byte[] serialize() {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        for (var splice : splices.entrySet()) {
            byte[] placeholder = splice.getKey().getBytes(StandardCharsets.UTF_8);
            int at = RawHttp.indexOf(bytes, placeholder, 0);
            if (at >= 0) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                out.writeBytes(splice.getValue());
                out.write(bytes, at + placeholder.length, bytes.length - at - placeholder.length);
                bytes = out.toByteArray();
            }
        }
        return bytes;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static JsonNode copy(JsonNode node) {
        return node == null ? null : node.deepCopy();
    }
}
