package io.incidenttimeline.projections.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the read store's {@code JdbcTemplate}, {@code DataSource} and transaction manager: the database the read models
 * (and the processors' tokens) live in, which may be another one than the event store's. Unqualified, the same types
 * are the event store's.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
@Documented
public @interface ReadStore {
}
