package io.incidenttimeline.api.console.sso;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Keeps a sign-in's authorization request (state, nonce, PKCE verifier) in a signed cookie of its own rather than in
 * the session. The console's session cookie is SameSite=Strict, so a browser does not send it on the provider's
 * redirect back to {@code /login/oauth2/code/*}, which comes from another site; this cookie is SameSite=Lax, sent only
 * to that path, and lives ten minutes. Its HMAC key is made at start-up, so a sign-in returns to the node it began on
 * (as the in-memory session needs anyway) and one begun before a restart must be started again.
 */
final class CookieAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "incident-console-sign-in";
    static final String PATH = "/login/oauth2/";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Where {@link #removeAuthorizationRequest} leaves the request for the success handler (it holds {@code next}). */
    static final String REMOVED = CookieAuthorizationRequests.class.getName() + ".removed";

    private static final ObjectInputFilter ONLY_THE_REQUEST = ObjectInputFilter.Config.createFilter(
            "maxdepth=10;maxbytes=16384;org.springframework.security.oauth2.core.**;java.util.*;java.lang.*;!*");

    private final SecretKeySpec key;
    private final Clock clock;

    CookieAuthorizationRequests(Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null || request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies()).filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue).map(this::read)
                .filter(authorization -> authorization != null && state.equals(authorization.getState()))
                .findFirst().orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorization, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorization == null) {
            setCookie(request, response, "", Duration.ZERO);
            return;
        }
        setCookie(request, response, write(authorization), LIFETIME);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
                                                                 HttpServletResponse response) {
        OAuth2AuthorizationRequest authorization = loadAuthorizationRequest(request);
        if (authorization != null) {
            setCookie(request, response, "", Duration.ZERO);
            request.setAttribute(REMOVED, authorization);
        }
        return authorization;
    }

    private void setCookie(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value).path(request.getContextPath() + PATH)
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private String write(OAuth2AuthorizationRequest authorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(clock.millis() + LIFETIME.toMillis());
            try (ObjectOutputStream object = new ObjectOutputStream(out)) {
                object.writeObject(authorization);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = bytes.toByteArray();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(mac(payload));
    }

    /** The request in a cookie this node signed and that has not expired; null for anything else. */
    private OAuth2AuthorizationRequest read(String value) {
        int dot = value.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(value.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
                if (in.readLong() < clock.millis()) {
                    return null;
                }
                try (ObjectInputStream object = new ObjectInputStream(in)) {
                    object.setObjectInputFilter(ONLY_THE_REQUEST);
                    return object.readObject() instanceof OAuth2AuthorizationRequest authorization ? authorization : null;
                }
            }
        } catch (IllegalArgumentException | IOException | ClassNotFoundException e) {
            return null;
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
