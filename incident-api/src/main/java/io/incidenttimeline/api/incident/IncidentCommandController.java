package io.incidenttimeline.api.incident;

import io.incidenttimeline.api.command.CommandContext;
import io.incidenttimeline.api.command.CommandResult;
import io.incidenttimeline.api.command.CommandRunner;
import io.incidenttimeline.api.command.CommandSender;
import java.net.URI;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The command side of incidents: every endpoint turns its body into one command. */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = {"application/json", "application/problem+json"})
public class IncidentCommandController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final CommandRunner runner;

    public IncidentCommandController(CommandRunner runner) {
        this.runner = runner;
    }

    @PostMapping(consumes = "application/json")
    public ResponseEntity<Object> declare(@RequestBody IncidentRequests.Declare body, CommandContext context) {
        return runner.run(context, body, sender -> {
            String incidentId = body.id() != null ? body.id() : newId("inc");
            String updateId = body.updateId() != null ? body.updateId() : newId("upd");
            long version = sender.send(body.toCommand(incidentId, updateId));
            return CommandResult.created(incidentUri(incidentId), version,
                    body(incidentId, version, "updateId", updateId));
        });
    }

    @PostMapping(path = "/{incidentId}/updates", consumes = "application/json")
    public ResponseEntity<Object> postUpdate(@PathVariable String incidentId, @RequestBody IncidentRequests.Update body,
                                             CommandContext context) {
        return runner.run(context, body, sender -> {
            String updateId = body.updateId() != null ? body.updateId() : newId("upd");
            long version = sender.send(body.toCommand(incidentId, updateId, context.expectedVersion()));
            return CommandResult.created(URI.create(incidentUri(incidentId) + "/updates/" + updateId), version,
                    body(incidentId, version, "updateId", updateId));
        });
    }

    @PostMapping(path = "/{incidentId}/updates/{updateId}/amendments", consumes = "application/json")
    public ResponseEntity<Object> amend(@PathVariable String incidentId, @PathVariable String updateId,
                                        @RequestBody IncidentRequests.Amendment body, CommandContext context) {
        return runner.run(context, body, ok(incidentId, body.toCommand(incidentId, updateId, context.expectedVersion())));
    }

    @PostMapping(path = "/{incidentId}/updates/{updateId}/retraction", consumes = "application/json")
    public ResponseEntity<Object> retract(@PathVariable String incidentId, @PathVariable String updateId,
                                          @RequestBody IncidentRequests.Retraction body, CommandContext context) {
        return runner.run(context, body, ok(incidentId, body.toCommand(incidentId, updateId, context.expectedVersion())));
    }

    @PutMapping(path = "/{incidentId}/impact-window", consumes = "application/json")
    public ResponseEntity<Object> recordImpactWindow(@PathVariable String incidentId,
                                                     @RequestBody IncidentRequests.ImpactWindow body,
                                                     CommandContext context) {
        return runner.run(context, body, ok(incidentId, body.toCommand(incidentId, context.expectedVersion())));
    }

    @PutMapping(path = "/{incidentId}/impact", consumes = "application/json")
    public ResponseEntity<Object> changeImpact(@PathVariable String incidentId,
                                               @RequestBody IncidentRequests.ImpactChange body, CommandContext context) {
        return runner.run(context, body, ok(incidentId, body.toCommand(incidentId, context.expectedVersion())));
    }

    @PostMapping(path = "/{incidentId}/translations", consumes = "application/json")
    public ResponseEntity<Object> addTranslation(@PathVariable String incidentId,
                                                 @RequestBody IncidentRequests.Translation body, CommandContext context) {
        return runner.run(context, body, ok(incidentId, body.toCommand(incidentId, context.expectedVersion())));
    }

    @PutMapping(path = "/{incidentId}/postmortem", consumes = "application/json")
    public ResponseEntity<Object> publishPostMortem(@PathVariable String incidentId,
                                                    @RequestBody IncidentRequests.PostMortem body,
                                                    CommandContext context) {
        return runner.run(context, body, ok(incidentId, body.toCommand(incidentId, context.expectedVersion())));
    }

    @PostMapping(path = "/{incidentId}/postmortem/remediation/{itemId}/completion")
    public ResponseEntity<Object> completeRemediationItem(@PathVariable String incidentId, @PathVariable String itemId,
                                                          @RequestBody(required = false) IncidentRequests.Completion body,
                                                          CommandContext context) {
        var completion = body == null ? IncidentRequests.Completion.NOW : body;
        return runner.run(context, completion, ok(incidentId, completion.toCommand(incidentId, itemId, context.expectedVersion())));
    }

    private static Function<CommandSender, CommandResult> ok(String incidentId, Object command) {
        return sender -> {
            long version = sender.send(command);
            return CommandResult.ok(version, body(incidentId, version, null, null));
        };
    }

    private static Map<String, Object> body(String incidentId, long version, String key, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidentId", incidentId);
        if (key != null) {
            body.put(key, value);
        }
        body.put("version", version);
        return body;
    }

    static URI incidentUri(String incidentId) {
        return URI.create("/api/v1/incidents/" + incidentId);
    }

    private static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }
}
