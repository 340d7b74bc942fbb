package io.incidenttimeline.api.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.metrics.*}: the incident metrics in the Prometheus export.
 *
 * @param prometheusWindow the export's figures cover the incidents whose impact started within this long before the
 *                         scrape
 */
@ConfigurationProperties("incident.metrics")
public record MetricsExportProperties(@DefaultValue("P90D") Duration prometheusWindow) {

    public MetricsExportProperties {
        if (prometheusWindow.isNegative() || prometheusWindow.isZero()) {
            throw new IllegalArgumentException("incident.metrics.prometheus-window must be positive, not "
                    + prometheusWindow);
        }
    }
}
