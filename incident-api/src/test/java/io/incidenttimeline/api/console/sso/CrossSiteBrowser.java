package io.incidenttimeline.api.console.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript for a sign-in that crosses sites, on java.net.http.HttpClient. It keeps cookies itself
 * rather than through a CookieManager, because the point is SameSite: like Chromium, it does not send a Strict cookie
 * on a navigation that began on another site or passed through one in its redirects, nor a Lax one on such a POST
 * (a cookie without SameSite counts as Lax). Sites are hosts here: {@code localhost} and {@code 127.0.0.1} differ.
 * It follows redirects, and a {@code <meta http-equiv="refresh">}, as a navigation started by that page.
 */
final class CrossSiteBrowser {

    private static final Pattern META_REFRESH = Pattern.compile(
            "<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\">");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:type=\"hidden\"\\s+)?value=\"([^\"]+)\"");

    private record Cookie(String host, String name, String value, String path, String sameSite) {
    }

    /** A page as received, with every hop that led to it. */
    record Page(int status, URI uri, HttpResponse<String> raw, List<HttpResponse<String>> hops) {

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        List<String> setCookies() {
            return raw.headers().allValues("Set-Cookie");
        }

        String csrf() {
            Matcher token = CSRF.matcher(body());
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token in " + this);
            }
            return token.group(1);
        }

        @Override
        public String toString() {
            return status + " " + uri + " after " + hops.stream().map(HttpResponse::uri).toList() + " "
                    + raw.headers().map() + "\n" + body();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    /** Typed into the address bar, or a link on a page of the same site. */
    Page open(String url) {
        return navigate("GET", URI.create(url), null, URI.create(url).getHost());
    }

    /** Follows a link or a refresh on {@code page}: a navigation that {@code page}'s site starts. */
    Page follow(Page page, String href) {
        return navigate("GET", page.uri().resolve(href), null, page.uri().getHost());
    }

    /** The page's {@code <meta http-equiv="refresh">}, taken as the browser takes it. */
    Page refresh(Page page) {
        Matcher refresh = META_REFRESH.matcher(page.body());
        if (!refresh.find()) {
            throw new IllegalStateException("no refresh on " + page);
        }
        return follow(page, refresh.group(1).replace("&amp;", "&"));
    }

    /** Submits a form of {@code page} to {@code action} with the page's CSRF token, if it has one. */
    Page submit(Page page, String action, String... namesAndValues) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
        }
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            fields.add("_csrf=" + encode(token.group(1)));
        }
        return navigate("POST", page.uri().resolve(action), String.join("&", fields), page.uri().getHost());
    }

    /** Forgets every cookie of {@code host}, as a new browser profile would not have them. */
    void forgetCookiesOf(String host) {
        cookies.values().removeIf(cookie -> cookie.host().equals(host));
    }

    boolean hasCookie(String host, String name) {
        return cookies.values().stream().anyMatch(c -> c.host().equals(host) && c.name().equals(name));
    }

    private Page navigate(String method, URI uri, String form, String initiator) {
        List<HttpResponse<String>> hops = new ArrayList<>();
        boolean crossSite = !uri.getHost().equals(initiator);
        HttpResponse<String> response = send(method, uri, form, crossSite);
        while (response.statusCode() / 100 == 3 && response.headers().firstValue("Location").isPresent()) {
            hops.add(response);
            uri = uri.resolve(response.headers().firstValue("Location").get());
            crossSite |= !uri.getHost().equals(initiator);
            boolean keepsMethod = response.statusCode() == 307 || response.statusCode() == 308;
            response = keepsMethod ? send(method, uri, form, crossSite) : send("GET", uri, null, crossSite);
            if (!keepsMethod) {
                method = "GET";
                form = null;
            }
        }
        return new Page(response.statusCode(), uri, response, hops);
    }

    private HttpResponse<String> send(String method, URI uri, String form, boolean crossSite) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml");
        String sent = cookies.values().stream()
                .filter(c -> c.host().equals(uri.getHost()) && pathMatches(c.path(), uri.getPath()))
                .filter(c -> !crossSite || c.sameSite().equals("none")
                        || c.sameSite().equals("lax") && method.equals("GET"))
                .map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
        if (!sent.isEmpty()) {
            request.header("Cookie", sent);
        }
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(header -> keep(uri, header));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(URI uri, String header) {
        String[] parts = header.split(";");
        int equals = parts[0].indexOf('=');
        String name = parts[0].substring(0, equals).strip();
        String value = parts[0].substring(equals + 1).strip();
        String path = uri.getPath().contains("/") ? uri.getPath().substring(0, Math.max(1, uri.getPath().lastIndexOf('/'))) : "/";
        String sameSite = "lax";
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
            if (attribute.startsWith("path=")) {
                path = parts[i].strip().substring(5);
            } else if (attribute.startsWith("samesite=")) {
                sameSite = attribute.substring(9);
            } else if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) {
                expired = true;
            }
        }
        String key = uri.getHost() + "|" + name + "|" + path;
        if (expired) {
            cookies.remove(key);
        } else {
            cookies.put(key, new Cookie(uri.getHost(), name, value, path, sameSite));
        }
    }

    private static boolean pathMatches(String cookiePath, String requestPath) {
        String path = requestPath.isEmpty() ? "/" : requestPath;
        return path.equals(cookiePath) || path.startsWith(cookiePath.endsWith("/") ? cookiePath : cookiePath + "/");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
