package io.incidenttimeline.api.hostile.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A place in a request body, written as the API names it in a problem's {@code field}: {@code regions[0]},
 * {@code components.api}, {@code remediation[0].dueDate}.
 */
public final class JsonPath {

    private final List<Object> segments;

    private JsonPath(List<Object> segments) {
        this.segments = segments;
    }

    public static JsonPath root() {
        return new JsonPath(List.of());
    }

    public JsonPath field(String name) {
        List<Object> next = new ArrayList<>(segments);
        next.add(name);
        return new JsonPath(next);
    }

    public JsonPath index(int index) {
        List<Object> next = new ArrayList<>(segments);
        next.add(index);
        return new JsonPath(next);
    }

    /** The path holding this one; null for the root. */
    public JsonPath parent() {
        return segments.isEmpty() ? null : new JsonPath(segments.subList(0, segments.size() - 1));
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public int depth() {
        return segments.size();
    }

    JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object segment : segments) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer i ? node.get(i) : node.get((String) segment);
        }
        return node;
    }

    void assign(JsonNode root, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            parent = child(parent, segments.get(i), segments.get(i + 1));
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer index) {
            ArrayNode array = (ArrayNode) parent;
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    void remove(JsonNode root) {
        JsonNode parent = new JsonPath(segments.subList(0, segments.size() - 1)).find(root);
        Object last = segments.get(segments.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else if (parent instanceof ArrayNode array) {
            array.remove((Integer) last);
        }
    }

    private static JsonNode child(JsonNode parent, Object segment, Object next) {
        JsonNode child = segment instanceof Integer i ? parent.get(i) : parent.get((String) segment);
        if (child == null || !(child.isContainerNode())) {
            child = next instanceof Integer ? Draft.array() : Draft.object();
            if (segment instanceof Integer index) {
                ArrayNode array = (ArrayNode) parent;
                while (array.size() <= index) {
                    array.addNull();
                }
                array.set(index, child);
            } else {
                ((ObjectNode) parent).set((String) segment, child);
            }
        }
        return child;
    }

    @Override
    public String toString() {
        StringBuilder name = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer i) {
                name.append('[').append(i).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(segment);
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }
}
