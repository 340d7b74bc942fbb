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
 * {@code incident.security.tokens} and never gets one. Once any token is configured the generated one no longer works:
 * its file is replaced by {@code admin-token.disabled}, which says why and holds no token, and a WARN says so, so that
 * nobody goes on trusting a dead token (or wonders why the admin API refuses it).
 */
final class BootstrapToken {

    static final String FILE_NAME = "admin-token";
    static final String DISABLED_FILE_NAME = "admin-token.disabled";
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
        if (configured.isEmpty()) {
            return List.of(load(dataDir));
        }
        retire(dataDir);
        if (configured.stream().noneMatch(token -> token.role() == Role.ADMIN)) {
            log.warn("None of the {} configured incident.security.tokens has the role admin: nobody can register "
                    + "subscribers, define components or read metrics; add a token with role: admin beside the others",
                    configured.size());
        }
        return configured;
    }

    /** Tokens are configured: a generated admin token left in the data directory is dead and must not look alive. */
    static void retire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return;
        }
        Path disabled = dataDir.resolve(DISABLED_FILE_NAME);
        try {
            Files.writeString(disabled, "The generated admin token that was kept in " + FILE_NAME + " no longer works "
                    + "and was removed: incident.security.tokens is configured, and then only the configured tokens "
                    + "are accepted. Configure a token with role: admin among them (README, Tokens).\n");
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the generated admin token " + file
                    + ", which no longer works since incident.security.tokens is configured", e);
        }
        log.warn("incident.security.tokens is configured, so the generated admin token in {} no longer works: the file "
                + "was removed ({} says why). Use a configured token with role: admin.", file.toAbsolutePath(),
                disabled);
    }
}
