package io.incidenttimeline.api.statuspage;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.page.*}: the page object of the Statuspage-compatible API. Timestamps there are written in
 * {@code time-zone}.
 */
@ConfigurationProperties("incident.page")
public record PageProperties(@DefaultValue("incident-timeline") String id,
                             @DefaultValue("Incident Timeline") String name,
                             @DefaultValue("http://localhost:8080") String url,
                             @DefaultValue("Etc/UTC") String timeZone) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
