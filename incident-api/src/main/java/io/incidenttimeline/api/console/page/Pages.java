package io.incidenttimeline.api.console.page;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The answers of console controllers: a page of {@code templates/console/} with its status, or a 303 elsewhere. */
public final class Pages {

    private Pages() {
    }

    public static ModelAndView page(String template, HttpStatus status, Map<String, ?> model) {
        return new ModelAndView("console/" + template, model, status);
    }

    /** After a form: the browser GETs {@code path} (a path of this server), so a reload does not post again. */
    public static ModelAndView seeOther(String path) {
        RedirectView redirect = new RedirectView(path, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }
}
