package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG AA contrast of the page's colours where they carry meaning, read from the stylesheet itself so a future
 * colour change cannot slip below: text 4.5:1 against its own background or else the paper and the wash it may sit
 * on; the status fills of the uptime bars 3:1 against the paper (non-text); the badge's text 4.5:1 on its fills.
 * "No data" days ({@code .day--none}) are the absence of a status, said in words too, and are exempt.
 */
class PageContrastTest {

    private static final Pattern RULE = Pattern.compile("(?s)([^{}]+)\\{([^{}]*)}");
    private static final Pattern DECLARATION = Pattern.compile("(?:^|;)\\s*(color|background)\\s*:\\s*([^;]+)");
    private static final Pattern COLOUR = Pattern.compile("^(#[0-9a-fA-F]{6}|var\\(--([a-z-]+)\\))$");

    private final String css = stylesheet();
    private final PagePalette palette = PagePalette.of(css);

    @Test
    void theReportedOrangeFailedAndItsReplacementPasses() {
        assertThat(PagePalette.contrast("#d1570a", "#ffffff")).isCloseTo(4.13, org.assertj.core.data.Offset.offset(0.01));
        assertThat(PagePalette.contrast(palette.colour("partial"), palette.colour("paper"))).isGreaterThanOrEqualTo(4.5);
        assertThat(PagePalette.contrast("#000000", "#ffffff")).isEqualTo(21.0);
    }

    @Test
    void everyTextColourMeetsFourAndAHalfToOneOnWhatItSitsOn() {
        Map<String, String> banner = rules().get(".banner");
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        rules().forEach((selector, declarations) -> {
            String text = declarations.get("color");
            String background = declarations.get("background");
            if (text == null && selector.startsWith(".banner--")) {
                text = banner.get("color");
            }
            if (text == null) {
                return;
            }
            List<String> grounds = background != null ? List.of(background)
                    : List.of(palette.colour("paper"), palette.colour("wash"));
            for (String ground : grounds) {
                double ratio = PagePalette.contrast(text, ground);
                checked.add(selector);
                if (ratio < 4.5) {
                    failures.add(String.format("%s: %s on %s is %.2f:1", selector, text, ground, ratio));
                }
            }
        });
        assertThat(checked).as("the status texts and banners are among the rules checked")
                .contains(".status--partial_outage", ".status--major_outage", ".status--operational",
                        ".status--under_maintenance", ".status--degraded_performance", ".banner--major",
                        ".banner--minor", ".banner--critical", ".banner--maintenance", ".promise--broken", ".overdue");
        assertThat(failures).isEmpty();
    }

    @Test
    void everyStatusFillOfTheUptimeBarsMeetsThreeToOneOnThePaper() {
        List<String> failures = new ArrayList<>();
        int fills = 0;
        for (var rule : rules().entrySet()) {
            String background = rule.getValue().get("background");
            if (rule.getKey().startsWith(".day--") && !rule.getKey().equals(".day--none") && background != null) {
                fills++;
                double ratio = PagePalette.contrast(background, palette.colour("paper"));
                if (ratio < 3) {
                    failures.add(String.format("%s: %s is %.2f:1", rule.getKey(), background, ratio));
                }
            }
        }
        assertThat(fills).as("one fill per component status").isEqualTo(5);
        assertThat(failures).isEmpty();
    }

    @Test
    void theBadgesTextMeetsFourAndAHalfToOneOnEachFill() {
        for (String fill : BadgeController.fills()) {
            assertThat(PagePalette.contrast(BadgeController.ink(palette, fill), palette.colour(fill)))
                    .as(fill).isGreaterThanOrEqualTo(4.5);
            assertThat(PagePalette.contrast(palette.colour(fill), palette.colour("paper")))
                    .as(fill + " beside a white page").isGreaterThanOrEqualTo(3);
        }
        assertThat(PagePalette.contrast(palette.colour("paper"), palette.colour("muted"))).as("the badge's label")
                .isGreaterThanOrEqualTo(4.5);
    }

    /** Every rule with a plain selector list, by each selector, its colour and background resolved to #rrggbb. */
    private Map<String, Map<String, String>> rules() {
        Map<String, Map<String, String>> rules = new LinkedHashMap<>();
        Matcher rule = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("@media[^{]*\\{", ""));
        while (rule.find()) {
            Map<String, String> colours = new LinkedHashMap<>();
            Matcher declaration = DECLARATION.matcher(rule.group(2));
            while (declaration.find()) {
                String value = resolve(declaration.group(2).strip());
                if (value != null) {
                    colours.put(declaration.group(1), value);
                }
            }
            for (String selector : rule.group(1).split(",")) {
                rules.computeIfAbsent(selector.strip(), s -> new LinkedHashMap<>()).putAll(colours);
            }
        }
        return rules;
    }

    private String resolve(String value) {
        if (value.equals("#fff")) {
            return "#ffffff";
        }
        Matcher colour = COLOUR.matcher(value);
        if (!colour.matches()) {
            return null;
        }
        return colour.group(2) != null ? palette.colour(colour.group(2)) : colour.group(1).toLowerCase();
    }

    private static String stylesheet() {
        try (InputStream in = PageContrastTest.class.getClassLoader().getResourceAsStream(PagePalette.STYLESHEET)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
