package io.incidenttimeline.api.audit.checkpoint;

import io.incidenttimeline.projections.audit.checkpoint.CheckpointSigner;
import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import io.incidenttimeline.projections.audit.AuditProperties;
import io.incidenttimeline.projections.audit.continuity.WitnessFile;
import io.incidenttimeline.api.axon.IncidentProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The checkpoint signing key comes from {@code incident.audit.signing-key} (PKCS#8 PEM) or
 * {@code incident.audit.signing-key-file}. With neither (the embedded default), one is generated once into
 * {@code ${incident.data-dir}/audit-signing-key.pem}, readable only by its owner, and a warning is logged. Beside it,
 * in the data directory, the node keeps its record of the newest checkpoint it signed or saw.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfig {

    static final String GENERATED_FILE = "audit-signing-key.pem";
    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfig.class);

    @Bean
    CheckpointSigner checkpointSigner(AuditProperties audit, IncidentProperties incident) {
        return new CheckpointSigner(load(audit, incident.dataDir()));
    }

    @Bean
    WitnessFile checkpointWitness(IncidentProperties incident) {
        return new WitnessFile(incident.dataDir());
    }

    static KeyPair load(AuditProperties audit, Path dataDir) {
        if (audit.signingKey() != null && !audit.signingKey().isBlank()) {
            return parse(audit.signingKey(), "incident.audit.signing-key");
        }
        if (audit.signingKeyFile() != null) {
            return parse(read(audit.signingKeyFile()), "incident.audit.signing-key-file " + audit.signingKeyFile());
        }
        Path generated = dataDir.resolve(GENERATED_FILE);
        if (!Files.exists(generated)) {
            write(generated, Ed25519Keys.privateKeyPem(Ed25519Keys.generate().getPrivate()));
        }
        log.warn("No incident.audit.signing-key configured: signing audit checkpoints with the generated key in {} "
                + "(fine for the embedded default; configure a key in production and keep it out of the data directory)",
                generated.toAbsolutePath());
        return parse(read(generated), generated.toString());
    }

    private static KeyPair parse(String pem, String source) {
        try {
            return Ed25519Keys.fromPrivateKeyPem(pem);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit signing key " + file, e);
        }
    }

    private static void write(Path file, String pem) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, pem);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit signing key " + file, e);
        }
    }
}
