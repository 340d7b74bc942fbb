package io.incidenttimeline.api.console.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInRedirectsTest {

    @Test
    void aConsolePathOfThisServerIsKept() {
        assertThat(SignInRedirects.safeNext("/console")).isEqualTo("/console");
        assertThat(SignInRedirects.safeNext("/console/incidents/db-outage")).isEqualTo("/console/incidents/db-outage");
        assertThat(SignInRedirects.safeNext("/console?status=resolved&x=1")).isEqualTo("/console?status=resolved&x=1");
    }

    @Test
    void anythingThatCouldLeaveTheConsoleIsDropped() {
        assertThat(SignInRedirects.safeNext(null)).isNull();
        assertThat(SignInRedirects.safeNext("https://evil.example/console")).isNull();
        assertThat(SignInRedirects.safeNext("//evil.example/console")).isNull();
        assertThat(SignInRedirects.safeNext("/console//evil.example")).isNull();
        assertThat(SignInRedirects.safeNext("/\\evil.example")).isNull();
        assertThat(SignInRedirects.safeNext("/console/../api/v1/admin/tokens")).isNull();
        assertThat(SignInRedirects.safeNext("/console/%2e%2e/api")).isNull();
        assertThat(SignInRedirects.safeNext("/console/%2F%2Fevil.example")).isNull();
        assertThat(SignInRedirects.safeNext("/consolex")).isNull();
        assertThat(SignInRedirects.safeNext("/console/\"><script>")).isNull();
        assertThat(SignInRedirects.safeNext("/console/" + "a".repeat(2000))).isNull();
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
