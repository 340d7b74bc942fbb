package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HTML pages are not in the API description, so the generated hostile corpus does not reach them: this is their
 * own. No request may get a 5xx; a bad parameter of the address is a 400 page, an unknown incident a 404 page, and
 * what browsers send by themselves (cookies, Accept-Language) never breaks a page.
 */
class PageHostileInputApiTest extends ApiIntegrationTest {

    private static final String REFERENCE = "/incidents/" + ReferenceIncidentFixture.ID;
    private static final List<String> HOSTILE_IDS = List.of("..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1--",
            "x".repeat(300), "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%E2%80%AE%E2%80%AD", "a%00b", "..", "%20");
    private static final List<String> HOSTILE_VALUES = List.of("Mars/Olympus_Mons", "not a language", "\u0000",
            "x".repeat(5000), "../../etc/passwd", "<script>alert(1)</script>", "de\r\nSet-Cookie: a=b", "‮");

    private final List<String> failures = new ArrayList<>();

    @Test
    void noHostileRequestToAPageIsAServerErrorOrAnUnescapedEcho() {
        ReferenceIncidentFixture.loadAndProject(api);
        for (String id : HOSTILE_IDS) {
            expect(api.get("/incidents/" + id), 400, 404);
        }
        for (String path : List.of("/", REFERENCE, "/history")) {
            for (String value : HOSTILE_VALUES) {
                String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
                expect(api.get(path + "?lang=" + encoded), 400);
                expect(api.get(path + "?tz=" + encoded), 400);
            }
            expect(api.get(path + "?lang=de&lang=en"), 200);
            for (String cookie : List.of("tz=Mars/Olympus_Mons", "tz=", "tz=\"Europe/Berlin", "tz=x; tz=y", "garbage",
                    "tz=" + "x".repeat(4000))) {
                expect(api.get(path).header("Cookie", cookie), 200);
            }
            for (String languages : List.of("*;q=2", "de;q=x", ";;;", "x".repeat(3000), "zz-ZZ, *")) {
                expect(api.get(path).header("Accept-Language", languages), 200);
            }
            expect(api.get(path).header("Accept", "application/json"), 406);
            expect(api.call("POST", path).rawJson("{}"), 405);
        }
        for (String value : HOSTILE_VALUES) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            expect(api.get("/time-zone?tz=" + encoded + "&back=/"), 400);
            expect(api.get("/time-zone?tz=UTC&back=" + encoded), 303);
        }
        for (String value : HOSTILE_VALUES) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            expect(api.get("/history?page=" + encoded), 400);
            expect(api.get("/history?month=" + encoded), 400);
            expect(api.get("/time-zones?back=" + encoded), 200);
            expect(api.get("/badge.svg?component=" + encoded), 400, 404);
            expect(api.get("/badge.svg?lang=" + encoded), 400);
        }
        expect(api.get("/history?page=99999999999"), 400);
        expect(api.get("/history.atom?x=%00"), 400);
        expect(api.get("/assets/..%2F..%2Fapplication.yml"), 400, 404);
        expect(api.get("/assets/../application.yml"), 400, 404);
        assertThat(failures).isEmpty();
    }

    private void expect(ApiClient.Call call, int... statuses) {
        ApiClient.Response response;
        try {
            response = call.send();
        } catch (RuntimeException | AssertionError e) {
            failures.add(e.getMessage());
            return;
        }
        boolean expected = Arrays.stream(statuses).anyMatch(s -> s == response.status());
        String type = String.valueOf(response.header("Content-Type"));
        boolean html = type.startsWith("text/html");
        if (!expected || response.status() >= 500
                || (html && (response.body().contains("<script>") || response.header("Content-Security-Policy") == null))
                || (!html && response.status() >= 400 && !type.startsWith("application/problem+json"))
                || response.header("Set-Cookie") != null && response.header("Set-Cookie").contains("a=b")) {
            failures.add(response.raw().request().uri() + " -> " + response.status() + " " + type + " "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }
}
