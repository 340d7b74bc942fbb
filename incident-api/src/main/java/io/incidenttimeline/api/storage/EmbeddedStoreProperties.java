package io.incidenttimeline.api.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code incident.embedded-store.*}, for an H2 file database (the embedded default).
 *
 * @param minFreeSpace health is DOWN while the disk holding the database file has less free space than this: H2 closes
 *                     its database when a write fails, and commands are answered 503 until space is freed
 */
@ConfigurationProperties("incident.embedded-store")
public record EmbeddedStoreProperties(@DefaultValue("16MB") DataSize minFreeSpace) {
}
