package io.incidenttimeline.api.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incident.event-store.*}.
 *
 * @param identity when set, the application starts only on the event store with this identity, so even a
 *                 configuration that moves event store and read models together to the wrong database stops it
 */
@ConfigurationProperties("incident.event-store")
public record EventStoreProperties(String identity) {
}
