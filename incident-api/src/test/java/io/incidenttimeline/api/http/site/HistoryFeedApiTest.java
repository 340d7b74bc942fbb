package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The history feeds, parsed by the JDK's XML parser and checked for what RFC 4287 and RSS 2.0 require. */
class HistoryFeedApiTest extends ApiIntegrationTest {

    @Autowired
    JdbcTemplate eventStore;

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Instant DECLARED = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
    private static final Instant RESOLVED = DECLARED.plus(Duration.ofMinutes(20));

    @Test
    void theAtomFeedIsWellFormedWithStableIdsAndTheLatestPublicUpdatePerIncident() throws Exception {
        String incident = told("atom");
        var response = Eventually.until(() -> api.get("/history.atom").send(),
                r -> r.body().contains("Fixed for " + incident), "the incident's latest update in the Atom feed");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/atom+xml;charset=UTF-8");
        Document feed = parse(response.body());

        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(child(root, "id").getTextContent()).isEqualTo("http://localhost:8080/history.atom");
        assertThat(child(root, "title").getTextContent()).isNotBlank();
        Instant updated = Instant.parse(child(root, "updated").getTextContent());
        assertThat(child(child(root, "author"), "name").getTextContent()).isNotBlank();
        assertThat(links(root)).contains("self http://localhost:8080/history.atom");

        List<Element> entries = children(root, "entry");
        assertThat(entries).isNotEmpty().hasSizeLessThanOrEqualTo(50);
        List<String> ids = new ArrayList<>();
        for (Element entry : entries) {
            ids.add(child(entry, "id").getTextContent());
            assertThat(child(entry, "id").getTextContent()).matches("tag:localhost,\\d{4}-\\d\\d-\\d\\d:incident:[A-Za-z0-9._-]+");
            assertThat(child(entry, "title").getTextContent()).isNotBlank();
            assertThat(Instant.parse(child(entry, "updated").getTextContent())).isBeforeOrEqualTo(updated);
            Instant.parse(child(entry, "published").getTextContent());
            assertThat(links(entry)).anyMatch(link -> link.startsWith("alternate http://localhost:8080/incidents/"));
            assertThat(child(entry, "content").getAttribute("type")).isEqualTo("text");
        }
        assertThat(ids).doesNotHaveDuplicates();

        Element mine = entries.stream().filter(e -> child(e, "id").getTextContent().endsWith(":incident:" + incident))
                .findFirst().orElseThrow();
        assertThat(child(mine, "id").getTextContent()).isEqualTo(tag(incident));
        assertThat(child(mine, "title").getTextContent()).isEqualTo("Feeds <escaped> & well-formed " + incident);
        assertThat(child(mine, "content").getTextContent()).isEqualTo("Resolved: Fixed for " + incident + " <ok>");
        assertThat(child(mine, "published").getTextContent()).isEqualTo(DECLARED.toString());
        assertThat(response.body()).doesNotContain("internal-" + incident);

        Incidents.post(api, incident, Bodies.update("resolved", "Follow-up for " + incident));
        Document later = parse(Eventually.until(() -> api.get("/history.atom").send().body(),
                body -> body.contains("Follow-up for " + incident), "the follow-up in the feed"));
        Element again = children(later.getDocumentElement(), "entry").stream()
                .filter(e -> child(e, "content").getTextContent().contains("Follow-up for " + incident)).findFirst().orElseThrow();
        assertThat(child(again, "id").getTextContent()).as("the id is stable").isEqualTo(child(mine, "id").getTextContent());
    }

