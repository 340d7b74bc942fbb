package io.incidenttimeline.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * The server's side of the console's sessions, as Tomcat keeps them: what a session holds, and its own timeout, which a
 * test may shorten for one session without changing the shared configuration.
 */
public final class ServerSessions {

    private final Context context;

    public ServerSessions(ServletWebServerApplicationContext application) {
        TomcatWebServer server = (TomcatWebServer) application.getWebServer();
        this.context = (Context) server.getTomcat().getHost().findChildren()[0];
    }

    /** The live session with this id, or null when there is none (never was, expired or invalidated). */
    public Session find(String id) {
        try {
            Session session = context.getManager().findSession(id);
            return session == null || !session.isValid() ? null : session;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
