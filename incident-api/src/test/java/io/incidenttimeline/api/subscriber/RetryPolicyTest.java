package io.incidenttimeline.api.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production defaults: 8 attempts, 10 s doubling up to an hour. */
class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2024-07-05T13:31:00Z");
    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(10), 2.0, Duration.ofHours(1));

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void a2xxIsDelivered(int status) {
        var decision = policy.after(1, Attempt.answered(status, null, 5), NOW);
        assertThat(decision.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(decision.nextAttemptAt()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void serverErrorsTimeoutsAndTooManyRequestsAreRetried(int status) {
        var decision = policy.after(1, Attempt.answered(status, null, 5), NOW);
        assertThat(decision.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(decision.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void noAnswerAtAllIsRetried() {
        assertThat(policy.after(1, Attempt.failed("ConnectException", 3), NOW).status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 410, 413, 422, 301, 302, 307, 100})
    void otherClientErrorsAndRedirectsAreGivenUpAtOnce(int status) {
        var decision = policy.after(1, Attempt.answered(status, null, 5), NOW);
        assertThat(decision.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(decision.nextAttemptAt()).isNull();
    }

    @Test
    void aRefusedAddressIsGivenUpAtOnce() {
        assertThat(policy.after(1, Attempt.refused("loopback"), NOW).status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void theWaitDoublesUpToTheMaximum() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.backoff(7)).isEqualTo(Duration.ofSeconds(640));
        assertThat(policy.backoff(10)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.backoff(200)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theLastAttemptIsFinal() {
        Attempt failure = Attempt.answered(500, null, 5);
        assertThat(policy.after(7, failure, NOW).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(policy.after(8, failure, NOW).status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void aLongerRetryAfterIsHonouredUpToTheMaximum() {
        assertThat(policy.after(1, Attempt.answered(429, Duration.ofSeconds(120), 5), NOW).nextAttemptAt())
                .isEqualTo(NOW.plusSeconds(120));
        assertThat(policy.after(1, Attempt.answered(503, Duration.ofSeconds(2), 5), NOW).nextAttemptAt())
                .as("shorter than the backoff").isEqualTo(NOW.plusSeconds(10));
        assertThat(policy.after(1, Attempt.answered(503, Duration.ofDays(2), 5), NOW).nextAttemptAt())
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
    }
}
