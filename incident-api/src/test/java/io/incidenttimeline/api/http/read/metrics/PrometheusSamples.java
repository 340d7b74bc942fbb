package io.incidenttimeline.api.http.read.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The incident metrics of one scrape of {@code /actuator/prometheus}, keyed by name and labels in name order. */
final class PrometheusSamples {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)} (\\S+)$");

    private PrometheusSamples() {
    }

    static Map<String, Double> scrape(ApiClient api) {
        var response = api.get("/actuator/prometheus").as(ApiClient.ADMIN).send();
        assertThat(response.status()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && (m.group(1).startsWith("incident_time_to_") || m.group(1).startsWith("incident_metrics_"))) {
                Map<String, String> labels = new TreeMap<>();
                for (String label : m.group(2).split(",(?=[a-z_]+=\")")) {
                    int eq = label.indexOf('=');
                    labels.put(label.substring(0, eq), label.substring(eq + 1));
                }
                StringBuilder key = new StringBuilder();
                labels.forEach((name, value) -> key.append(key.isEmpty() ? "" : ",").append(name).append('=')
                        .append(value));
                samples.put(m.group(1) + "{" + key + "}", Double.parseDouble(m.group(3)));
            }
        }
        return samples;
    }
}
