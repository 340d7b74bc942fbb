package io.incidenttimeline.api.statuspage;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.page.*}: the public page as the outside world addresses it. {@code url} is where readers reach the
 * page; every absolute link leaving the server is built from it (summary.json's page and shortlinks, the feeds'
 * links, the webhooks' {@code meta}). {@code id} and {@code name} are the Statuspage page object's; timestamps of the
 * Statuspage-compatible documents are written in {@code time-zone}.
 */
@ConfigurationProperties("incident.page")
public record PageProperties(@DefaultValue("incident-timeline") String id,
                             @DefaultValue("Incident Timeline") String name,
                             @DefaultValue("http://localhost:8080") String url,
                             @DefaultValue("Etc/UTC") String timeZone) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** {@code url} without a trailing slash, to append paths to. */
    public String base() {
        return url.replaceAll("/+$", "");
    }
}
