package io.incidenttimeline.api.console.forms;

import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.application.RequestFingerprints;
import io.incidenttimeline.api.console.page.ConsoleUser;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Sends a console form's command through {@link Commands#send} as the signed-in person, on channel {@code console}.
 * <p>
 * A form carries a key of its own ({@link #newFormKey()}, in a hidden field {@code formKey}), used as the idempotency
 * key: sending the same form twice (a double click, a reload after a lost answer) gets the first outcome instead of a
 * second incident or update. A form shown again after a refusal needs a new key, since the refusal is kept for the
 * old one.
 */
@Component
public class ConsoleCommands {

    public static final String FORM_KEY = "formKey";

    private static final Pattern KEY = Pattern.compile("console-[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Commands commands;
    private final RequestFingerprints fingerprints;

    public ConsoleCommands(Commands commands, RequestFingerprints fingerprints) {
        this.commands = commands;
        this.fingerprints = fingerprints;
    }

    public static String newFormKey() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "console-" + HexFormat.of().formatHex(random);
    }

    /**
     * @param formKey   the form's key; one that is missing or not of {@link #newFormKey()}'s making is ignored
     * @param operation what the form asks for, such as {@code POST /console/incidents}, part of the fingerprint
     * @param request   the request as the form gave it (the API's request body type), the rest of the fingerprint
     */
    public CommandResult send(Object command, ConsoleUser user, String formKey, String operation, Object request) {
        Actor actor = user.actor();
        if (formKey != null && KEY.matcher(formKey).matches()) {
            actor = actor.withIdempotencyKey(formKey, fingerprints.of(operation, request));
        }
        return commands.send(command, actor);
    }
}
