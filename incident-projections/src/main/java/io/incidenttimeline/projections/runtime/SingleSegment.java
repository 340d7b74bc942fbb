package io.incidenttimeline.projections.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on an event handler bean beside its {@code @ProcessingGroup}: its processor has one segment, whatever
 * {@code incident.processing.segments} says, so it sees every event in global order. For a handler that relies on
 * that order across aggregates; every other processor splits its events by aggregate over the configured segments.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SingleSegment {
}
