package io.incidenttimeline.api.subscriber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.api.statuspage.StatuspageDocuments;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicIncident;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The bodies of webhooks, in the shape of Atlassian Statuspage's webhooks: {@code meta}, {@code page} with the page's
 * status after the change, and either {@code incident} (the same incident object as {@code /api/v2/incidents.json})
 * or {@code component_update} with {@code component}. Built from the public view only.
 */
@Component
class WebhookPayloads {

    static final String INCIDENT = "incident";
    static final String COMPONENT_UPDATE = "component_update";

    private final StatuspageDocuments documents;
    private final PageProperties page;
    private final ObjectMapper json;

    WebhookPayloads(StatuspageDocuments documents, PageProperties page, ObjectMapper json) {
        this.documents = documents;
        this.page = page;
        this.json = json;
    }

    String incident(Subscriber subscriber, PublicIncident incident, PageView view) {
        Map<String, Object> body = envelope(subscriber, view);
        body.put(INCIDENT, documents.incident(incident, view));
        return write(body);
    }

    /** A component's status changed from {@code oldStatus} to its status in {@code view}. */
    String componentUpdate(Subscriber subscriber, String updateId, Instant at, ComponentStatus oldStatus,
                           PageView.ComponentView component, PageView view) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("created_at", documents.time(at));
        update.put("new_status", component.status().wire());
        update.put("old_status", oldStatus.wire());
        update.put("id", updateId);
        update.put("component_id", component.component().id());
        Map<String, Object> body = envelope(subscriber, view);
        body.put(COMPONENT_UPDATE, update);
        body.put("component", documents.component(component));
        return write(body);
    }

    private Map<String, Object> envelope(Subscriber subscriber, PageView view) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("unsubscribe", page.url() + "/api/v1/subscribers/" + subscriber.id());
        meta.put("documentation", page.url() + "/api-reference.html");
        Map<String, Object> pageStatus = new LinkedHashMap<>();
        pageStatus.put("id", page.id());
        pageStatus.put("status_indicator", view.status().indicator());
        pageStatus.put("status_description", view.status().description());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meta", meta);
        body.put("page", pageStatus);
        return body;
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }
}
