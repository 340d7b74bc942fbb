package io.incidenttimeline.api.http.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The zones the picker offers: UTC, then the canonical Area/Location zones of the IANA database's {@code zone.tab}
 * ({@code statuspage/zones.txt}) grouped by their area (Africa, America, ... Pacific), each known to this JDK. Aliases
 * ({@code US/Pacific}, {@code Etc/GMT+5}, {@code Asia/Calcutta}) are not offered, though still accepted.
 */
final class TimeZones {

    static final String RESOURCE = "statuspage/zones.txt";
    static final String UTC = "UTC";

    /** One {@code <optgroup>}: an area and its zones, sorted. */
    record Region(String name, List<String> zones) {
    }

    static final List<Region> REGIONS = load();

    private TimeZones() {
    }

    /** Every zone offered, UTC first. */
    static List<String> all() {
        List<String> all = new ArrayList<>(List.of(UTC));
        REGIONS.forEach(region -> all.addAll(region.zones()));
        return all;
    }

    private static List<Region> load() {
        Set<String> known = ZoneId.getAvailableZoneIds();
        Map<String, List<String>> byArea = new LinkedHashMap<>();
        try (InputStream in = TimeZones.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && known.contains(line))
                    .sorted().forEach(zone -> byArea.computeIfAbsent(zone.substring(0, zone.indexOf('/')),
                            area -> new ArrayList<>()).add(zone));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byArea.entrySet().stream().map(e -> new Region(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
