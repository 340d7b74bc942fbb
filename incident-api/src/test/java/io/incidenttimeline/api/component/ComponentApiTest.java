package io.incidenttimeline.api.component;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Eventually;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The catalogue is event-sourced: defining, renaming and defining identically leave exactly the events they should. */
class ComponentApiTest extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aComponentIsDefinedRenamedAndLeftAloneWhenNothingChanges() {
        String id = uniqueId("cmp");
        var defined = api.post("/api/v1/components").as(ADMIN).json(Map.of("id", id, "name", "Call recordings", "group", "Talk")).send();
        assertThat(defined.status()).isEqualTo(201);
        assertThat(defined.json().get("version").asLong()).isEqualTo(0);
        var renamed = api.post("/api/v1/components").as(ADMIN).json(Map.of("id", id, "name", "Recordings", "group", "Talk")).send();
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("version").asLong()).isEqualTo(1);
        var same = api.post("/api/v1/components").as(ADMIN).json(Map.of("id", id, "name", "Recordings", "group", "Talk")).send();
        assertThat(same.json().get("version").asLong()).isEqualTo(1);

        var stream = new JdbcTemplate(dataSource).queryForList(
                "SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                String.class, "component:" + id);
        assertThat(stream).containsExactly("io.incidenttimeline.core.component.ComponentDefined",
                "io.incidenttimeline.core.component.ComponentRedefined");
    }

    @Test
    void aComponentNeedsAValidIdAndAName() {
        var noName = api.post("/api/v1/components").as(ADMIN).json(Map.of("id", uniqueId("cmp"))).send();
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("field").asText()).isEqualTo("name");
        var badId = api.post("/api/v1/components").as(ADMIN).json(Map.of("id", "a/b", "name", "x")).send();
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("field").asText()).isEqualTo("id");
    }

    @Test
    void aGroupIsGivenByItsNameAndAGroupIdOfComponentsJsonIsRefused() {
        String id = uniqueId("cmp");
        String group = "Grouped " + id;
        var byName = api.post("/api/v1/components").as(ADMIN).json(Map.of("id", id, "name", "Fax", "group", group)).send();
        assertThat(byName.status()).as(byName.toString()).isEqualTo(201);
        String groupId = "group-grouped-" + id;
        JsonNode components = Eventually.until(() -> api.get("/api/v2/components.json").send().json().get("components"),
                all -> find(all, id) != null, "the component on components.json");
        assertThat(find(components, id).get("group_id").asText()).isEqualTo(groupId);
        assertThat(find(components, groupId).get("name").asText()).isEqualTo(group);

        var byGroupId = api.post("/api/v1/components").as(ADMIN)
                .json(Map.of("id", uniqueId("cmp"), "name", "Telex", "group", groupId)).send();
        assertThat(byGroupId.status()).as(byGroupId.toString()).isEqualTo(400);
        assertThat(byGroupId.json().get("type").asText()).isEqualTo("/problems/group-id-not-name");
        assertThat(byGroupId.json().get("field").asText()).isEqualTo("group");
        assertThat(byGroupId.json().get("detail").asText()).contains("group's name", groupId);
    }

    @Test
    void componentIdsThatDifferOnlyInCaseOrATrailingDotAreRefused() {
        String id = uniqueId("cmp");
        for (String lookalike : java.util.List.of(id.toUpperCase(), id + ".", id + "-")) {
            var refused = api.post("/api/v1/components").as(ADMIN).json(Map.of("id", lookalike, "name", "x")).send();
            assertThat(refused.status()).as(lookalike).isEqualTo(400);
            assertThat(refused.json().get("type").asText()).isEqualTo("/problems/invalid-id");
            assertThat(refused.json().get("detail").asText()).contains("lower-case");
        }
    }

    private static JsonNode find(JsonNode components, String id) {
        for (JsonNode component : components) {
            if (component.get("id").asText().equals(id)) {
                return component;
            }
        }
        return null;
    }
}
