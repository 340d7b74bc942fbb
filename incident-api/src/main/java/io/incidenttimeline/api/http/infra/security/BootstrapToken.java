package io.incidenttimeline.api.http.infra.security;

import io.incidenttimeline.api.support.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When no token is configured (the embedded default on a fresh clone), an admin token is generated once and kept in
 * the data directory, readable only by its owner, so a newcomer can call the API at once. Production configures
 * {@code incident.security.tokens} and never gets one.
 */
final class BootstrapToken {

    static final String FILE_NAME = "admin-token";
    private static final Logger log = LoggerFactory.getLogger(BootstrapToken.class);

    private BootstrapToken() {
    }

    static SecurityProperties.Token load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                String token = "itk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                Files.writeString(file, token + "\n");
                restrictToOwner(file);
            }
            String token = Files.readString(file).trim();
            log.warn("No incident.security.tokens configured: using the generated admin token in {} "
                    + "(fine for the embedded default; configure token hashes in production)", file.toAbsolutePath());
            return new SecurityProperties.Token("bootstrap-admin", Role.ADMIN, Sha256.hex(token));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bootstrap admin token in " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    static List<SecurityProperties.Token> orBootstrap(List<SecurityProperties.Token> configured, Path dataDir) {
        return configured.isEmpty() ? List.of(load(dataDir)) : configured;
    }
}
