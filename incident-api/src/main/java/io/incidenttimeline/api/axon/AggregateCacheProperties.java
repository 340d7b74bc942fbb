package io.incidenttimeline.api.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxSize aggregates kept in memory per aggregate type (incidents, components, maintenances, tokens,
 *                templates), the least used evicted first; 0 loads every aggregate from the event store
 */
@ConfigurationProperties("incident.aggregate-cache")
public record AggregateCacheProperties(@DefaultValue("1000") long maxSize) {

    public AggregateCacheProperties {
        if (maxSize < 0) {
            throw new IllegalArgumentException("incident.aggregate-cache.max-size must be 0 (off) or more, not " + maxSize);
        }
    }
}
