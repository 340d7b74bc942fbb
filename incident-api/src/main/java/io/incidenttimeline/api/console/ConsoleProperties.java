package io.incidenttimeline.api.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings. Its session timeout is Spring Boot's {@code server.servlet.session.timeout}.
 *
 * @param signInFailuresPerMinute how many wrong tokens one address may try per minute (a burst of that size,
 *                                refilled evenly); beyond it sign-in from there waits
 */
@ConfigurationProperties("incident.console")
public record ConsoleProperties(@DefaultValue("10") int signInFailuresPerMinute) {
}
