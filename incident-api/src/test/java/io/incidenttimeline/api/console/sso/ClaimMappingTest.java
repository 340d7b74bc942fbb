package io.incidenttimeline.api.console.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.http.infra.security.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimMappingTest {

    private static final SingleSignOnProperties.Roles ROLES = new SingleSignOnProperties.Roles(
            List.of("ops", "/teams/on-call"), List.of("audit"), List.of("platform:admins"));
    private static final ClaimMapping GROUPS = new ClaimMapping(
            new SingleSignOnProperties("groups", ROLES, "preferred_username"));

    @Test
    void aListedGroupGivesItsRole() {
        assertThat(GROUPS.role(Map.of("groups", List.of("ops")))).contains(Role.RESPONDER);
        assertThat(GROUPS.role(Map.of("groups", List.of("audit")))).contains(Role.AUDITOR);
        assertThat(GROUPS.role(Map.of("groups", List.of("platform:admins")))).contains(Role.ADMIN);
    }

    @Test
    void theHighestRoleOfAllTheGroupsWins() {
        assertThat(GROUPS.role(Map.of("groups", List.of("audit", "ops")))).contains(Role.RESPONDER);
        assertThat(GROUPS.role(Map.of("groups", List.of("ops", "platform:admins", "audit")))).contains(Role.ADMIN);
    }

    @Test
    void groupNamesWithSlashesAndColonsMatchExactlyAndCaseMatters() {
        assertThat(GROUPS.role(Map.of("groups", List.of("/teams/on-call")))).contains(Role.RESPONDER);
        assertThat(GROUPS.role(Map.of("groups", List.of("OPS", "teams/on-call", " ops")))).isEmpty();
    }

    @Test
    void aSingleStringClaimCountsAsOneValue() {
        assertThat(GROUPS.role(Map.of("groups", "audit"))).contains(Role.AUDITOR);
        assertThat(GROUPS.role(Map.of("groups", "audit ops"))).isEmpty();
    }

    @Test
    void noClaimUnlistedValuesOrValuesThatAreNotTextGiveNoRole() {
        assertThat(GROUPS.role(Map.of())).isEmpty();
        assertThat(GROUPS.role(Map.of("groups", List.of("everyone")))).isEmpty();
        assertThat(GROUPS.role(Map.of("groups", List.of(1, true, Map.of("ops", "ops"))))).isEmpty();
        assertThat(GROUPS.role(Map.of("roles", List.of("ops")))).as("another claim").isEmpty();
    }

    @Test
    void nothingConfiguredRefusesEveryone() {
        ClaimMapping none = new ClaimMapping(new SingleSignOnProperties("groups",
                new SingleSignOnProperties.Roles(List.of(), List.of(), List.of()), "preferred_username"));
        assertThat(none.role(Map.of("groups", List.of("ops", "audit", "")))).isEmpty();
    }

    @Test
    void theRoleClaimIsConfigurable() {
        ClaimMapping roles = new ClaimMapping(new SingleSignOnProperties("roles", ROLES, "preferred_username"));
        assertThat(roles.role(Map.of("roles", List.of("audit"), "groups", List.of("platform:admins"))))
                .contains(Role.AUDITOR);
    }

    @Test
    void theNameIsThePreferredUsernameThenTheEmailThenTheSubject() {
        assertThat(GROUPS.nameClaim(Map.of("preferred_username", "ada", "email", "ada@example.com", "sub", "1")))
                .contains("preferred_username");
        assertThat(GROUPS.nameClaim(Map.of("email", "ada@example.com", "sub", "1"))).contains("email");
        assertThat(GROUPS.nameClaim(Map.of("sub", "1"))).contains("sub");
        assertThat(GROUPS.nameClaim(Map.of())).isEmpty();
    }

    @Test
    void aConfiguredNameClaimComesFirst() {
        ClaimMapping byName = new ClaimMapping(new SingleSignOnProperties("groups", ROLES, "name"));
        assertThat(byName.nameClaim(Map.of("name", "Ada Lovelace", "preferred_username", "ada"))).contains("name");
        assertThat(byName.nameClaim(Map.of("preferred_username", "ada", "email", "ada@example.com")))
                .as("preferred_username is only the default, not a fallback").contains("email");
    }

    @Test
    void aNameThatIsBlankTooLongPaddedOrHoldsAControlCharacterIsPassedOver() {
        assertThat(GROUPS.nameClaim(Map.of("preferred_username", " ", "sub", "1"))).contains("sub");
        assertThat(GROUPS.nameClaim(Map.of("preferred_username", "a".repeat(ClaimMapping.MAX_NAME_LENGTH + 1),
                "sub", "1"))).contains("sub");
        assertThat(GROUPS.nameClaim(Map.of("preferred_username", "ada\nadmin", "sub", "1"))).contains("sub");
        assertThat(GROUPS.nameClaim(Map.of("preferred_username", " ada", "sub", "1"))).contains("sub");
        assertThat(GROUPS.nameClaim(Map.of("preferred_username", 42, "sub", "1"))).contains("sub");
    }
}
