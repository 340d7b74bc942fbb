package io.incidenttimeline.api.statuspage;

import io.incidenttimeline.projections.support.Timestamps;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The address the feeds' ids are minted from, which must never change: a feed reader that saw an entry under one id
 * shows it again as new under another. {@code incident.page.url} may change (a move, a fix of the default); so the
 * first one that names a real host is recorded in the event store's database ({@code feed_identity}) and used from
 * then on, whatever the URL says later. Existing deployments record the URL they run with now, so the ids they have
 * published stay as they were. While the URL is a localhost one nothing is recorded: such a page is not public yet,
 * and recording it would tie every future id to {@code localhost}.
 */
@Component
public class FeedIdentity {

    private static final Logger log = LoggerFactory.getLogger(FeedIdentity.class);

    private final PageProperties page;
    private final JdbcTemplate eventStore;
    private final Clock clock;

    public FeedIdentity(PageProperties page, JdbcTemplate eventStore, Clock clock) {
        this.page = page;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /** The recorded base URL, recording the page's own first if it names a real host. */
    public String base() {
        String recorded = recorded();
        if (recorded != null) {
            return recorded;
        }
        String current = page.base();
        if (PageUrls.local(current)) {
            return current;
        }
        try {
            eventStore.update("INSERT INTO feed_identity (base_url, recorded_at) VALUES (?, ?)", current,
                    Timestamps.column(clock.instant()));
            log.info("Feed ids are minted from {} from now on, whatever incident.page.url says later", current);
        } catch (DuplicateKeyException anotherNode) {
            return recorded();
        }
        return current;
    }

    /** The {@code authorityName} of the feeds' tag URIs (RFC 4151): the host of {@link #base()}. */
    public String authority() {
        String host = URI.create(base()).getHost();
        return host == null ? "localhost" : host.toLowerCase(Locale.ROOT);
    }

    private String recorded() {
        return eventStore.queryForList("SELECT base_url FROM feed_identity", String.class).stream().findFirst()
                .orElse(null);
    }
}
