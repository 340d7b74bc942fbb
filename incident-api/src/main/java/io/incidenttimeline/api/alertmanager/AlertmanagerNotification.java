package io.incidenttimeline.api.alertmanager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alertmanager's webhook payload, version 4. Fields Alertmanager may add later are ignored, not refused. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
public record AlertmanagerNotification(String version, String groupKey, Integer truncatedAlerts, String status,
                                       String receiver, Map<String, String> groupLabels,
                                       Map<String, String> commonLabels, Map<String, String> commonAnnotations,
                                       String externalURL, List<Alert> alerts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                        Instant endsAt, String generatorURL, String fingerprint) {
    }

    boolean firing() {
        return "firing".equals(status);
    }
}
