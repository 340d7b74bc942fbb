package io.incidenttimeline.api.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incident.read-store.*}. Its database is configured under {@code incident.read-store.datasource.*} (url,
 * username, password, driver-class-name, hikari.*), bound in {@link StorageConfig}; without a url the read models live
 * in the event store's database.
 *
 * @param rebuildFrom the identity of an event store whose events the read models are to be rebuilt from when they do
 *                    not belong to it: set deliberately, once; it has no effect on any other event store
 */
@ConfigurationProperties("incident.read-store")
public record ReadStoreProperties(String rebuildFrom) {
}
