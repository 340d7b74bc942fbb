package io.incidenttimeline.api.accesstoken;

import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.application.CommandRefused;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.application.Refusal;
import io.incidenttimeline.api.support.Sha256;
import io.incidenttimeline.core.accesstoken.IssueAccessToken;
import io.incidenttimeline.core.accesstoken.RevokeAccessToken;
import io.incidenttimeline.core.accesstoken.TokenName;
import io.incidenttimeline.core.accesstoken.TokenRole;
import io.incidenttimeline.core.shared.CommandRejected;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Personal tokens that an admin issues and revokes at run time, beside the configured ones. A token is shown once, when
 * it is issued; only its SHA-256 is kept. Issuing and revoking are commands on the token's own aggregate, sent on
 * behalf of the admin, so the audit trail says who issued or revoked which token and when, and never holds the secret
 * or its hash.
 */
@Service
public class PersonalTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Commands commands;
    private final ConfiguredTokens configured;
    private final PersonalTokenStore store;
    private final Clock clock;

    PersonalTokens(Commands commands, ConfiguredTokens configured, PersonalTokenStore store, Clock clock) {
        this.commands = commands;
        this.configured = configured;
        this.store = store;
        this.clock = clock;
    }

    /** A token just issued: {@code token} is its secret, which nobody can read again. */
    public record Issued(String token, PersonalToken listed) {
    }

    public Issued issue(String name, TokenRole role, Actor actor) {
        checkName(name);
        if (configured.configured(name).isPresent()) {
            throw new CommandRefused(nameTaken(name + " is the name of a configured token (incident.security.tokens)"),
                    false);
        }
        String token = newToken();
        // the database keeps microseconds: the answer shows what every later list shows
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var row = new PersonalTokenStore.Row(name, role, Sha256.hex(token), createdAt, actor.name());
        try {
            TokenRowInterceptor.issuing(row, () -> commands.send(new IssueAccessToken(name, role), actor));
        } catch (DuplicateKeyException issuedAtTheSameMoment) {
            throw new CommandRefused(nameTaken("another request issued a token named " + name + " at the same moment"),
                    false);
        }
        return new Issued(token, new PersonalToken(name, role, PersonalToken.Source.ISSUED, createdAt, actor.name(),
                null));
    }

    /** Revokes the issued token of this name: from its holder's next request on, on every node, it is refused. */
    public void revoke(String name, Actor actor) {
        if (!TokenName.isValid(name)) {
            throw new CommandRefused(new Refusal(Refusal.Kind.NOT_FOUND, "token-not-found", "name",
                    "no active personal token is named " + shown(name)), false);
        }
        if (!store.isIssued(name) && configured.configured(name).isPresent()) {
            throw new CommandRefused(new Refusal(Refusal.Kind.RULE_VIOLATION, "token-configured", "name",
                    "the token " + name + " is configured (incident.security.tokens), not issued at run time, and "
                            + "cannot be revoked here: remove its entry from incident.security.tokens and restart "
                            + "every node (the generated bootstrap-admin token stops working as soon as any token is "
                            + "configured there)"), false);
        }
        commands.send(new RevokeAccessToken(name), actor);
    }

    /** Every token that works now, configured and issued, by name. */
    public List<PersonalToken> list() {
        Map<String, Instant> uses = store.configuredTokenUses();
        List<PersonalToken> tokens = new ArrayList<>(configured.configured().stream()
                .map(token -> new PersonalToken(token.name(), token.role(), PersonalToken.Source.CONFIGURED, null,
                        null, uses.get(token.name()))).toList());
        tokens.addAll(store.issued());
        tokens.sort(Comparator.comparing(PersonalToken::name).thenComparing(PersonalToken::source));
        return List.copyOf(tokens);
    }

    private static void checkName(String name) {
        try {
            TokenName.checked(name);
        } catch (CommandRejected rejected) {
            throw new CommandRefused(new Refusal(Refusal.Kind.INVALID_INPUT, rejected.type(), rejected.field(),
                    rejected.getMessage()), false);
        }
    }

    private static Refusal nameTaken(String why) {
        return new Refusal(Refusal.Kind.RULE_VIOLATION, "token-name-taken", "name",
                "an active token has this name already: " + why + "; choose another name");
    }

    /** The same form as the generated bootstrap admin token. */
    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "itk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String shown(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
