package io.incidenttimeline.api.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs webhooks may use, with allow-private-addresses false (production) unless said otherwise. */
class WebhookAddressesTest {

    /** Names resolve from this table; IP literals as the JDK parses them, without any DNS. */
    private static final Map<String, List<String>> DNS = Map.of(
            "hooks.example.com", List.of("93.184.216.34"),
            "internal.example.com", List.of("10.1.2.3"),
            "split.example.com", List.of("93.184.216.34", "127.0.0.1"));

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.startsWith("[") || Character.isDigit(host.charAt(0))) {
            return InetAddress.getAllByName(host);
        }
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.size()];
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = InetAddress.getByAddress(host, InetAddress.getByName(addresses.get(i)).getAddress());
        }
        return resolved;
    }

    private final WebhookAddresses production = new WebhookAddresses(false, WebhookAddressesTest::resolve);
    private final WebhookAddresses allowingPrivate = new WebhookAddresses(true, host -> {
        throw new AssertionError("no lookup needed");
    });

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/incident-timeline", "http://hooks.example.com:8080/x?y=1",
            "HTTPS://93.184.216.34/", "https://[2606:4700:4700::1111]/hook", "http://8.8.8.8",
            "http://32.2.0.1/"})
    void publicHttpAndHttpsUrlsAreAccepted(String url) throws Exception {
        assertThat(production.checkRegistration(url)).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/", "file:///etc/passwd", "javascript:alert(1)",
            "hooks.example.com/hook", "gopher://hooks.example.com", "", "   "})
    void anythingButHttpOrHttpsIsRefused(String url) {
        assertThatThrownBy(() -> production.checkRegistration(url)).isInstanceOf(WebhookAddresses.Refused.class);
    }

    @Test
    void malformedUrlsCredentialsAndMissingHostsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> production.checkRegistration("http://exa mple.com/"))
                .hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> production.checkRegistration("https://user:password@hooks.example.com/"))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> production.checkRegistration("http:///path-only")).hasMessageContaining("host");
        assertThatThrownBy(() -> production.checkRegistration("https://" + "a".repeat(2000) + ".com/"))
                .hasMessageContaining("longer than 2000");
        assertThatThrownBy(() -> production.checkRegistration(null)).hasMessageContaining("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0177.0.0.1/", "http://127.1/", "http://0x7f.0.0.1/", "http://0x7f000001/",
            "http://2130706433/", "http://017700000001/", "http://127.0.0.01/", "http://01.2.3.4/", "http://0/",
            "http://127.1:8080/hook", "http://user@0177.0.0.1/", "http://93.184.216.34./", "http://1.2.3.4.5/",
            "http://hooks.example.com.0x7f/"})
    void ipv4AddressesNotWrittenAsFourPlainDecimalsAreRefusedEvenWherePrivateAddressesAreAllowed(String url) {
        for (WebhookAddresses addresses : List.of(production, allowingPrivate)) {
            assertThatThrownBy(() -> addresses.checkRegistration(url)).isInstanceOf(WebhookAddresses.Refused.class)
                    .hasMessageContaining("four decimal numbers from 0 to 255 without leading zeros");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::ffff:0:127.0.0.1]/", "http://[::ffff:0:7f00:1]/", "http://[::ffff:0:8.8.8.8]/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[::ffff:8.8.8.8]/",
            "http://[0:0:0:0:0:ffff:7f00:1]/", "http://[::127.0.0.1]/", "http://[::8.8.8.8]/"})
    void ipv6SpellingsOfAnIpv4AddressAreRefusedEvenWherePrivateAddressesAreAllowed(String url) {
        for (WebhookAddresses addresses : List.of(production, allowingPrivate)) {
            assertThatThrownBy(() -> addresses.checkRegistration(url)).isInstanceOf(WebhookAddresses.Refused.class)
                    .hasMessageMatching(".*is an IPv4-(mapped|translated|compatible) IPv6 address; write the IPv4 .*");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[2002:808:808::1]/", "http://[2001:0:808:808::f7f7:f7f7]/",
            "http://[64:ff9b::808:808]/", "http://[2001:db8:85a3::8a2e:370:7334]/"})
    void tunnelAndGatewayAddressesWhoseIpv4EndIsPublicAreAccepted(String url) throws Exception {
        assertThat(production.checkRegistration(url)).isEqualTo(URI.create(url));
    }

    @Test
    void aTunnelRefusalNamesBothEnds() {
        assertThatThrownBy(() -> production.checkRegistration("http://[2002:7f00:1::]/"))
                .hasMessageContaining("a 6to4 address 2002:7f00:1:0:0:0:0:0")
                .hasMessageContaining("that leads to a loopback address 127.0.0.1");
        assertThatThrownBy(() -> production.checkRegistration("http://[2001:0:808:808::80ff:fffe]/"))
                .hasMessageContaining("a Teredo address").hasMessageContaining("a loopback address 127.0.0.1");
        assertThatThrownBy(() -> production.checkRegistration("http://[2001:0:a9fe:a9fe::]/"))
                .hasMessageContaining("a Teredo address").hasMessageContaining("a link-local address 169.254.169.254");
    }

    @Test
    void aNameResolvingToATunnelOfALoopbackAddressIsRefusedBeforeSending() throws Exception {
        WebhookAddresses tunnelled = new WebhookAddresses(false, host -> InetAddress.getAllByName("2002:7f00:1::"));
        assertThatThrownBy(() -> tunnelled.checkBeforeSending(URI.create("https://six-to-four.example.com/")))
                .isInstanceOf(WebhookAddresses.Refused.class).hasMessageContaining("leads to a loopback address");
    }

    @Test
    void aUrlStoredBeforeTheLiteralRuleIsRefusedBeforeSending() {
        assertThatThrownBy(() -> allowingPrivate.checkBeforeSending(URI.create("http://0177.0.0.1/")))
                .isInstanceOf(WebhookAddresses.Refused.class).hasMessageContaining("four decimal numbers");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/", "http://127.8.9.10:8080/", "http://localhost./", "http://[::1]/",   // loopback
            "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/",                          // link-local
            "http://10.0.0.1/", "http://172.16.5.4/", "http://172.31.255.255/", "http://192.168.1.1/", // private
            "http://100.64.0.1/",                                                                     // carrier-grade NAT
            "http://[fd12:3456:789a::1]/", "http://[fc00::1]/",                                       // unique-local
            "http://0.0.0.0/", "http://[::]/", "http://0.1.2.3/",                                     // unspecified
            "http://[64:ff9b::a00:1]/", "http://[64:ff9b::7f00:1]/", "http://[64:ff9b:1::808:808]/",  // NAT64
            "http://[2002:7f00:1::]/", "http://[2002:a00:1::1]/", "http://[2002:a9fe:a9fe::]/",         // 6to4
            "http://[2001:0:7f00:1::]/", "http://[2001:0:808:808::80ff:fffe]/",                        // Teredo
            "http://224.0.0.1/", "http://255.255.255.255/",
            "https://internal.example.com/", "https://split.example.com/"})
    void addressesThatAreNotPublicAreRefused(String url) {
        WebhookAddresses local = new WebhookAddresses(false, host -> host.equals("localhost.")
                ? new InetAddress[]{InetAddress.getLoopbackAddress()} : resolve(host));
        assertThatThrownBy(() -> local.checkRegistration(url)).isInstanceOf(WebhookAddresses.Refused.class)
                .hasMessageContaining("webhooks are only sent to public addresses");
    }

    @Test
    void theRefusalNamesTheKindOfAddress() {
        assertThatThrownBy(() -> production.checkRegistration("http://127.0.0.1/")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> production.checkRegistration("http://169.254.169.254/")).hasMessageContaining("link-local");
        assertThatThrownBy(() -> production.checkRegistration("http://192.168.0.1/")).hasMessageContaining("private");
        assertThatThrownBy(() -> production.checkRegistration("http://[fd00::1]/")).hasMessageContaining("unique-local");
        assertThatThrownBy(() -> production.checkRegistration("http://0.0.0.0/")).hasMessageContaining("unspecified");
    }

    @Test
    void aHostThatDoesNotResolveIsRefusedAtRegistration() {
        assertThatThrownBy(() -> production.checkRegistration("https://nowhere.example.com/"))
                .hasMessageContaining("does not resolve");
    }

    @Test
    void allowingPrivateAddressesLetsLocalReceiversThroughButNotOtherSchemes() throws Exception {
        assertThat(allowingPrivate.checkRegistration("http://127.0.0.1:9000/hook")).hasPort(9000);
        assertThat(allowingPrivate.checkRegistration("http://10.0.0.1/")).hasHost("10.0.0.1");
        assertThat(allowingPrivate.checkRegistration("http://[::1]:9000/")).hasHost("[::1]");
        assertThatThrownBy(() -> allowingPrivate.checkRegistration("ftp://127.0.0.1/"))
                .isInstanceOf(WebhookAddresses.Refused.class);
    }

    @Test
    void theAddressIsCheckedAgainBeforeSendingSoARebindingNameIsCaught() throws Exception {
        Deque<String> answers = new ArrayDeque<>(List.of("93.184.216.34", "127.0.0.1"));
        WebhookAddresses rebinding = new WebhookAddresses(false, host -> new InetAddress[]{
                InetAddress.getByAddress(host, InetAddress.getByName(answers.pop()).getAddress())});
        URI url = rebinding.checkRegistration("https://rebind.example.com/hook");
        assertThatThrownBy(() -> rebinding.checkBeforeSending(url)).isInstanceOf(WebhookAddresses.Refused.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void aNameThatStopsResolvingIsNotRefusedBeforeSendingButRetried() {
        assertThatThrownBy(() -> production.checkBeforeSending(URI.create("https://nowhere.example.com/")))
                .isInstanceOf(UnknownHostException.class);
        assertThatCode(() -> production.checkBeforeSending(URI.create("https://hooks.example.com/")))
                .doesNotThrowAnyException();
    }
}
