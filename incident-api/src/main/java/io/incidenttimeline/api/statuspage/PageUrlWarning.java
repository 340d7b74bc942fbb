package io.incidenttimeline.api.statuspage;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up while the server listens beyond this machine but {@code incident.page.url} is still a localhost
 * one: every absolute link it hands out (summary.json, the feeds, the webhooks' {@code meta}) would point readers at
 * their own machine.
 */
@Component
class PageUrlWarning {

    private static final Logger log = LoggerFactory.getLogger(PageUrlWarning.class);

    private final PageProperties page;
    private final String serverAddress;

    PageUrlWarning(PageProperties page, @Value("${server.address:}") String serverAddress) {
        this.page = page;
        this.serverAddress = serverAddress;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        warning(serverAddress, page.url()).ifPresent(log::warn);
    }

    /** The warning for a listener on {@code serverAddress} (blank: every interface) serving {@code pageUrl}, if due. */
    static Optional<String> warning(String serverAddress, String pageUrl) {
        boolean listensBeyondThisMachine = serverAddress == null || serverAddress.isBlank()
                || !PageUrls.loopback(serverAddress.trim());
        if (!listensBeyondThisMachine || !PageUrls.local(pageUrl)) {
            return Optional.empty();
        }
        String listener = serverAddress == null || serverAddress.isBlank() ? "every interface" : serverAddress.trim();
        return Optional.of("incident.page.url is " + pageUrl + " while the server listens on " + listener
                + ": summary.json, the feeds' links and the webhooks' meta will point readers at their own machine. "
                + "Set incident.page.url to the address readers use (for example https://status.example.com).");
    }
}
