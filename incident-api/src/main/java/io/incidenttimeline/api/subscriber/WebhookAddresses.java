package io.incidenttimeline.api.subscriber;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where webhooks may go: an http or https URL without credentials whose host resolves only to public addresses, so
 * that an admin token cannot turn the server into a probe of its own network (cloud metadata at 169.254.169.254,
 * services on localhost). The check runs at registration and again before every attempt, since a name may resolve
 * elsewhere later (DNS rebinding). {@code incident.webhooks.allow-private-addresses} lifts the address rule.
 * <p>
 * An IP address in the URL must be written plainly, whatever that setting says: IPv4 as four decimal numbers (clients
 * disagree on {@code 0177.0.0.1}, which Java reads as 177.0.0.1 and curl, glibc and browsers as 127.0.0.1, and on
 * {@code 127.1}, {@code 0x7f.0.0.1} or {@code 2130706433}), and never as an IPv6 spelling of an IPv4 address
 * (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-translated {@code ::ffff:0:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}).
 * An IPv6 address that reaches an IPv4 address through a tunnel or a gateway (6to4, Teredo, NAT64) is public only if
 * that IPv4 address is.
 */
public final class WebhookAddresses {

    public static final int URL_MAX = 2000;

    /** A host whose last label is a number is an IPv4 address to browsers and curl (WHATWG URL, "ends in a number"). */
    private static final Pattern ENDS_IN_A_NUMBER = Pattern.compile("(?i)(?:.*\\.)?(?:[0-9]+|0x[0-9a-f]*)\\.?");
    private static final String DECIMAL_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DECIMAL_IPV4 =
            Pattern.compile("(?:" + DECIMAL_OCTET + "\\.){3}" + DECIMAL_OCTET);

    /** 64:ff9b::/96 reaches the IPv4 address in its last four bytes through a NAT64 gateway (RFC 6052). */
    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] LOCAL_NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1};
    /** 2002::/16: the IPv4 address of the 6to4 relay's far end is in bytes 2 to 5 (RFC 3056). */
    private static final byte[] SIX_TO_FOUR = {0x20, 0x02};
    /** 2001::/32: the Teredo server's IPv4 address is in bytes 4 to 7, the client's inverted in 12 to 15 (RFC 4380). */
    private static final byte[] TEREDO = {0x20, 0x01, 0, 0};
    private static final byte[] IPV4_TRANSLATED = {0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
    private static final byte[] IPV4_COMPATIBLE = new byte[12];

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
            checkIpv4Literal(hostOf(uri.getRawAuthority()));
            throw new Refused("url must name a host (letters, digits, '-' and '.', or an IP address)");
        }
        checkLiteral(uri.getHost());
        if (uri.getRawUserInfo() != null) {
            throw new Refused("url may not carry credentials: receivers authenticate deliveries by their signature");
        }
        return uri;
    }

    /** The host part of an authority java.net.URI could not read as a host: without user info and port. */
    private static String hostOf(String authority) {
        if (authority == null) {
            return "";
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.startsWith("[") ? host : host.substring(0, colon);
    }

    private static void checkLiteral(String host) throws Refused {
        if (host.startsWith("[")) {
            checkIpv6Literal(host);
        } else {
            checkIpv4Literal(host);
        }
    }

    private static void checkIpv4Literal(String host) throws Refused {
        if (ENDS_IN_A_NUMBER.matcher(host).matches() && !DECIMAL_IPV4.matcher(host).matches()) {
            throw new Refused("the host " + host + " is an IPv4 address that clients read differently; write it as "
                    + "four decimal numbers from 0 to 255 without leading zeros, such as 93.184.216.34");
        }
    }

    private static void checkIpv6Literal(String host) throws Refused {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " is not an IPv6 address");
        }
        // the JDK reads an IPv4-mapped literal (::ffff:a.b.c.d) as the IPv4 address itself
        byte[] bytes = address.getAddress();
        String spelling = address instanceof Inet4Address ? "an IPv4-mapped"
                : isIpv4Translated(bytes) ? "an IPv4-translated"
                : isIpv4Compatible(bytes) && !address.isAnyLocalAddress() && !address.isLoopbackAddress()
                ? "an IPv4-compatible" : null;
        if (spelling != null) {
            throw new Refused("the host " + host + " is " + spelling + " IPv6 address; write the IPv4 address it "
                    + "contains as four decimal numbers instead");
        }
    }

    private void checkAddresses(URI uri) throws Refused, UnknownHostException {
        checkLiteral(uri.getHost());
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses = resolver.resolve(uri.getHost());
        for (InetAddress address : addresses) {
            String described = nonPublic(address);
            if (described != null) {
                throw new Refused("the host " + uri.getHost() + " resolves to " + described
                        + "; webhooks are only sent to public addresses");
            }
        }
    }

    /** What this address is ("a loopback address 127.0.0.1") if webhooks may not be sent to it, else null. */
    static String nonPublic(InetAddress address) {
        String kind = nonPublicKind(address);
        if (kind != null) {
            return kind + " address " + address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        if (startsWith(bytes, NAT64)) {
            return tunnel("a NAT64", address, ipv4(bytes, 12, 0));
        }
        if (startsWith(bytes, SIX_TO_FOUR)) {
            return tunnel("a 6to4", address, ipv4(bytes, 2, 0));
        }
        if (startsWith(bytes, TEREDO)) {
            String server = tunnel("a Teredo", address, ipv4(bytes, 4, 0));
            return server != null ? server : tunnel("a Teredo", address, ipv4(bytes, 12, 0xff));
        }
        return null;
    }

    private static String nonPublicKind(InetAddress address) {
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
        if (isIpv4Translated(bytes)) {
            return "an IPv4-translated";
        }
        if (isIpv4Compatible(bytes)) {
            return "an IPv4-compatible";
        }
        if (startsWith(bytes, LOCAL_NAT64)) {
            return "a local-use NAT64"; // 64:ff9b:1::/48, RFC 8215: translated inside the operator's own network
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

    private static boolean isIpv4Translated(byte[] bytes) {
        return startsWith(bytes, IPV4_TRANSLATED);
    }

    private static boolean isIpv4Compatible(byte[] bytes) {
        return startsWith(bytes, IPV4_COMPATIBLE);
    }

    /** Whether an IPv6 address (16 bytes; never an IPv4 one) starts with these bytes. */
    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length == 16 && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static InetAddress ipv4(byte[] bytes, int from, int xor) {
        byte[] ipv4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            ipv4[i] = (byte) (bytes[from + i] ^ xor);
        }
        try {
            return InetAddress.getByAddress(ipv4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** A tunnel or gateway address whose IPv4 end is not public, else null. */
    private static String tunnel(String kind, InetAddress address, InetAddress ipv4) {
        String end = nonPublic(ipv4);
        return end == null ? null : kind + " address " + address.getHostAddress() + " that leads to " + end;
    }
}
