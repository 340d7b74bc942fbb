package io.incidenttimeline.api.statuspage;

import java.net.URI;
import java.util.Locale;

/** Whether an address can only be reached from the machine itself. */
final class PageUrls {

    private PageUrls() {
    }

    /** {@code url}'s host is localhost, a {@code .localhost} name or a loopback address (or there is no host). */
    static boolean local(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return host == null || loopback(host);
    }

    /** A host name or address literal that means this machine; names other than localhost are not resolved. */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
