package io.incidenttimeline.api.console.session;

import io.incidenttimeline.api.console.ReturnPaths;
import io.incidenttimeline.api.console.page.Pages;
import io.incidenttimeline.api.console.sso.SingleSignOn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sign-in with a personal token (the one an admin issued, or a configured one), or through a single sign-on provider
 * where one is configured. A wrong token answers 401 with the form again; the message is the same for every wrong
 * token and the check takes the same time, so it tells nothing about other tokens.
 */
@Controller
class SignInController {

    static final String WRONG_TOKEN = "This token is not valid. Check that you copied all of it.";

    private final TokenSessions sessions;
    private final SignInThrottle throttle;
    private final SingleSignOn singleSignOn;

    SignInController(TokenSessions sessions, SignInThrottle throttle, SingleSignOn singleSignOn) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.singleSignOn = singleSignOn;
    }

    @GetMapping(ConsoleSecurityConfig.SIGN_IN)
    ModelAndView form(@RequestParam(required = false) String next,
                      @RequestParam(name = "signed-out", required = false) String signedOut,
                      @RequestParam(required = false) String error) {
        if (signedIn()) {
            return Pages.seeOther(ReturnPaths.orHome(next));
        }
        ModelAndView page = page(HttpStatus.OK, next, null);
        page.addObject("signedOut", signedOut != null);
        page.addObject("ssoProblem", SingleSignOn.problem(error).orElse(null));
        return page;
    }

    @PostMapping(ConsoleSecurityConfig.SIGN_IN)
    ModelAndView signIn(@RequestParam(required = false) String token, @RequestParam(required = false) String next,
                        HttpServletRequest request, HttpServletResponse response) {
        String address = request.getRemoteAddr();
        long wait = throttle.waitSeconds(address);
        if (wait > 0) {
            response.setHeader("Retry-After", String.valueOf(wait));
            return page(HttpStatus.TOO_MANY_REQUESTS, next,
                    "Too many wrong tokens from here. Try again in " + wait + " seconds.");
        }
        String presented = token == null ? "" : token.strip();
        if (presented.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, next, "Enter your personal token.");
        }
        if (sessions.signIn(request, presented).isEmpty()) {
            throttle.failed(address);
            return page(HttpStatus.UNAUTHORIZED, next, WRONG_TOKEN);
        }
        return Pages.seeOther(ReturnPaths.orHome(next));
    }

    private ModelAndView page(HttpStatus status, String next, String tokenProblem) {
        Map<String, Object> model = new HashMap<>();
        model.put("next", ReturnPaths.safe(next));
        model.put("tokenProblem", tokenProblem);
        model.put("providers", singleSignOn.providers());
        model.put("signedOut", false);
        model.put("ssoProblem", null);
        return Pages.page("sign-in", status, model);
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
