package io.incidenttimeline.api.subscription;

import io.incidenttimeline.api.axon.IncidentProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that signs subscription links comes from {@code incident.subscriptions.signing-key}; without it (the
 * embedded default) one is generated once into {@code ${incident.data-dir}/subscription-link-key}, readable only by its
 * owner, like the audit signing key. Nodes sharing a database must share the key: configure it for them.
 */
@Configuration(proxyBeanMethods = false)
class LinkKeyConfig {

    static final String GENERATED_FILE = "subscription-link-key";
    private static final Logger log = LoggerFactory.getLogger(LinkKeyConfig.class);

    @Bean
    LinkSigner subscriptionLinkSigner(SubscriptionProperties properties, IncidentProperties incident) {
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            return new LinkSigner(properties.signingKey().getBytes(StandardCharsets.UTF_8));
        }
        Path file = incident.dataDir().resolve(GENERATED_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, HexFormat.of().formatHex(key));
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
                log.info("generated the key that signs subscription links into {}", file.toAbsolutePath());
            }
            return new LinkSigner(Files.readString(file).strip().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the subscription link key in " + file, e);
        }
    }
}
