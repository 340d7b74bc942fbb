package io.incidenttimeline.api.http.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The generated admin token: made when no token is configured, retired visibly once one is. */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapTokenTest {

    private static final SecurityProperties.Token CONFIGURED_ADMIN =
            new SecurityProperties.Token("ops-admin", Role.ADMIN, Sha256.hex("ops-admin-secret"));

    @Test
    void withoutConfiguredTokensAnAdminTokenIsGeneratedOnceAndWorks(@TempDir Path data) throws Exception {
        ApiTokens tokens = new ApiTokens(BootstrapToken.orBootstrap(List.of(), data));
        String generated = Files.readString(data.resolve("admin-token")).trim();

        assertThat(tokens.authenticate(generated)).map(ApiTokens.Caller::role).contains(Role.ADMIN);
        assertThat(new ApiTokens(BootstrapToken.orBootstrap(List.of(), data)).authenticate(generated)).isPresent();
    }

    @Test
    void aConfiguredTokenRetiresTheGeneratedOneRemovingItsFileAndSayingSoAtWarn(@TempDir Path data,
            CapturedOutput output) throws Exception {
        BootstrapToken.orBootstrap(List.of(), data);
        String generated = Files.readString(data.resolve("admin-token")).trim();

        ApiTokens tokens = new ApiTokens(BootstrapToken.orBootstrap(List.of(CONFIGURED_ADMIN), data));

        assertThat(tokens.authenticate(generated)).as("the generated token").isEmpty();
        assertThat(tokens.authenticate("ops-admin-secret")).map(ApiTokens.Caller::name).contains("ops-admin");
        assertThat(data.resolve("admin-token")).doesNotExist();
        String disabled = Files.readString(data.resolve("admin-token.disabled"));
        assertThat(disabled.lines().findFirst().orElseThrow()).contains("no longer works")
                .contains("incident.security.tokens is configured");
        assertThat(disabled).doesNotContain(generated);
        assertThat(output.getOut()).containsPattern("WARN .*BootstrapToken.*generated admin token in "
                + data.resolve("admin-token").toAbsolutePath() + " no longer works");
    }

    @Test
    void aConfiguredTokenWithoutAGeneratedOneChangesNothingOnDisk(@TempDir Path data, CapturedOutput output) {
        BootstrapToken.orBootstrap(List.of(CONFIGURED_ADMIN), data);

        assertThat(data.resolve("admin-token")).doesNotExist();
        assertThat(data.resolve("admin-token.disabled")).doesNotExist();
        assertThat(output.getOut()).doesNotContain("no longer works").doesNotContain("has the role admin");
    }

    @Test
    void configuredTokensWithoutAnAdminAreWarnedAbout(@TempDir Path data, CapturedOutput output) {
        BootstrapToken.orBootstrap(List.of(new SecurityProperties.Token("ci", Role.RESPONDER,
                Sha256.hex("ci-secret"))), data);

        assertThat(output.getOut()).containsPattern("WARN .*None of the 1 configured incident.security.tokens has "
                + "the role admin");
    }
}