    @Test
    void theRssFeedIsWellFormedWithRfc822DatesAndGuidsThatAreNoPermalinks() throws Exception {
        String incident = told("rss");
        var response = Eventually.until(() -> api.get("/history.rss").send(),
                r -> r.body().contains("Fixed for " + incident), "the incident in the RSS feed");
        assertThat(response.header("Content-Type")).isEqualTo("application/rss+xml;charset=UTF-8");
        Document feed = parse(response.body());
        Element rss = feed.getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = child(rss, "channel");
        assertThat(child(channel, "title").getTextContent()).isNotBlank();
        assertThat(child(channel, "link").getTextContent()).isEqualTo("http://localhost:8080/");
        assertThat(child(channel, "description").getTextContent()).isNotBlank();
        rfc822(child(channel, "lastBuildDate").getTextContent());

        List<String> guids = new ArrayList<>();
        for (Element item : children(channel, "item")) {
            assertThat(child(item, "title").getTextContent()).isNotBlank();
            assertThat(child(item, "link").getTextContent()).startsWith("http://localhost:8080/incidents/");
            rfc822(child(item, "pubDate").getTextContent());
            Element guid = child(item, "guid");
            assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
            guids.add(guid.getTextContent());
        }
        assertThat(guids).doesNotHaveDuplicates();
        Element mine = children(channel, "item").stream()
                .filter(i -> child(i, "guid").getTextContent().equals(tag(incident)))
                .findFirst().orElseThrow();
        assertThat(child(mine, "pubDate").getTextContent())
                .isEqualTo(DateTimeFormatter.RFC_1123_DATE_TIME.format(RESOLVED.atZone(ZoneOffset.UTC)));
        assertThat(child(mine, "description").getTextContent()).isEqualTo("Resolved: Fixed for " + incident + " <ok>");
        assertThat(child(mine, "link").getTextContent()).isEqualTo("http://localhost:8080/incidents/" + incident);
    }

    /**
     * Feed ids are minted from the address recorded in {@code feed_identity}, not from {@code incident.page.url}: with
     * a recorded address the ids and the feed's id are that address's while every link still follows the page's URL
     * (this context's is http://localhost:8080), so moving the page changes no id a reader has seen.
     */
    @Test
    void feedIdsComeFromTheRecordedAddressNotFromThePageUrl() throws Exception {
        String incident = told("moved");
        eventStore.update("INSERT INTO feed_identity (base_url, recorded_at) VALUES (?, CURRENT_TIMESTAMP)",
                "https://status.example.com");
        try {
            Document atom = parse(Eventually.until(() -> api.get("/history.atom").send(),
                    r -> r.body().contains("Fixed for " + incident), "the incident in the Atom feed").body());
            Element root = atom.getDocumentElement();
            assertThat(child(root, "id").getTextContent()).isEqualTo("https://status.example.com/history.atom");
            assertThat(links(root)).contains("self http://localhost:8080/history.atom");
            Element mine = children(root, "entry").stream()
                    .filter(e -> child(e, "id").getTextContent().endsWith(":incident:" + incident)).findFirst().orElseThrow();
            assertThat(child(mine, "id").getTextContent()).isEqualTo("tag:status.example.com,"
                    + LocalDate.ofInstant(DECLARED, ZoneOffset.UTC) + ":incident:" + incident);
            assertThat(links(mine)).contains("alternate http://localhost:8080/incidents/" + incident);
            assertThat(api.get("/history.rss").send().body()).contains("<guid isPermaLink=\"false\">tag:status.example.com,"
                    + LocalDate.ofInstant(DECLARED, ZoneOffset.UTC) + ":incident:" + incident + "</guid>");
        } finally {
            eventStore.update("DELETE FROM feed_identity");
        }
    }

    /**
     * An incident declared half an hour ago (to the minute) and resolved 20 minutes later, with an internal update
     * between. The feeds list the 50 most recently declared incidents, so it is among them.
     */
    private String told(String prefix) {
        String incident = ApiClient.uniqueId(prefix);
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "occurredAt", DECLARED.toString()),
                "title", "Feeds <escaped> & well-formed " + incident));
        Incidents.post(api, incident, Bodies.with(Bodies.with(Bodies.update("identified", "internal-" + incident),
                "visibility", "internal"), "occurredAt", DECLARED.plusSeconds(600).toString()));
        Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "Fixed for " + incident + " <ok>"),
                "occurredAt", RESOLVED.toString()));
        return incident;
    }

    private static String tag(String incident) {
        return "tag:localhost," + LocalDate.ofInstant(DECLARED, ZoneOffset.UTC) + ":incident:" + incident;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static void rfc822(String date) {
        assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)).isNotNull();
        assertThat(date).matches("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
    }

    private static List<String> links(Element parent) {
        return children(parent, "link").stream().map(l -> l.getAttribute("rel") + " " + l.getAttribute("href")).toList();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<" + name + "> in <" + parent.getTagName() + ">").hasSize(1);
        return found.get(0);
    }

    /** The child elements named {@code name} in the parent's own namespace (so RSS's link, not atom:link). */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && Objects.equals(element.getNamespaceURI(), parent.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }
}
