package io.incidenttimeline.api.http.infra.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.security.tokens[N].name|role|sha256}: the API tokens, of which only the lower-case hex SHA-256 is
 * configured. These keys are a contract for deployments and scripts.
 * {@code incident.security.webhook-basic-auth[N].username|role|password-sha256}: HTTP basic credentials for senders
 * that cannot send a bearer token (Alertmanager's basic_auth); accepted only under {@code /api/v1/webhooks/}.
 */
@ConfigurationProperties("incident.security")
public record SecurityProperties(@DefaultValue List<Token> tokens, @DefaultValue List<BasicCredential> webhookBasicAuth) {

    public record Token(String name, Role role, String sha256) {
    }

    public record BasicCredential(String username, Role role, String passwordSha256) {

        Token asToken() {
            return new Token(username, role, passwordSha256);
        }
    }
}
