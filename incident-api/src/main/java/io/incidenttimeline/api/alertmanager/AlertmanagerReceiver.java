package io.incidenttimeline.api.alertmanager;

import io.incidenttimeline.api.support.Sha256;
import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.incident.command.DeclareIncident;
import io.incidenttimeline.core.incident.command.PostUpdate;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns one Alertmanager notification into commands. A firing group without an open incident declares one; with one,
 * it posts an update; a resolved group posts the resolving update. Each update's id is derived from what the
 * notification says (group, status, and each alert's fingerprint, start and end), so the same notification sent again
 * is recognised and changes nothing. The notification's idempotency key is looked up first: a notification sent again
 * gets the answer it got the first time.
 */
@Component
public class AlertmanagerReceiver {

    private static final Logger log = LoggerFactory.getLogger(AlertmanagerReceiver.class);

    private final AlertmanagerProperties properties;
    private final AlertGroupHistory history;
    private final ComponentCatalogue catalogue;
    private final Commands commands;
    private final Clock clock;

    AlertmanagerReceiver(AlertmanagerProperties properties, AlertGroupHistory history, ComponentCatalogue catalogue,
                         Commands commands, Clock clock) {
        this.properties = properties;
        this.history = history;
        this.catalogue = catalogue;
        this.commands = commands;
        this.clock = clock;
    }

    public record Outcome(String incidentId, String updateId, String action, Long version) {
    }

    /** @param result the result of the command sent for the notification, or null when none was needed */
    public record Received(Outcome outcome, CommandResult result) {

        public boolean declared() {
            return result != null && result.created();
        }
    }

    public Received receive(AlertmanagerNotification notification, Actor actor) {
        Optional<CommandResult> previous = commands.previous(actor);
        if (previous.isPresent()) {
            return sent(notification, previous.get());
        }
        String updateId = "am-" + Sha256.hex(notificationIdentity(notification)).substring(0, 24);
        Optional<AlertGroupHistory.GroupIncident> latest = history.latest(notification.groupKey());
        if (latest.isPresent() && latest.get().updateIds().contains(updateId)) {
            return unchanged(new Outcome(latest.get().incidentId(), updateId, "duplicate", null));
        }
        if (notification.firing()) {
            if (latest.isEmpty() || !latest.get().open()) {
                int episode = latest.map(i -> i.episode() + 1).orElse(1);
                String incidentId = AlertGroupHistory.incidentId(notification.groupKey(), episode);
                return sent(notification, commands.send(declaration(notification, incidentId, updateId), actor));
            }
            var open = latest.get();
            return sent(notification, commands.send(update(notification, open.incidentId(), updateId, open.status(),
                    message(notification)), actor));
        }
        if (latest.isEmpty() || !latest.get().open()) {
            return unchanged(new Outcome(latest.map(AlertGroupHistory.GroupIncident::incidentId).orElse(null), updateId,
                    "no-open-incident", null));
        }
        var open = latest.get();
        return sent(notification, commands.send(update(notification, open.incidentId(), updateId,
                properties.resolvedStatus(), properties.resolvedMessage()), actor));
    }

    /** A declaration, or an update that a firing notification posts and a resolved one resolves with. */
    private static Received sent(AlertmanagerNotification notification, CommandResult result) {
        String action = result.created() ? "declared" : notification.firing() ? "updated" : "resolved";
        return new Received(new Outcome(result.aggregateId(), result.updateId(), action, result.version()), result);
    }

    private static Received unchanged(Outcome outcome) {
        return new Received(outcome, null);
    }

    private DeclareIncident declaration(AlertmanagerNotification notification, String incidentId, String updateId) {
        String title = orElse(AlertTemplate.render(properties.titleTemplate(), notification),
                "Alert " + orElse(label(notification, "alertname"), notification.groupKey()));
        return new DeclareIncident(incidentId, truncate(title, Text.TITLE_MAX), properties.locale(), impact(notification),
                IncidentStatus.INVESTIGATING, message(notification), properties.visibility(), components(notification),
                List.of(), updateId, firstStart(notification), null, null);
    }

    private PostUpdate update(AlertmanagerNotification notification, String incidentId, String updateId,
                              IncidentStatus status, String message) {
        return new PostUpdate(incidentId, updateId, status, message, properties.visibility(),
                notification.firing() ? components(notification) : operational(notification), null, null, null, null);
    }

    private String message(AlertmanagerNotification notification) {
        String rendered = AlertTemplate.render(properties.messageTemplate(), notification);
        if (!rendered.isEmpty()) {
            return truncate(rendered, Text.MESSAGE_MAX);
        }
        String alerts = notification.alerts().stream()
                .map(alert -> "- " + orElse(alert.labels().get("alertname"), "alert") + " "
                        + alert.labels().entrySet().stream().filter(e -> !e.getKey().equals("alertname"))
                        .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        return truncate(notification.alerts().size() + " alert(s) " + notification.status() + ":\n" + alerts,
                Text.MESSAGE_MAX);
    }

    private Impact impact(AlertmanagerNotification notification) {
        return notification.alerts().stream()
                .map(alert -> alert.labels().get(properties.severityLabel()))
                .filter(Objects::nonNull)
                .map(severity -> properties.severityImpact().getOrDefault(severity, properties.defaultImpact()))
                .max(Comparator.naturalOrder())
                .orElse(properties.defaultImpact());
    }

    /** Components named by the configured labels that exist in the catalogue; others are logged and skipped. */
    private Map<String, ComponentStatus> components(AlertmanagerNotification notification) {
        ComponentStatus status = ComponentStatus.of(properties.componentStatus());
        Map<String, ComponentStatus> components = new LinkedHashMap<>();
        for (var alert : notification.alerts()) {
            if (!"firing".equals(alert.status())) {
                continue;
            }
            for (String label : properties.componentLabels()) {
                String componentId = alert.labels().get(label);
                if (componentId == null) {
                    continue;
                }
                if (catalogue.isDefined(componentId) && catalogue.isRetired(componentId)) {
                    log.info("Alert group {} names component '{}', which was retired; skipped",
                            notification.groupKey(), componentId);
                } else if (catalogue.isDefined(componentId)) {
                    components.put(componentId, status);
                } else {
                    log.info("Alert group {} names component '{}', which is not in the catalogue; skipped",
                            notification.groupKey(), componentId);
                }
            }
        }
        return components;
    }

    private Map<String, ComponentStatus> operational(AlertmanagerNotification notification) {
        Map<String, ComponentStatus> components = new LinkedHashMap<>();
        for (var alert : notification.alerts()) {
            for (String label : properties.componentLabels()) {
                String componentId = alert.labels().get(label);
                if (componentId != null && catalogue.isDefined(componentId)) {
                    components.put(componentId, ComponentStatus.OPERATIONAL);
                }
            }
        }
        return components;
    }

    /** When the earliest alert started, so the incident's history starts there; Alertmanager's own clock may run ahead. */
    private Instant firstStart(AlertmanagerNotification notification) {
        return notification.alerts().stream().map(AlertmanagerNotification.Alert::startsAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).filter(start -> start.isBefore(clock.instant())).orElse(null);
    }

    private static String notificationIdentity(AlertmanagerNotification notification) {
        return notification.groupKey() + "\n" + notification.status() + "\n" + notification.alerts().stream()
                .map(a -> a.fingerprint() + "|" + a.status() + "|" + a.startsAt() + "|" + a.endsAt())
                .sorted().collect(Collectors.joining("\n"));
    }

    private static String label(AlertmanagerNotification notification, String name) {
        return notification.commonLabels() == null ? null : notification.commonLabels().get(name);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String truncate(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
