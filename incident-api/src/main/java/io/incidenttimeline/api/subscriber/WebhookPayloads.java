package io.incidenttimeline.api.subscriber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.api.statuspage.Statuspage;
import io.incidenttimeline.api.statuspage.StatuspageDocuments;
import io.incidenttimeline.core.incident.event.NextUpdateReminderRaised;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicIncident;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The bodies of webhooks, in the shape of Atlassian Statuspage's webhooks: {@code meta}, {@code page} with the page's
 * status after the change, and either {@code incident} (the same incident object as {@code /api/v2/incidents.json})
 * or {@code component_update} with {@code component}. Built from the public view only, except the promise
 * reminders, which only the responders' own receivers get.
 */
@Component
class WebhookPayloads {

    static final String INCIDENT = "incident";
    static final String COMPONENT_UPDATE = "component_update";
    static final String REMINDER = "incident.reminder";

    private final StatuspageDocuments documents;
    private final PageProperties page;
    private final ObjectMapper json;

    WebhookPayloads(StatuspageDocuments documents, PageProperties page, ObjectMapper json) {
        this.documents = documents;
        this.page = page;
        this.json = json;
    }

    String incident(Subscriber subscriber, PublicIncident incident, PageView view) {
        return write(new IncidentWebhook(meta(subscriber), pageStatus(view), documents.incident(incident, view)));
    }

    /** A component's status changed from {@code oldStatus} to its status in {@code view}. */
    String componentUpdate(Subscriber subscriber, String updateId, Instant at, ComponentStatus oldStatus,
                           PageView.ComponentView component, PageView view) {
        var update = new ComponentUpdate(documents.time(at), component.status().wire(), oldStatus.wire(), updateId,
                component.component().id());
        return write(new ComponentUpdateWebhook(meta(subscriber), pageStatus(view), update,
                documents.component(component)));
    }

    /**
     * A promise reminder, for a responders' receiver only (it names the communications role holder): not a
     * Statuspage shape, since Statuspage has none; the incident is named by id and by its responder read's address.
     */
    String reminder(Subscriber subscriber, NextUpdateReminderRaised event) {
        String holder = event.communicationsHolder();
        return write(new ReminderWebhook(meta(subscriber), new Reminder(event.incidentId(), event.updateId(),
                documents.time(event.dueAt()), event.kind(), holder, holder == null ? "the responders" : holder,
                documents.time(event.occurredAt()), page.url() + "/api/v1/incidents/" + event.incidentId())));
    }

    private Meta meta(Subscriber subscriber) {
        return new Meta(page.url() + "/api/v1/subscribers/" + subscriber.id(), page.url() + "/api-reference.html");
    }

    private PageStatus pageStatus(PageView view) {
        return new PageStatus(page.id(), view.status().indicator(), view.status().description());
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    record Meta(String unsubscribe, String documentation) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PageStatus(String id, String statusIndicator, String statusDescription) {
    }

    record IncidentWebhook(Meta meta, PageStatus page, Statuspage.Incident incident) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ComponentUpdate(String createdAt, String newStatus, String oldStatus, String id, String componentId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Reminder(String incidentId, String updateId, String dueAt, String kind, String communicationsHolder,
                    String recipient, String raisedAt, String incidentUrl) {
    }

    record ReminderWebhook(Meta meta, Reminder reminder) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ComponentUpdateWebhook(Meta meta, PageStatus page, ComponentUpdate componentUpdate,
                                  Statuspage.Component component) {
    }
}
