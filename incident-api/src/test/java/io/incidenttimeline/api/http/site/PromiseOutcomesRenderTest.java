package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.http.read.publicapi.IncidentNotices;
import io.incidenttimeline.api.http.read.publicapi.ReaderPreferences;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * {@code incident.page.show-promise-outcomes} both ways, without a Spring context of its own: the incident page's
 * model and the update fragment the page and the console's preview render, with the page's real templates and words.
 * (The default, off, is also checked over HTTP on the reference incident in IncidentPageApiTest.)
 */
class PromiseOutcomesRenderTest {

    private static final Instant DECLARED = Instant.parse("2024-07-05T10:00:00Z");
    private static final Instant NOW = Instant.parse("2024-07-05T12:00:00Z");

    private final MessageSource messages = new PageConfig().messageSource();
    private final Words words = new Words(messages, Locale.ENGLISH);
    private final PageReader reader = new PageReader(new ReaderPreferences(null, List.of(), ZoneOffset.UTC), null, null);

    @Test
    void shownTheBrokenPromiseAndTheOverdueNextUpdateAreMarked() {
        IncidentView view = model(true).of(late(), PageView.compose(List.of(), List.of(late())), reader, words, NOW);

        assertThat(view.updates()).extracting(IncidentView.UpdateView::promise).as("newest first: both late at noon")
                .containsExactly("broken", "broken");
        assertThat(view.nextUpdateOverdue()).isTrue();
        assertThat(render(view.updates().get(1))).contains("Next update promised by")
                .contains("<strong class=\"promise--broken\">not kept</strong>");
        assertThat(render(PublicUpdatePreview.of("identified", "Soon.", NOW, NOW.plusSeconds(1800), new PageOptions(true))))
                .contains("<strong class=\"promise--pending\">still due</strong>");
    }

    @Test
    void notShownByDefaultOnlyThePromisedTimeIsOnThePage() {
        IncidentView view = model(false).of(late(), PageView.compose(List.of(), List.of(late())), reader, words, NOW);

        assertThat(view.updates()).extracting(IncidentView.UpdateView::promise).containsOnlyNulls();
        assertThat(view.nextUpdateOverdue()).isFalse();
        assertThat(view.nextUpdateDue()).as("when it was promised stays a fact on the page").isNotNull();
        String update = render(view.updates().get(1));
        assertThat(update).contains("Next update promised by").contains("2024-07-05 10:30 UTC")
                .doesNotContain("not kept").doesNotContain("promise--");
        assertThat(render(PublicUpdatePreview.of("identified", "Soon.", NOW, NOW.plusSeconds(1800), new PageOptions(false))))
                .contains("Next update promised by").doesNotContain("still due");
    }

    private IncidentPageModel model(boolean show) {
        return new IncidentPageModel(new IncidentNotices(messages), new PageOptions(show));
    }

    /** Promised 10:30, answered 11:00 (late), and promising 11:15 again, which is overdue at noon. */
    private static PublicIncident late() {
        String id = "late-promises";
        return PublicIncidentFold.fold(List.of(
                new IncidentDeclared(id, "Late", "en", Impact.MINOR, Map.of(), List.of(), DECLARED, DECLARED),
                new UpdatePosted(id, "u1", IncidentStatus.INVESTIGATING, "Looking.", Visibility.PUBLIC, Map.of(),
                        DECLARED.plusSeconds(1800), DECLARED, DECLARED),
                new UpdatePosted(id, "u2", IncidentStatus.IDENTIFIED, "Found it.", Visibility.PUBLIC, Map.of(),
                        DECLARED.plusSeconds(4500), DECLARED.plusSeconds(3600), DECLARED.plusSeconds(3600))));
    }

    private String render(Object update) {
        var files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setCheckExistence(true);
        files.setOrder(1);
        var inline = new StringTemplateResolver();
        inline.setOrder(2);
        var engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(inline);
        engine.setTemplateEngineMessageSource(messages);
        var context = new Context(Locale.ENGLISH, Map.of("u", update));
        return engine.process("<ol><li th:replace=\"~{page/update :: update(${u}, 'en', 'en', null)}\"></li></ol>", context);
    }
}
