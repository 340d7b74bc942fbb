package io.incidenttimeline.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/** Commands that set the scene for read-side tests, each asserted to succeed. */
public final class Incidents {

    private Incidents() {
    }

    public static void defineComponent(ApiClient api, String id, String name, String group, int position) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        if (group != null) {
            body.put("group", group); // null is never a value in a body: no group is no field
        }
        body.put("position", position);
        var response = api.post("/api/v1/components").as(ApiClient.ADMIN).json(body).send();
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    public static void declare(ApiClient api, Map<String, Object> body) {
        var response = api.post("/api/v1/incidents").as(ApiClient.RESPONDER).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    public static ApiClient.Response post(ApiClient api, String incidentId, Map<String, Object> update) {
        var response = api.post("/api/v1/incidents/" + incidentId + "/updates").as(ApiClient.RESPONDER).json(update).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    public static ApiClient.Response command(ApiClient api, String method, String path, Object body) {
        var response = api.call(method, path).as(ApiClient.RESPONDER).json(body).send();
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response;
    }
}
