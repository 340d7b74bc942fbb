package io.incidenttimeline.api.console.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.console.ReturnPaths;
import org.junit.jupiter.api.Test;

class SignInRedirectsTest {

    @Test
    void aConsolePathOfThisServerIsKept() {
        assertThat(ReturnPaths.safe("/console")).isEqualTo("/console");
        assertThat(ReturnPaths.safe("/console/incidents/db-outage")).isEqualTo("/console/incidents/db-outage");
        assertThat(ReturnPaths.safe("/console?status=resolved&x=1")).isEqualTo("/console?status=resolved&x=1");
    }

    @Test
    void anythingThatCouldLeaveTheConsoleIsDropped() {
        assertThat(ReturnPaths.safe(null)).isNull();
        assertThat(ReturnPaths.safe("https://evil.example/console")).isNull();
        assertThat(ReturnPaths.safe("//evil.example/console")).isNull();
        assertThat(ReturnPaths.safe("/console//evil.example")).isNull();
        assertThat(ReturnPaths.safe("/\\evil.example")).isNull();
        assertThat(ReturnPaths.safe("/console/../api/v1/admin/tokens")).isNull();
        assertThat(ReturnPaths.safe("/console/%2e%2e/api")).isNull();
        assertThat(ReturnPaths.safe("/console/%2F%2Fevil.example")).isNull();
        assertThat(ReturnPaths.safe("/consolex")).isNull();
        assertThat(ReturnPaths.safe("/console/\"><script>")).isNull();
        assertThat(ReturnPaths.safe("/console/" + "a".repeat(2000))).isNull();
    }

    @Test
    void everyRefusalReasonHasAMessageAndAnUnknownOneAGeneralMessage() {
        assertThat(SingleSignOn.problem(SignInRedirects.NO_ROLE)).hasValueSatisfying(
                message -> assertThat(message).contains("no role in this console"));
        assertThat(SingleSignOn.problem(SignInRedirects.NO_NAME)).hasValueSatisfying(
                message -> assertThat(message).contains("no name"));
        assertThat(SingleSignOn.problem("")).hasValueSatisfying(
                message -> assertThat(message).contains("Single sign-on did not complete"));
        assertThat(SingleSignOn.problem(null)).isEmpty();
    }
}
