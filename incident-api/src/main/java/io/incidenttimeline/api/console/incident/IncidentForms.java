package io.incidenttimeline.api.console.incident;

import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.application.CommandRefused;
import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.application.Refusal;
import io.incidenttimeline.api.http.command.GeneratedIds;
import io.incidenttimeline.api.http.command.IncidentRequests;
import io.incidenttimeline.api.http.read.responder.ResponderIncidentView;
import io.incidenttimeline.api.http.site.PageOptions;
import io.incidenttimeline.api.http.site.PublicUpdatePreview;
import io.incidenttimeline.core.incident.PostMortemSections;
import io.incidenttimeline.core.incident.command.AddTranslation;
import io.incidenttimeline.core.incident.command.AmendUpdate;
import io.incidenttimeline.core.incident.command.CompleteRemediationItem;
import io.incidenttimeline.core.incident.command.RecordImpactWindow;
import io.incidenttimeline.core.incident.command.RemediationItemDraft;
import io.incidenttimeline.core.incident.command.RetractUpdate;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Text;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns the incident page's forms into the commands the API sends for the same request: each form becomes the API's
 * request body ({@link IncidentRequests}) and that body its command, so both channels build the same command.
 */
@Component
class IncidentForms {

    private static final Pattern REMEDIATION_ROW = Pattern.compile("remediation\\[(\\d+)]\\.title");
    private static final Pattern REMEDIATION_FIELD = Pattern.compile("remediation\\[(\\d+)](.*)");

    private final Commands commands;
    private final Clock clock;
    private final PageOptions page;

    IncidentForms(Commands commands, Clock clock, PageOptions page) {
        this.commands = commands;
        this.clock = clock;
        this.page = page;
    }

    /**
     * Posts the update; when the form also changes the impact, the impact follows as a second command expecting the
     * version the update left (an update alone cannot change it).
     */
    CommandResult postUpdate(ResponderIncidentView incident, SubmittedForm form, Actor actor) {
        Map<String, ComponentStatus> components = components(form);
        var body = new IncidentRequests.Update(null, form.choice("status", IncidentStatus::of), form.raw("message"),
                form.choice("visibility", Visibility::of), components, null, form.minutes("nextUpdateInMinutes"), null,
                null);
        Impact impact = form.choice("impact", Impact::of);
        CommandResult posted = commands.send(body.toCommand(incident.id(), GeneratedIds.next("upd"), form.version()),
                actor);
        if (impact == null || impact == incident.impact()) {
            return posted;
        }
        Map<String, ComponentStatus> affected = new TreeMap<>();
        incident.components().forEach(c -> affected.put(c.id(), c.status()));
        affected.putAll(components);
        var change = new IncidentRequests.ImpactChange(impact, affected, null);
        CommandResult changed = commands.send(change.toCommand(incident.id(), posted.version()), actor);
        return new CommandResult(changed.version(), changed.aggregateId(), posted.updateId(), false, false);
    }

    /** What the public page would show for the update: checked as the domain checks it, nothing sent. */
    FormState.Preview preview(SubmittedForm form) {
        IncidentStatus status = required(form, "status", form.choice("status", IncidentStatus::of));
        String message = Text.required("message", form.raw("message"), Text.MESSAGE_MAX);
        Visibility visibility = required(form, "visibility", form.choice("visibility", Visibility::of));
        components(form);
        Integer minutes = form.minutes("nextUpdateInMinutes");
        if (visibility == Visibility.INTERNAL) {
            return new FormState.Preview(null, true);
        }
        Instant now = clock.instant();
        Instant promised = minutes == null || status == IncidentStatus.RESOLVED ? null
                : now.plus(Duration.ofMinutes(minutes));
        return new FormState.Preview(PublicUpdatePreview.of(status.wire(), message, now, promised, page), false);
    }

    AmendUpdate amendment(String incidentId, String updateId, SubmittedForm form) {
        return new IncidentRequests.Amendment(form.raw("message"), form.raw("reason"), null)
                .toCommand(incidentId, updateId, form.version());
    }

