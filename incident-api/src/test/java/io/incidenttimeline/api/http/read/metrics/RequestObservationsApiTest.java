package io.incidenttimeline.api.http.read.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** Every request is timed once; Spring Security's filters are not observed one by one (issue #20, the CPU it cost). */
class RequestObservationsApiTest extends ApiIntegrationTest {

    @Test
    void requestsAreTimedWhileSecurityFilterChainsHaveNoObservationsOfTheirOwn() {
        assertThat(api.get("/api/v2/summary.json").send().status()).isEqualTo(200);

        String scrape = api.get("/actuator/prometheus").as(ApiClient.ADMIN).send().body();

        assertThat(scrape).contains("http_server_requests_seconds_count{");
        assertThat(scrape).doesNotContain("spring_security_filterchains");
        assertThat(scrape).doesNotContain("spring_security_authorizations");
    }
}
