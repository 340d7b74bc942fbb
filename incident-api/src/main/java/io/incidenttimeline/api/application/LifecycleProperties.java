package io.incidenttimeline.api.application;

import io.incidenttimeline.core.incident.LifecycleMoments;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param extraMoments lifecycle moments responders may record beside detected, acknowledged, mitigated and resolved
 */
@ConfigurationProperties("incident.lifecycle")
public record LifecycleProperties(@DefaultValue("identified") List<String> extraMoments) {

    /** The moments the incident accepts; a name that is not an id, or repeats one, stops the start-up. */
    public LifecycleMoments moments() {
        return LifecycleMoments.withExtras(extraMoments);
    }
}
