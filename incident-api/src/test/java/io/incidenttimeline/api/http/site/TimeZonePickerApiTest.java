package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The zone picker over real HTTP: a page of its own ({@code /time-zones}) instead of 400-odd options in every page's
 * footer, listing canonical zones only, grouped by region.
 */
class TimeZonePickerApiTest extends ApiIntegrationTest {

    @Test
    void thePagesLinkToThePickerInsteadOfCarryingItsOptions() {
        String front = Html.page(api.get("/").send());
        assertThat(front).doesNotContain("<option").doesNotContain("<select")
                .contains("<a class=\"zone-change\" href=\"/time-zones?back=/\">Change time zone</a>");
        assertThat(Html.page(api.get("/history?lang=de").send()))
                .contains("href=\"/time-zones?lang=de&amp;back=/history?lang%3Dde\"");

        // what the footer of every page carried before: every Area/Location id of the JDK as an option
        List<String> areaLocation = ZoneId.getAvailableZoneIds().stream()
                .filter(Pattern.compile("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+")
                        .asPredicate()).toList();
        int inline = areaLocation.stream()
                .mapToInt(zone -> ("<option value=\"" + zone + "\">" + zone + "</option>\n").length()).sum();
        assertThat(inline).as("bytes no longer in each page").isGreaterThan(20_000);
        assertThat(Html.section(front, "<footer", "</footer>").getBytes(StandardCharsets.UTF_8).length)
                .as("the footer of every page, now a link to the picker").isLessThan(1_500);
        String picker = Html.page(api.get("/time-zones?back=/").send());
        assertThat(Html.texts(picker, "<option value=\"[^\"]+\"[^>]*>", "</option>")).as("aliases gone")
                .hasSizeLessThan(areaLocation.size());
        assertThat(areaLocation).as("what the old footer offered").contains("Asia/Calcutta", "America/Buenos_Aires");
    }

    @Test
    void thePickerListsCanonicalZonesByRegionAndNoAliases() {
        String picker = Html.page(api.get("/time-zones?back=/incidents/x%3Flang%3Dde").send());
        assertThat(picker).contains("<form class=\"zone-picker\" method=\"get\" action=\"/time-zone\">")
                .contains("<input type=\"hidden\" name=\"back\" value=\"/incidents/x?lang=de\">")
                .contains("<optgroup label=\"Europe\">").contains("<optgroup label=\"America\">")
                .contains("<option value=\"UTC\" selected=\"selected\">UTC</option>")
                .contains("value=\"Asia/Kolkata\"").contains("value=\"Europe/Kyiv\"").contains("value=\"America/Los_Angeles\"");
        for (String alias : List.of("US/Pacific", "Etc/", "Asia/Calcutta", "America/Buenos_Aires", "Europe/Kiev",
                "GMT", "Universal", "Zulu", "SystemV/")) {
            assertThat(picker).as(alias).doesNotContain("value=\"" + alias);
        }
        List<String> offered = Html.texts(picker, "<option value=\"[^\"]+\"[^>]*>", "</option>");
        assertThat(offered).hasSizeBetween(300, 450).first().isEqualTo("UTC");
        assertThat(offered).allSatisfy(zone -> assertThat(ZoneId.of(zone).getId()).isEqualTo(zone)).doesNotHaveDuplicates();
        assertThat(Html.section(picker, "<optgroup label=\"Asia\">", "</optgroup>")).doesNotContain("Europe/");

        assertThat(Html.page(api.get("/time-zones?back=//evil.example/").send()))
                .contains("<input type=\"hidden\" name=\"back\" value=\"/\">");
        assertThat(Html.page(api.get("/time-zones?back=/&lang=de").header("Cookie", "tz=Asia/Tokyo").send()))
                .contains("<h1>Zeitzone</h1>").contains("<option value=\"Asia/Tokyo\" selected=\"selected\">");
        var etag = api.get("/time-zones?back=/").send().header("ETag");
        assertThat(api.get("/time-zones?back=/").header("If-None-Match", etag).send().status()).isEqualTo(304);
        assertThat(api.get("/time-zones?tz=Mars/Olympus").send().status()).isEqualTo(400);
    }
}
