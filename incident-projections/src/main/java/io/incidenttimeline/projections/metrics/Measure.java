package io.incidenttimeline.projections.metrics;

import java.util.Locale;

/**
 * The durations measured per incident, each between two of its moments (README, "Incident metrics"). The impact start
 * is the impact window's start, else the declaration.
 */
public enum Measure {
    /** impact start to {@code detected} */
    DETECT("timeToDetect"),
    /** {@code detected} to {@code acknowledged}: how long a detected problem waited for a responder to take it */
    ACKNOWLEDGE("timeToAcknowledge"),
    /** impact start to {@code mitigated} */
    MITIGATE("timeToMitigate"),
    /** impact start to the first public update that stands (not retracted) */
    FIRST_PUBLIC_UPDATE("timeToFirstPublicUpdate"),
    /** impact start to {@code resolved}, else to the update that resolved the incident */
    RESOLVE("timeToResolve");

    private final String field;

    Measure(String field) {
        this.field = field;
    }

    /** Its name in the JSON documents, e.g. {@code timeToMitigate}. */
    public String field() {
        return field;
    }

    /** Its name in metric names, e.g. {@code mitigate} in {@code incident_time_to_mitigate_seconds}. */
    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
