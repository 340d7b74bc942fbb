package io.incidenttimeline.api.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicComponent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes of the Statuspage documents: their ETags are computed from them, so key order and absent keys matter. */
class StatuspageDocumentsTest {

    private static final Instant T = Instant.parse("2024-07-05T13:31:00Z");
    private static final PageProperties PAGE = new PageProperties("page", "Page", "https://status.example",
            "Europe/Berlin");

    private final StatuspageDocuments documents = new StatuspageDocuments(PAGE);
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    private static PublicComponent component(String id, String group, Integer position) {
        return PublicComponent.defined(new ComponentDefined(id, "Name " + id, group, position, null, T, T));
    }

    @Test
    void aGroupComesBeforeItsMembersAndAloneListsThem() throws Exception {
        var view = PageView.compose(List.of(component("db", "Data", 2), component("api", null, 1),
                component("cache", "Data", 3)), List.of());
        String member = ",\"status\":\"operational\",\"created_at\":\"2024-07-05T15:31:00.000+02:00\","
                + "\"updated_at\":\"2024-07-05T15:31:00.000+02:00\",\"position\":%d,\"description\":null,"
                + "\"showcase\":true,\"start_date\":\"2024-07-05\",\"group_id\":%s,\"page_id\":\"page\",\"group\":false,"
                + "\"only_show_if_degraded\":false}";

        assertThat(json.writeValueAsString(new Statuspage.Components(documents.page(view.updatedAt()),
                documents.components(view)))).isEqualTo("{\"page\":{\"id\":\"page\",\"name\":\"Page\","
                + "\"url\":\"https://status.example\",\"time_zone\":\"Europe/Berlin\","
                + "\"updated_at\":\"2024-07-05T15:31:00.000+02:00\"},\"components\":["
                + "{\"id\":\"api\",\"name\":\"Name api\"" + member.formatted(1, "null") + ","
                + "{\"id\":\"group-data\",\"name\":\"Data\",\"status\":\"operational\","
                + "\"created_at\":\"2024-07-05T15:31:00.000+02:00\",\"updated_at\":\"2024-07-05T15:31:00.000+02:00\","
                + "\"position\":2,\"description\":null,\"showcase\":false,\"start_date\":null,\"group_id\":null,"
                + "\"page_id\":\"page\",\"group\":true,\"only_show_if_degraded\":false,\"components\":[\"db\",\"cache\"]},"
                + "{\"id\":\"db\",\"name\":\"Name db\"" + member.formatted(2, "\"group-data\"") + ","
                + "{\"id\":\"cache\",\"name\":\"Name cache\"" + member.formatted(3, "\"group-data\"") + "]}");
    }

    @Test
    void theSummaryAsOfAMomentPutsTheMomentFirst() throws Exception {
        var view = PageView.compose(List.of(), List.of());
        var summary = new Statuspage.SummaryAsOf(documents.time(T), documents.summary(view));

        assertThat(json.writeValueAsString(summary)).isEqualTo("{\"as_of\":\"2024-07-05T15:31:00.000+02:00\","
                + "\"page\":{\"id\":\"page\",\"name\":\"Page\",\"url\":\"https://status.example\","
                + "\"time_zone\":\"Europe/Berlin\",\"updated_at\":null},\"components\":[],\"incidents\":[],"
                + "\"scheduled_maintenances\":[],\"status\":{\"indicator\":\"none\",\"description\":\"All Systems Operational\"}}");
    }
}
