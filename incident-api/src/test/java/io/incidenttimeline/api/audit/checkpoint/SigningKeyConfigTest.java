package io.incidenttimeline.api.audit.checkpoint;

import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidenttimeline.projections.audit.AuditProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyConfigTest {

    @TempDir
    Path dataDir;

    private static AuditProperties properties(String key, Path file) {
        return new AuditProperties(key, file, Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Test
    void aConfiguredKeyIsUsedAndNothingIsGenerated() {
        KeyPair configured = Ed25519Keys.generate();

        KeyPair loaded = SigningKeyConfig.load(properties(Ed25519Keys.privateKeyPem(configured.getPrivate()), null), dataDir);

        assertThat(loaded.getPublic().getEncoded()).isEqualTo(configured.getPublic().getEncoded());
        assertThat(dataDir.resolve(SigningKeyConfig.GENERATED_FILE)).doesNotExist();
    }

    @Test
    void aConfiguredKeyFileIsUsed() throws Exception {
        KeyPair configured = Ed25519Keys.generate();
        Path file = Files.writeString(dataDir.resolve("elsewhere.pem"), Ed25519Keys.privateKeyPem(configured.getPrivate()));

        KeyPair loaded = SigningKeyConfig.load(properties(null, file), dataDir);

        assertThat(loaded.getPublic().getEncoded()).isEqualTo(configured.getPublic().getEncoded());
        assertThat(dataDir.resolve(SigningKeyConfig.GENERATED_FILE)).doesNotExist();
    }

    @Test
    void withoutConfigurationAKeyIsGeneratedOnceAndKept() throws Exception {
        KeyPair first = SigningKeyConfig.load(properties(null, null), dataDir);
        KeyPair second = SigningKeyConfig.load(properties(" ", null), dataDir);

        assertThat(second.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
        Path generated = dataDir.resolve(SigningKeyConfig.GENERATED_FILE);
        assertThat(Files.readString(generated)).startsWith("-----BEGIN PRIVATE KEY-----");
        if (generated.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(generated)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aConfiguredValueThatIsNoKeyStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> SigningKeyConfig.load(properties("secret", null), dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("incident.audit.signing-key:");
    }
}
