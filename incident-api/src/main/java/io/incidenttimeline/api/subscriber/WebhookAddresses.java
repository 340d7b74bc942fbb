package io.incidenttimeline.api.subscriber;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where webhooks may go: an http or https URL without credentials whose host resolves only to public addresses, so
 * that an admin token cannot turn the server into a probe of its own network (cloud metadata at 169.254.169.254,
 * services on localhost). The check runs at registration and again before every attempt, since a name may resolve
 * elsewhere later (DNS rebinding). {@code incident.webhooks.allow-private-addresses} lifts the address rule.
 */
public final class WebhookAddresses {

    public static final int URL_MAX = 2000;

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL or address that webhooks may not use; the message says why. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookAddresses(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL of a new subscriber: well formed, and its host resolves now to addresses webhooks may use. */
    public URI checkRegistration(String url) throws Refused {
        URI uri = parse(url);
        try {
            checkAddresses(uri);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + uri.getHost() + " does not resolve");
        }
        return uri;
    }

    /** Before an attempt: a host that does not resolve may resolve later (retried); a refused address is final. */
    public void checkBeforeSending(URI uri) throws Refused, UnknownHostException {
        checkAddresses(uri);
    }

    static URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("url is required");
        }
        if (url.length() > URL_MAX) {
            throw new Refused("url is longer than " + URL_MAX + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("url must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("url must name a host (letters, digits, '-' and '.', or an IP address)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("url may not carry credentials: receivers authenticate deliveries by their signature");
        }
        return uri;
    }

    private void checkAddresses(URI uri) throws Refused, UnknownHostException {
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses = resolver.resolve(uri.getHost());
        for (InetAddress address : addresses) {
            String kind = nonPublicKind(address);
            if (kind != null) {
                throw new Refused("the host " + uri.getHost() + " resolves to " + kind + " address "
                        + address.getHostAddress() + "; webhooks are only sent to public addresses");
            }
        }
    }

    /** What kind of address this is if webhooks may not be sent to it, else null. */
    static String nonPublicKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return nonPublicIpv4(bytes);
        }
        if ((bytes[0] & 0xfe) == 0xfc) {
            return "a unique-local";
        }
        if (address instanceof Inet6Address v6 && (v6.isIPv4CompatibleAddress() || isNat64(bytes))) {
            return embeddedIpv4(bytes);
        }
        return null;
    }

    private static String nonPublicIpv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0) {
            return "an unspecified";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "a private"; // 100.64.0.0/10, carrier-grade NAT
        }
        if (first == 255 && Arrays.equals(bytes, new byte[]{-1, -1, -1, -1})) {
            return "a broadcast";
        }
        return null;
    }

    /** 64:ff9b::/96 reaches the IPv4 address in its last four bytes through a NAT64 gateway. */
    private static boolean isNat64(byte[] bytes) {
        byte[] prefix = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
        return Arrays.equals(Arrays.copyOf(bytes, 12), prefix);
    }

    private static String embeddedIpv4(byte[] bytes) {
        try {
            return nonPublicKind(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
