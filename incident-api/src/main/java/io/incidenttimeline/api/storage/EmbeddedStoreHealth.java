package io.incidenttimeline.api.storage;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code embeddedStore} health component: DOWN while the disk holding an H2 database file has less free space
 * than {@code incident.embedded-store.min-free-space}. H2 reopens a database that closed itself (the {@code db}
 * component is DOWN while it is closed), but on a full disk it can still read and so looks healthy between two failed
 * writes; this component says why commands are refused. Without an H2 file database it is always UP.
 */
final class EmbeddedStoreHealth implements HealthIndicator {

    private final List<Path> directories;
    private final long minFreeBytes;

    EmbeddedStoreHealth(List<Path> directories, long minFreeBytes) {
        this.directories = directories;
        this.minFreeBytes = minFreeBytes;
    }

    /** The directory of the H2 file database behind this JDBC URL, if it is one ({@code mem:} and servers are not). */
    static Optional<Path> directoryOf(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring("jdbc:h2:".length()).split(";", 2)[0];
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                || lower.startsWith("zip:")) {
            return Optional.empty();
        }
        name = name.replaceFirst("^(?i)(file|split|nio|nioMapped|async|retry):", "");
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        Path parent = Path.of(name).toAbsolutePath().normalize().getParent();
        return Optional.ofNullable(parent);
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("minFreeBytes", minFreeBytes);
        Map<String, Long> free = new LinkedHashMap<>();
        for (Path directory : directories) {
            long usable = usableSpace(directory);
            free.put(directory.toString(), usable);
            if (usable < minFreeBytes) {
                health.status(Status.DOWN).withDetail("reason", "the disk holding " + directory + " has " + usable
                        + " bytes free, less than incident.embedded-store.min-free-space (" + minFreeBytes
                        + "): the embedded database cannot store commands; free space on that disk");
            }
        }
        return health.withDetail("freeBytes", free).build();
    }

    /** The free space of the directory, or of its nearest existing parent before the database creates it. */
    private static long usableSpace(Path directory) {
        for (Path path = directory; path != null; path = path.getParent()) {
            File file = path.toFile();
            if (file.exists()) {
                return file.getUsableSpace();
            }
        }
        return 0;
    }
}
