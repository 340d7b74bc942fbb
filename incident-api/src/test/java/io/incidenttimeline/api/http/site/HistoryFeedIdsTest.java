package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.statuspage.FeedIdentity;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The feeds' ids, built for the same incidents while the page's URL changes: every id (the feed's, each entry's tag)
 * stays what it was, only the links follow the new URL. On a real (in-memory H2) database with the real migration.
 */
class HistoryFeedIdsTest {

    private static final Instant T = Instant.parse("2024-07-05T13:31:00Z");
    private static final Pattern ID = Pattern.compile("<id>([^<]+)</id>");
    private static final Pattern GUID = Pattern.compile("<guid isPermaLink=\"false\">([^<]+)</guid>");

    private JdbcTemplate eventStore;
    private final List<PublicIncident> incidents = List.of(incident("talk-call-recordings-2024-07-05", T),
            incident("checkout-2024-12-31", Instant.parse("2024-12-31T23:30:00Z")));

    @BeforeEach
    void database() throws IOException {
        eventStore = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        try (InputStream migration = getClass().getResourceAsStream("/db/migration/h2/V24__feed_identity.sql")) {
            eventStore.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void noIdChangesWhenThePageUrlChangesWhateverTheUrls() {
        List<String> urls = List.of("https://status.example.com", "https://status.example.com/", "https://new.example.org",
                "http://localhost:8080", "https://status.example.com:8443/status");
        List<String> firstAtomIds = null;
        List<String> firstRssIds = null;
        for (String url : urls) {
            HistoryFeeds feeds = feeds(url);
            String atom = feeds.atom(incidents);
            List<String> atomIds = all(ID, atom);
            List<String> rssIds = all(GUID, feeds.rss(incidents));
            assertThat(atom).as(url).contains("href=\"" + url.replaceAll("/+$", "") + "/incidents/checkout-2024-12-31\"");
            if (firstAtomIds == null) {
                firstAtomIds = atomIds;
                firstRssIds = rssIds;
                assertThat(atomIds).containsExactly("https://status.example.com/history.atom",
                        "tag:status.example.com,2024-07-05:incident:talk-call-recordings-2024-07-05",
                        "tag:status.example.com,2024-12-31:incident:checkout-2024-12-31");
            }
            assertThat(atomIds).as(url).isEqualTo(firstAtomIds);
            assertThat(rssIds).as(url).isEqualTo(firstRssIds).isEqualTo(firstAtomIds.subList(1, 3));
        }
    }

    @Test
    void anEntrysTagIsTheAuthorityTheDayOfDeclarationInUtcAndTheId() {
        assertThat(HistoryFeeds.tag("status.example.com", incidents.get(1)))
                .isEqualTo("tag:status.example.com,2024-12-31:incident:checkout-2024-12-31");
    }

    private HistoryFeeds feeds(String url) {
        PageProperties page = new PageProperties("page", "Page", url, "Etc/UTC");
        return new HistoryFeeds(page, new FeedIdentity(page, eventStore, Clock.systemUTC()));
    }

    private static List<String> all(Pattern pattern, String xml) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(xml);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static PublicIncident incident(String id, Instant declared) {
        return PublicIncidentFold.fold(List.of(
                new IncidentDeclared(id, "Title of " + id, "en", Impact.MINOR, Map.of(), List.of(), declared, declared),
                new UpdatePosted(id, "u1", IncidentStatus.INVESTIGATING, "Looking.", Visibility.PUBLIC, Map.of(), null,
                        declared, declared)));
    }
}
