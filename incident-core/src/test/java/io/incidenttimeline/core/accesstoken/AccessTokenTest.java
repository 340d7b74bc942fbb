package io.incidenttimeline.core.accesstoken;

import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.notFound;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Personal tokens under one name: issued, revoked, issued again. */
class AccessTokenTest {

    private static final Instant NOW = Instant.parse("2024-07-05T09:12:00Z");
    private static final Instant EARLIER = Instant.parse("2024-07-01T08:00:00Z");

    private AggregateTestFixture<AccessToken> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessToken.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void givenNoToken_whenIssued_thenAccessTokenIssuedWithNameAndRoleOnly() {
        fixture.givenNoPriorActivity()
                .when(new IssueAccessToken("alice", TokenRole.RESPONDER))
                .expectEvents(new AccessTokenIssued("alice", TokenRole.RESPONDER, NOW, NOW));
    }

    @Test
    void givenActiveToken_whenIssuedAgain_thenRefusedAsNameTaken() {
        fixture.given(new AccessTokenIssued("alice", TokenRole.RESPONDER, EARLIER, EARLIER))
                .when(new IssueAccessToken("alice", TokenRole.ADMIN))
                .expectException(ruleViolation("token-name-taken", "name"));
    }

    @Test
    void givenActiveToken_whenRevoked_thenAccessTokenRevokedWithItsRole() {
        fixture.given(new AccessTokenIssued("alice", TokenRole.AUDITOR, EARLIER, EARLIER))
                .when(new RevokeAccessToken("alice"))
                .expectEvents(new AccessTokenRevoked("alice", TokenRole.AUDITOR, NOW, NOW));
    }

    @Test
    void givenRevokedToken_whenRevokedAgain_thenNotFound() {
        fixture.given(new AccessTokenIssued("alice", TokenRole.AUDITOR, EARLIER, EARLIER),
                        new AccessTokenRevoked("alice", TokenRole.AUDITOR, EARLIER, EARLIER))
                .when(new RevokeAccessToken("alice"))
                .expectException(notFound("token-not-found", "name"));
    }

    @Test
    void givenNoToken_whenRevoked_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RevokeAccessToken("alice"))
                .expectException(notFound("token-not-found", "name"));
    }

    @Test
    void givenRevokedToken_whenIssuedAgain_thenIssuedWithTheNewRole() {
        fixture.given(new AccessTokenIssued("alice", TokenRole.RESPONDER, EARLIER, EARLIER),
                        new AccessTokenRevoked("alice", TokenRole.RESPONDER, EARLIER, EARLIER))
                .when(new IssueAccessToken("alice", TokenRole.ADMIN))
                .expectEvents(new AccessTokenIssued("alice", TokenRole.ADMIN, NOW, NOW));
    }

    @Test
    void givenNoRole_whenIssued_thenRefusedNamingRole() {
        fixture.givenNoPriorActivity()
                .when(new IssueAccessToken("alice", null))
                .expectException(invalidInput("value-required", "role"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Alice", "1alice", "alice-", "al ice", "al_ice", "al.ice", "alice\u0000",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void givenNameThatIsNoSlug_whenIssued_thenRefusedNamingName(String name) {
        fixture.givenNoPriorActivity()
                .when(new IssueAccessToken(name, TokenRole.RESPONDER))
                .expectException(invalidInput("invalid-token-name", "name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "oncall-bot-2", "a23456789012345678901234567890123456789012345678901234567890123"})
    void givenSlugName_whenIssued_thenIssued(String name) {
        fixture.givenNoPriorActivity()
                .when(new IssueAccessToken(name, TokenRole.RESPONDER))
                .expectEvents(new AccessTokenIssued(name, TokenRole.RESPONDER, NOW, NOW));
    }
}
