package io.incidenttimeline.projections.runtime;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.processing.*}: how the projections' event processors share their work between the application
 * instances (nodes) on one database.
 *
 * @param nodeName      this node's name, the owner of its segment claims; unique among the nodes (default
 *                      {@code <pid>@<host>})
 * @param segments      the segments of every processor whose read model is kept per aggregate; they are processed in
 *                      parallel, spread over the nodes
 * @param claimTimeout  a segment whose claim was not renewed for this long belongs to nobody: a node that died loses its
 *                      segments to the others after it
 * @param claimInterval how often a node looks for segments nobody owns and says it is alive
 */
@ConfigurationProperties("incident.processing")
public record ProcessingProperties(String nodeName, @DefaultValue("4") int segments,
                                   @DefaultValue("PT6S") Duration claimTimeout,
                                   @DefaultValue("PT1S") Duration claimInterval) {

    public ProcessingProperties {
        if (nodeName == null || nodeName.isBlank()) {
            nodeName = ManagementFactory.getRuntimeMXBean().getName();
        }
        if (segments < 1) {
            throw new IllegalArgumentException("incident.processing.segments must be at least 1, not " + segments);
        }
        if (claimInterval.compareTo(claimTimeout.dividedBy(3)) > 0) {
            throw new IllegalArgumentException("incident.processing.claim-interval (" + claimInterval
                    + ") must be at most a third of incident.processing.claim-timeout (" + claimTimeout
                    + "), or live nodes lose their claims");
        }
    }

    /** Claims are renewed this often, so a live node's claim never comes near the timeout. */
    public Duration claimExtension() {
        return claimTimeout.dividedBy(3);
    }
}
