package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.statuspage.FeedIdentity;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicUpdate;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The incident history as Atom (RFC 4287) and RSS 2.0: one entry per incident with its latest public update, in the
 * incident's authoritative language. Ids are tag URIs (RFC 4151) built from the host {@link FeedIdentity} recorded,
 * the day the incident was declared and its id, none of which ever changes (not even when {@code incident.page.url}
 * does), so a feed reader never shows an incident twice. Links follow the page's URL as it is now.
 */
@Component
class HistoryFeeds {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final PageProperties page;
    private final FeedIdentity identity;

    HistoryFeeds(PageProperties page, FeedIdentity identity) {
        this.page = page;
        this.identity = identity;
    }

    /** The feed's own date: the latest change of any incident in it. */
    static Instant updated(List<PublicIncident> incidents) {
        return incidents.stream().map(PublicIncident::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    String atom(List<PublicIncident> incidents) {
        String authority = identity.authority();
        String feedId = identity.base() + "/history.atom";
        return write(xml -> {
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", feedId);
            element(xml, "title", page.name() + " incident history");
            element(xml, "updated", updated(incidents).toString());
            link(xml, "self", "application/atom+xml", base() + "/history.atom");
            link(xml, "alternate", "text/html", base() + "/");
            xml.writeStartElement("author");
            element(xml, "name", page.name());
            xml.writeEndElement();
            for (PublicIncident incident : incidents) {
                PublicUpdate latest = incident.updatesNewestFirst().get(0);
                xml.writeStartElement("entry");
                xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", incident.locale());
                element(xml, "id", tag(authority, incident));
                element(xml, "title", incident.title());
                element(xml, "published", incident.declaredAt().toString());
                element(xml, "updated", incident.updatedAt().toString());
                link(xml, "alternate", "text/html", incidentUrl(incident));
                xml.writeStartElement("category");
                xml.writeAttribute("term", incident.impact().wire());
                xml.writeEndElement();
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(text(content(latest)));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    String rss(List<PublicIncident> incidents) {
        DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        String authority = identity.authority();
        return write(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM);
            xml.writeStartElement("channel");
            element(xml, "title", page.name() + " incident history");
            element(xml, "link", base() + "/");
            element(xml, "description", "Incidents of " + page.name() + ", each with its latest public update");
            element(xml, "lastBuildDate", rfc822.format(updated(incidents)));
            xml.writeStartElement("atom", "link", ATOM);
            xml.writeAttribute("href", base() + "/history.rss");
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            xml.writeEndElement();
            for (PublicIncident incident : incidents) {
                PublicUpdate latest = incident.updatesNewestFirst().get(0);
                xml.writeStartElement("item");
                element(xml, "title", incident.title());
                element(xml, "link", incidentUrl(incident));
                element(xml, "description", content(latest));
                element(xml, "pubDate", rfc822.format(latest.occurredAt()));
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "false");
                xml.writeCharacters(tag(authority, incident));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /** {@code tag:<authority>,<day declared>:incident:<id>}: nothing in it depends on the page's URL. */
    static String tag(String authority, PublicIncident incident) {
        return "tag:" + authority + "," + LocalDate.ofInstant(incident.declaredAt(), ZoneOffset.UTC) + ":incident:"
                + UriUtils.encode(incident.id(), StandardCharsets.UTF_8);
    }

    private String incidentUrl(PublicIncident incident) {
        return base() + PageLinks.incident(incident.id(), null, null);
    }

    private String base() {
        return page.base();
    }

    private static String content(PublicUpdate latest) {
        String status = latest.status().wire();
        return Character.toUpperCase(status.charAt(0)) + status.substring(1) + ": " + latest.message();
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }

    /** Leaves out what XML 1.0 cannot carry at all (control characters, unpaired surrogates). */
    private static String text(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(clean::appendCodePoint);
        return clean.toString();
    }
}
