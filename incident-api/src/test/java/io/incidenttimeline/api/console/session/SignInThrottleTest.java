package io.incidenttimeline.api.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.console.ConsoleProperties;
import org.junit.jupiter.api.Test;

/**
 * The limit on wrong sign-in tokens per client address. Over HTTP every test comes from 127.0.0.1, so reaching the
 * limit there would make the other console tests of the shared context wait; the limit is proved here instead.
 */
class SignInThrottleTest {

    @Test
    void anAddressMayTryTheConfiguredNumberOfWrongTokensThenWaitsWhileOthersDoNot() {
        SignInThrottle throttle = new SignInThrottle(new ConsoleProperties(3));

        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitSeconds("203.0.113.7")).isZero();
            throttle.failed("203.0.113.7");
        }

        assertThat(throttle.waitSeconds("203.0.113.7")).isBetween(1L, 20L);
        assertThat(throttle.waitSeconds("198.51.100.1")).isZero();
    }
}
