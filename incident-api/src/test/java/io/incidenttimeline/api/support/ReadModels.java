package io.incidenttimeline.api.support;

import com.fasterxml.jackson.databind.JsonNode;

/** The read models as the admin API reports them. */
public final class ReadModels {

    private ReadModels() {
    }

    /** Waits until every projection has every event up to the head of the store. */
    public static void awaitCaughtUp(ApiClient api) {
        Eventually.until(() -> api.get("/api/v1/admin/projections").as(ApiClient.ADMIN).send().json().get("projections"),
                list -> {
                    for (JsonNode p : list) {
                        if (!p.get("caughtUp").asBoolean() || p.get("position").asLong() != p.get("head").asLong()) {
                            return false;
                        }
                    }
                    return true;
                }, "every projection caught up");
    }
}
