package io.incidenttimeline.projections.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.audit.*}: the audit chain and its signed checkpoints.
 *
 * @param signingKey         the Ed25519 private key that signs checkpoints, PKCS#8 PEM ("BEGIN PRIVATE KEY")
 * @param signingKeyFile     or a file holding that PEM; with neither, one is generated once in the data directory
 * @param checkpointInterval how often a checkpoint is signed (only when the chain has grown since the last one)
 * @param chainInterval      how often new events are added to the stored chain
 * @param gapSettleTime      a gap in the global index younger than this may still be filled by a transaction in
 *                           flight, so the chain waits before it passes it
 */
@ConfigurationProperties("incident.audit")
public record AuditProperties(String signingKey, Path signingKeyFile,
                              @DefaultValue("PT1H") Duration checkpointInterval,
                              @DefaultValue("PT10S") Duration chainInterval,
                              @DefaultValue("PT30S") Duration gapSettleTime) {
}
