package io.incidenttimeline.api.http.infra.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters a handler reads from the request itself rather than through {@code @RequestParam} (the HTML
 * pages read {@code lang} and {@code tz} so that a bad value becomes a page, not a problem): {@link
 * QueryParameterCheck} accepts these beside the declared ones.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QueryParameters {

    String[] value();
}