    RetractUpdate retraction(String incidentId, String updateId, SubmittedForm form) {
        return new IncidentRequests.Retraction(form.raw("reason"), null).toCommand(incidentId, updateId, form.version());
    }

    RecordImpactWindow impactWindow(String incidentId, SubmittedForm form) {
        return new IncidentRequests.ImpactWindow(form.utc("startedAt"), form.utc("endedAt"), form.text("reason"), null)
                .toCommand(incidentId, form.version());
    }

    /**
     * Publishes the post-mortem with the remediation rows that have anything in them; a refusal naming the n-th item
     * sent is moved to the form row it came from.
     */
    CommandResult publishPostMortem(String incidentId, SubmittedForm form, Actor actor) {
        List<Integer> rows = new ArrayList<>();
        form.values().keySet().forEach(field -> {
            Matcher row = REMEDIATION_ROW.matcher(field);
            if (row.matches()) {
                rows.add(Integer.valueOf(row.group(1)));
            }
        });
        rows.sort(null);
        List<Integer> sentRows = new ArrayList<>();
        List<RemediationItemDraft> items = new ArrayList<>();
        for (int row : rows) {
            String prefix = "remediation[" + row + "].";
            if (form.text(prefix + "title") == null && form.text(prefix + "owner") == null
                    && form.text(prefix + "dueDate") == null) {
                continue;
            }
            sentRows.add(row);
            items.add(new RemediationItemDraft(form.text(prefix + "id"), form.raw(prefix + "title"),
                    form.text(prefix + "owner"), form.date(prefix + "dueDate")));
        }
        var body = new IncidentRequests.PostMortem(form.raw("summary"), form.raw("rootCause"), form.raw("resolution"),
                items, null);
        try {
            return commands.send(body.toCommand(incidentId, form.version()), actor);
        } catch (CommandRefused refused) {
            var refusal = refused.refusal();
            String field = toRow(refusal.field(), sentRows);
            if (field == null || field.equals(refusal.field())) {
                throw refused;
            }
            throw new CommandRefused(new Refusal(refusal.kind(), refusal.type(), field, refusal.detail()), false);
        }
    }

    CompleteRemediationItem completion(String incidentId, String itemId, SubmittedForm form) {
        return new IncidentRequests.Completion(null).toCommand(incidentId, itemId, form.version());
    }

    /** Adds the texts given; a text left empty is not part of the translation. */
    AddTranslation translation(String incidentId, SubmittedForm form) {
        Map<String, String> updates = new LinkedHashMap<>(form.group("updates"));
        String summary = form.text("postMortem.summary");
        String rootCause = form.text("postMortem.rootCause");
        String resolution = form.text("postMortem.resolution");
        PostMortemSections postMortem = summary == null && rootCause == null && resolution == null ? null
                : new PostMortemSections(summary, rootCause, resolution);
        return new IncidentRequests.Translation(form.text("locale"), form.checked("machineTranslated"),
                form.text("engine"), form.text("title"), updates.isEmpty() ? null : updates, postMortem, null)
                .toCommand(incidentId, form.version());
    }

    /** The statuses chosen for components; "" (unchanged) is no entry. */
    private static Map<String, ComponentStatus> components(SubmittedForm form) {
        Map<String, ComponentStatus> components = new LinkedHashMap<>();
        form.group("components").forEach((id, status) ->
                components.put(id, form.choice("components." + id, ComponentStatus::of)));
        return components;
    }

    private static <T> T required(SubmittedForm form, String field, T value) {
        if (value == null) {
            throw CommandRejected.invalid(field, "value-required", field + " is required");
        }
        return value;
    }

    /** {@code remediation[1].title} of the items sent -> the same field of the form row it came from. */
    private static String toRow(String field, List<Integer> sentRows) {
        if (field == null) {
            return null;
        }
        Matcher matcher = REMEDIATION_FIELD.matcher(field);
        if (!matcher.matches()) {
            return field;
        }
        int sent = Integer.parseInt(matcher.group(1));
        return sent < sentRows.size() ? "remediation[" + sentRows.get(sent) + "]" + matcher.group(2) : field;
    }
}
