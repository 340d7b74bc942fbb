package io.incidenttimeline.api.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.api.statuspage.StatuspageDocuments;
import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook bodies byte for byte: subscribers verify their HMAC over exactly these bytes. */
class WebhookPayloadsTest {

    private static final Instant T = Instant.parse("2024-07-05T13:31:00Z");
    private static final PageProperties PAGE = new PageProperties("page", "Page", "https://status.example", "Etc/UTC");
    private static final Subscriber SUBSCRIBER = new Subscriber("sub-1", "https://hooks.example/in", "secret", "hint",
            null, T, "admin", 0, false, false);

    private final WebhookPayloads payloads = new WebhookPayloads(new StatuspageDocuments(PAGE), PAGE,
            JsonMapper.builder().findAndAddModules().build());

    private final PublicComponent database = PublicComponent.defined(
            new ComponentDefined("db", "Database", "Data", 2, null, T, T));
    private final PublicIncident incident = PublicIncidentFold.fold(List.of(
            new IncidentDeclared("inc", "Slow queries", "en", Impact.MINOR,
                    Map.of("db", ComponentStatus.DEGRADED_PERFORMANCE), List.of(), T, T),
            new UpdatePosted("inc", "u1", IncidentStatus.IDENTIFIED, "Found it.", Visibility.PUBLIC,
                    Map.of("db", ComponentStatus.PARTIAL_OUTAGE), null, T.plusSeconds(60), T.plusSeconds(61))));
    private final PageView view = PageView.compose(List.of(database), List.of(incident));

    @Test
    void anIncidentWebhookCarriesMetaThePageStatusAndTheStatuspageIncident() {
        String meta = "{\"meta\":{\"unsubscribe\":\"https://status.example/api/v1/subscribers/sub-1\","
                + "\"documentation\":\"https://status.example/api-reference.html\"},"
                + "\"page\":{\"id\":\"page\",\"status_indicator\":\"major\",\"status_description\":\"Partial System Outage\"},";
        assertThat(payloads.incident(SUBSCRIBER, incident, view)).isEqualTo(meta
                + "\"incident\":{\"id\":\"inc\",\"name\":\"Slow queries\",\"status\":\"identified\","
                + "\"created_at\":\"2024-07-05T13:31:00.000Z\",\"updated_at\":\"2024-07-05T13:32:00.000Z\","
                + "\"monitoring_at\":null,\"resolved_at\":null,\"impact\":\"minor\","
                + "\"shortlink\":\"https://status.example/incidents/inc\","
                + "\"started_at\":\"2024-07-05T13:31:00.000Z\",\"page_id\":\"page\",\"incident_updates\":["
                + UPDATE + "],\"components\":[" + COMPONENT + "],\"reminder_intervals\":null}}");
    }

    @Test
    void aComponentUpdateWebhookCarriesTheChangeAndTheComponentWithoutAMemberList() {
        String body = payloads.componentUpdate(SUBSCRIBER, "cu-1", T.plusSeconds(60), ComponentStatus.OPERATIONAL,
                view.components().get(0), view);
        assertThat(body).endsWith("\"component_update\":{\"created_at\":\"2024-07-05T13:32:00.000Z\","
                + "\"new_status\":\"partial_outage\",\"old_status\":\"operational\",\"id\":\"cu-1\","
                + "\"component_id\":\"db\"},\"component\":" + COMPONENT + "}");
    }

    private static final String COMPONENT = "{\"id\":\"db\",\"name\":\"Database\",\"status\":\"partial_outage\","
            + "\"created_at\":\"2024-07-05T13:31:00.000Z\",\"updated_at\":\"2024-07-05T13:32:00.000Z\",\"position\":2,"
            + "\"description\":null,\"showcase\":true,\"start_date\":\"2024-07-05\",\"group_id\":\"group-data\","
            + "\"page_id\":\"page\",\"group\":false,\"only_show_if_degraded\":false}";
    private static final String UPDATE = "{\"id\":\"u1\",\"status\":\"identified\",\"body\":\"Found it.\","
            + "\"incident_id\":\"inc\",\"created_at\":\"2024-07-05T13:32:01.000Z\","
            + "\"updated_at\":\"2024-07-05T13:32:01.000Z\",\"display_at\":\"2024-07-05T13:32:00.000Z\","
            + "\"affected_components\":[{\"code\":\"db\",\"name\":\"Database\",\"old_status\":\"degraded_performance\","
            + "\"new_status\":\"partial_outage\"}],\"deliver_notifications\":true,\"custom_tweet\":null,\"tweet_id\":null}";
}
