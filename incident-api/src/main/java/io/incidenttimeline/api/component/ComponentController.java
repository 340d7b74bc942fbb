package io.incidenttimeline.api.component;

import io.incidenttimeline.api.command.CommandContext;
import io.incidenttimeline.api.command.CommandResult;
import io.incidenttimeline.api.command.CommandRunner;
import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.component.DefineComponent;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The component catalogue: defining a component again with other values renames or moves it. */
@RestController
public class ComponentController {

    private final CommandRunner runner;
    private final ComponentCatalogue catalogue;

    public ComponentController(CommandRunner runner, ComponentCatalogue catalogue) {
        this.runner = runner;
        this.catalogue = catalogue;
    }

    public record Definition(String id, String name, String group, Integer position, String description,
                             Instant occurredAt) {
    }

    @PostMapping(path = "/api/v1/components", consumes = "application/json",
            produces = {"application/json", "application/problem+json"})
    public ResponseEntity<Object> define(@RequestBody Definition body, CommandContext context) {
        return runner.run(context, body, sender -> {
            boolean existed = body.id() != null && catalogue.isDefined(body.id());
            long version = sender.send(new DefineComponent(body.id(), body.name(), body.group(), body.position(),
                    body.description(), body.occurredAt()));
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("componentId", body.id());
            response.put("version", version);
            URI location = URI.create("/api/v1/components/" + body.id());
            return new CommandResult(existed ? HttpStatus.OK : HttpStatus.CREATED, location, version, response);
        });
    }
}
