package io.incidenttimeline.api.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the start-up warning about a localhost page URL is due: only while others can reach the server. */
class PageUrlWarningTest {

    @Test
    void aLocalhostPageUrlServedOnEveryInterfaceOrAPublicAddressIsWarnedAbout() {
        for (String url : new String[] {"http://localhost:8080", "http://127.0.0.1:8080/", "http://[::1]:8080",
                "http://status.localhost"}) {
            assertThat(PageUrlWarning.warning(null, url)).as(url).hasValueSatisfying(warning -> assertThat(warning)
                    .contains("incident.page.url is " + url).contains("every interface"));
            assertThat(PageUrlWarning.warning("", url)).as(url).isPresent();
            assertThat(PageUrlWarning.warning("0.0.0.0", url)).as(url).isPresent();
            assertThat(PageUrlWarning.warning("10.1.2.3", url)).as(url).hasValueSatisfying(warning ->
                    assertThat(warning).contains("listens on 10.1.2.3"));
        }
    }

    @Test
    void aLoopbackListenerOrARealPageUrlIsNotWarnedAbout() {
        assertThat(PageUrlWarning.warning("127.0.0.1", "http://localhost:8080")).isEmpty();
        assertThat(PageUrlWarning.warning("localhost", "http://localhost:8080")).isEmpty();
        assertThat(PageUrlWarning.warning("::1", "http://localhost:8080")).isEmpty();
        assertThat(PageUrlWarning.warning(null, "https://status.example.com")).isEmpty();
        assertThat(PageUrlWarning.warning("10.1.2.3", "https://status.example.com")).isEmpty();
    }
}
