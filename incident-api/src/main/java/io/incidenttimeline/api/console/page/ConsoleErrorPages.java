package io.incidenttimeline.api.console.page;

import io.incidenttimeline.api.console.session.ConsoleSecurityConfig;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The console's answers where no page of it applies: a refused request, an address the console does not have. */
@Controller
class ConsoleErrorPages {

    /** Spring Security forwards a refused request here, whatever its method (ConsoleSecurityConfig). */
    @RequestMapping(ConsoleSecurityConfig.FORBIDDEN)
    ModelAndView forbidden(HttpServletRequest request) {
        boolean csrf = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
        return ConsoleErrors.error(HttpStatus.FORBIDDEN, csrf
                ? "This form has expired or did not come from this console. Open the page again and send it anew."
                : "Your role may not do this: auditors see the console read-only.");
    }

    /** Any other console address: the console's 404, not the API's problem+json. */
    @RequestMapping("/console/**")
    ModelAndView unknownPath() {
        throw new ConsoleNotFound("There is no console page at this address.");
    }
}
