package io.incidenttimeline.projections.responder;

import io.incidenttimeline.core.incident.event.NextUpdateReminderRaised;
import io.incidenttimeline.core.incident.event.RoleAssigned;
import io.incidenttimeline.core.incident.event.RoleReleased;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The people of an incident and the reminders it raised: who holds each role now, every assignment, hand-over and
 * release (who assigned whom, when, why: the actor of the event's audit metadata assigned), and every reminder of a
 * next-update promise. Internal, as the rest of the responder view.
 *
 * @param holders   per role, its holder now; a released role is absent
 * @param history   every change of a role, oldest first
 * @param reminders every promise reminder raised, oldest first
 */
public record ResponderPeople(Map<String, Holder> holders, List<RoleChange> history, List<Reminder> reminders) {

    public static final ResponderPeople NONE = new ResponderPeople(Map.of(), List.of(), List.of());

    /** {@code assigned}: who gave them the role, and when. */
    public record Holder(String holder, Authored assigned) {
    }

    /** {@code holder} null: the role was released. */
    public record RoleChange(String role, String holder, String previousHolder, String reason, Authored changed) {
    }

    /** {@code communicationsHolder} null: nobody held the communications role, the reminder is the responders'. */
    public record Reminder(String updateId, Instant dueAt, String kind, String communicationsHolder, Instant raisedAt) {
    }

    ResponderPeople assigned(RoleAssigned event, Authored by) {
        Map<String, Holder> now = new TreeMap<>(holders);
        now.put(event.role(), new Holder(event.holder(), by));
        return new ResponderPeople(Map.copyOf(now), with(history, new RoleChange(event.role(), event.holder(),
                event.previousHolder(), event.reason(), by)), reminders);
    }

    ResponderPeople released(RoleReleased event, Authored by) {
        Map<String, Holder> now = new TreeMap<>(holders);
        now.remove(event.role());
        return new ResponderPeople(Map.copyOf(now), with(history, new RoleChange(event.role(), null,
                event.previousHolder(), event.reason(), by)), reminders);
    }

    ResponderPeople reminded(NextUpdateReminderRaised event) {
        return new ResponderPeople(holders, history, with(reminders, new Reminder(event.updateId(), event.dueAt(),
                event.kind(), event.communicationsHolder(), event.occurredAt())));
    }

    /** The latest reminder of the promise of {@code updateId}, or null. */
    public Reminder lastReminder(String updateId) {
        Reminder last = null;
        for (Reminder reminder : reminders) {
            if (reminder.updateId().equals(updateId)) {
                last = reminder;
            }
        }
        return last;
    }

    private static <T> List<T> with(List<T> list, T one) {
        List<T> all = new ArrayList<>(list);
        all.add(one);
        return List.copyOf(all);
    }
}
