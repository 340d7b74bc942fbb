package io.incidenttimeline.api.axon;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir           where everything the embedded default writes lives (the H2 database, generated keys)
 * @param snapshotThreshold an aggregate is snapshotted after this many events
 */
@ConfigurationProperties("incident")
public record IncidentProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("50") int snapshotThreshold) {
}
