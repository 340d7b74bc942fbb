package io.incidenttimeline.api.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.security.tokens[N].name|role|sha256}: the API tokens, of which only the lower-case hex SHA-256 is
 * configured. These keys are a contract for deployments and scripts.
 */
@ConfigurationProperties("incident.security")
public record SecurityProperties(@DefaultValue List<Token> tokens) {

    public record Token(String name, Role role, String sha256) {
    }
}
