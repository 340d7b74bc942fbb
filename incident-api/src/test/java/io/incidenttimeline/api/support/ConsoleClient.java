package io.incidenttimeline.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for the console without JavaScript: keeps cookies, follows no redirect by itself (tests assert them), and
 * sends forms with the CSRF token of the last page it received.
 */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    public ConsoleClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A console page as the client received it. */
    public record Page(int status, HttpResponse<String> raw) {

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        public String location() {
            return header("Location");
        }

        @Override
        public String toString() {
            return status + " " + raw.uri() + " " + raw.headers().map() + "\n" + raw.body();
        }
    }

    /** A form's fields in order; a name may repeat. */
    public static final class Form {

        private final List<Map.Entry<String, String>> fields = new ArrayList<>();

        public static Form of(String... namesAndValues) {
            Form form = new Form();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                form.add(namesAndValues[i], namesAndValues[i + 1]);
            }
            return form;
        }

        public Form add(String name, String value) {
            fields.add(Map.entry(name, value));
            return this;
        }

        String encoded() {
            return fields.stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        }
    }

    public Page get(String path) {
        return send(request(path).GET().build());
    }

    /** Posts {@code form} with the CSRF token of the last page received, as a browser submitting that page would. */
    public Page post(String path, Form form) {
        if (csrf == null) {
            throw new IllegalStateException("no page with a form was received yet: no CSRF token to send");
        }
        return postWithCsrf(path, form, csrf);
    }

    public Page postWithCsrf(String path, Form form, String token) {
        Form withToken = new Form();
        withToken.fields.addAll(form.fields);
        if (token != null) {
            withToken.add("_csrf", token);
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(withToken.encoded())).build());
    }

    /** Signs in with {@code token} through the sign-in form, and asserts the redirect to the list. */
    public ConsoleClient signIn(String token) {
        get("/console/sign-in");
        Page answer = post("/console/sign-in", Form.of("token", token));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(303);
        assertThat(answer.location()).endsWith("/console");
        return this;
    }

    public String csrf() {
        return csrf;
    }

    /** The session cookie's value (JSESSIONID), or null. */
    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** A second client presenting only this session cookie: the same session from elsewhere, or after sign-out. */
    public ConsoleClient withSessionCookie(String sessionId) {
        ConsoleClient other = new ConsoleClient(port);
        HttpCookie cookie = new HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        other.cookies.getCookieStore().add(URI.create("http://localhost:" + port), cookie);
        return other;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Page(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
