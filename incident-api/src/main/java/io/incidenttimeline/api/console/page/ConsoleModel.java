package io.incidenttimeline.api.console.page;

import io.incidenttimeline.api.statuspage.PageProperties;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page's layout needs: {@code user}, the signed-in {@link ConsoleUser} (null on the sign-in
 * page), for the header, the sign-out button and whether to offer forms ({@code user.canWrite()}); {@code productName}, the
 * status page's name.
 */
@ControllerAdvice(basePackages = "io.incidenttimeline.api.console")
class ConsoleModel {

    private final PageProperties page;

    ConsoleModel(PageProperties page) {
        this.page = page;
    }

    /** The same attributes for a page an exception handler answers with (Spring adds none there). */
    ModelAndView addTo(ModelAndView page) {
        return page.addObject("user", user()).addObject("productName", productName());
    }

    @ModelAttribute("user")
    ConsoleUser user() {
        return ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
    }

    @ModelAttribute("productName")
    String productName() {
        return page.name();
    }
}
