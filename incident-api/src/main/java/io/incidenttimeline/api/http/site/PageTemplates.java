package io.incidenttimeline.api.http.site;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the Thymeleaf templates under {@code templates/page/} to text. Thymeleaf escapes every value a template
 * prints with {@code th:text} or an attribute, so a {@code <script>} in an update is shown as text; the templates
 * never use the unescaped {@code th:utext}.
 */
@Component
class PageTemplates {

    private final ITemplateEngine engine;

    PageTemplates(ITemplateEngine engine) {
        this.engine = engine;
    }

    String render(String template, Locale locale, Map<String, Object> model) {
        return engine.process("page/" + template, new Context(locale, model));
    }
}
