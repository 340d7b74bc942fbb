package io.incidenttimeline.api.subscriber;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Registering a subscriber whose URL spells an IP address in a form clients read differently is a 400 problem naming
 * {@code url}, and nothing is registered. These forms are refused even here, where the integration tests' configuration
 * allows private addresses (the address rule itself is WebhookAddressesTest's).
 */
class WebhookAddressApiTest extends ApiIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://0177.0.0.1/hook", "http://127.1/hook", "http://0x7f.0.0.1/hook",
            "http://2130706433/hook", "http://127.0.0.01:8080/hook", "http://[::ffff:0:127.0.0.1]/hook",
            "http://[::ffff:127.0.0.1]/hook", "http://[::127.0.0.1]/hook"})
    void aSubscriberAtAnAmbiguouslyWrittenAddressIsRefusedNamingTheUrl(String url) {
        var response = api.post("/api/v1/subscribers").as(ADMIN)
                .json(Map.of("url", url, "secret", "whsec-0123456789abcdef0123456789abcdef")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/invalid-webhook-url");
        assertThat(response.json().get("field").asText()).isEqualTo("url");
        assertThat(response.json().get("detail").asText()).contains("four decimal numbers");
        assertThat(api.get("/api/v1/subscribers").as(ADMIN).send().body()).doesNotContain(url);
    }
}
