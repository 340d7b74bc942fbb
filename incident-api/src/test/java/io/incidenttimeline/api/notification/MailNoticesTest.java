package io.incidenttimeline.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.notification.MailNotice.Kind;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceScheduled;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import io.incidenttimeline.core.maintenance.event.MaintenanceUpdatePosted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceFold;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which public changes make mails: news and corrections of public texts, never internal ones nor translations. */
class MailNoticesTest {

    static final String ID = "inc-mail";
    static final Instant T0 = Instant.parse("2024-07-05T13:31:00Z");

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static IncidentDeclared declared() {
        return new IncidentDeclared(ID, "Checkout fails", "en", Impact.MAJOR, Map.of("checkout", ComponentStatus.PARTIAL_OUTAGE),
                List.of(), T0, T0);
    }

    static UpdatePosted posted(String updateId, IncidentStatus status, String message, Visibility visibility, int minute) {
        return new UpdatePosted(ID, updateId, status, message, visibility, Map.of(), null, at(minute), at(minute));
    }

    /** The notices of the last event, after the others. */
    private static List<MailNotice> last(Object... events) {
        PublicIncident before = null;
        for (int i = 0; i < events.length - 1; i++) {
            before = PublicIncidentFold.apply(before, events[i]);
        }
        return MailNotices.incident(before, PublicIncidentFold.apply(before, events[events.length - 1]), "event-x");
    }

    @Test
    void givenADeclarationWithOnlyAnInternalUpdate_thenNoMail() {
        assertThat(last(declared())).isEmpty();
        assertThat(last(declared(), posted("u0", IncidentStatus.INVESTIGATING, "internal", Visibility.INTERNAL, 1)))
                .isEmpty();
    }

    @Test
    void givenTheFirstPublicUpdate_thenTheIncidentIsDeclaredToFollowersOfItsComponents() {
        List<MailNotice> notices = last(declared(), posted("u1", IncidentStatus.INVESTIGATING, "Looking.", Visibility.PUBLIC, 1));

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Kind.INCIDENT_DECLARED);
            assertThat(n.key()).isEqualTo("update:" + ID + ":u1");
            assertThat(n.mailKey("sub-1")).isEqualTo("update:" + ID + ":u1:sub-1");
            assertThat(n.components()).containsExactly("checkout");
            assertThat(n.updateId()).isEqualTo("u1");
        });
    }

    @Test
    void givenAPublicIncident_whenPublicUpdatesFollow_thenUpdatesAndTheResolution() {
        Object declared = declared();
        Object first = posted("u1", IncidentStatus.INVESTIGATING, "Looking.", Visibility.PUBLIC, 1);
        Object internal = posted("u2", IncidentStatus.IDENTIFIED, "internal: build 4711", Visibility.INTERNAL, 2);
        Object second = posted("u3", IncidentStatus.IDENTIFIED, "Found it.", Visibility.PUBLIC, 3);
        Object resolved = posted("u4", IncidentStatus.RESOLVED, "Fixed.", Visibility.PUBLIC, 4);

        assertThat(last(declared, first, internal)).isEmpty();
        assertThat(last(declared, first, internal, second)).extracting(MailNotice::kind).containsExactly(Kind.INCIDENT_UPDATED);
        assertThat(last(declared, first, internal, second, resolved)).extracting(MailNotice::kind)
                .containsExactly(Kind.INCIDENT_RESOLVED);
    }

    @Test
    void givenAPublicUpdate_whenItIsAmendedOrRetracted_thenACorrectionEachTime() {
        Object declared = declared();
        Object first = posted("u1", IncidentStatus.INVESTIGATING, "Looking.", Visibility.PUBLIC, 1);
        Object second = posted("u2", IncidentStatus.IDENTIFIED, "Found it.", Visibility.PUBLIC, 2);

        List<MailNotice> amended = last(declared, first, new UpdateAmended(ID, "u1", "Looking at EU.", "scope", at(3), at(3)));
        assertThat(amended).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Kind.CORRECTION_AMENDED);
            assertThat(n.key()).isEqualTo("correction:" + ID + ":u1:event-x");
            assertThat(n.corrected().message()).isEqualTo("Looking.");
        });
        List<MailNotice> retracted = last(declared, first, second, new UpdateRetracted(ID, "u2", "wrong", at(3), at(3)));
        assertThat(retracted).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Kind.CORRECTION_RETRACTED);
            assertThat(n.key()).isEqualTo("retraction:" + ID + ":u2");
        });
    }

    @Test
    void givenAnInternalUpdate_whenItIsAmended_thenNoMail() {
        assertThat(last(declared(), posted("u1", IncidentStatus.INVESTIGATING, "Looking.", Visibility.PUBLIC, 1),
                posted("u2", IncidentStatus.IDENTIFIED, "internal", Visibility.INTERNAL, 2),
                new UpdateAmended(ID, "u2", "internal, amended", "typo", at(3), at(3)))).isEmpty();
    }

    @Test
    void givenATranslation_thenNoMail() {
        assertThat(last(declared(), posted("u1", IncidentStatus.INVESTIGATING, "Looking.", Visibility.PUBLIC, 1),
                new TranslationAdded(ID, "de", true, "engine", "Checkout schlägt fehl", Map.of("u1", "Wir suchen."), null,
                        at(2), at(2)))).isEmpty();
    }

    @Test
    void givenAResolvedIncident_whenThePostMortemIsPublished_thenOneMailAndNoneForARevision() {
        Object declared = declared();
        Object resolved = posted("u1", IncidentStatus.RESOLVED, "Fixed.", Visibility.PUBLIC, 1);
        Object published = new PostMortemPublished(ID, 1, "Summary.", "Cause.", "Fix.", List.of(), at(9), at(9));
        Object revised = new PostMortemPublished(ID, 2, "Summary.", "Cause, better.", "Fix.", List.of(), at(10), at(10));

        assertThat(last(declared, resolved, published)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Kind.POST_MORTEM_PUBLISHED);
            assertThat(n.key()).isEqualTo("post-mortem:" + ID);
        });
        assertThat(last(declared, resolved, published, revised)).isEmpty();
    }

    @Test
    void givenAMaintenance_thenScheduledStartedAndCompletedButNotItsMessagesInBetween() {
        var scheduled = new MaintenanceScheduled("m1", "m1-u1", "Database upgrade", "We upgrade the database.",
                List.of("checkout"), at(60), at(120), false, false, T0, T0);
        var message = new MaintenanceUpdatePosted("m1", "m1-u2", MaintenanceStatus.SCHEDULED,
                "Still on for tonight.", at(1), at(1));
        var started = new MaintenanceStarted("m1", "m1-u3", "Started.", at(60), at(60));
        var completed = new MaintenanceCompleted("m1", "m1-u4", "Done.", at(100), at(100));

        PublicMaintenance s = PublicMaintenanceFold.apply(null, scheduled);
        PublicMaintenance m = PublicMaintenanceFold.apply(s, message);
        PublicMaintenance st = PublicMaintenanceFold.apply(m, started);
        PublicMaintenance c = PublicMaintenanceFold.apply(st, completed);
        assertThat(MailNotices.maintenance(null, s)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Kind.MAINTENANCE_SCHEDULED);
            assertThat(n.key()).isEqualTo("maintenance:m1:m1-u1");
            assertThat(n.components()).containsExactly("checkout");
        });
        assertThat(MailNotices.maintenance(s, m)).isEmpty();
        assertThat(MailNotices.maintenance(m, st)).extracting(MailNotice::kind).containsExactly(Kind.MAINTENANCE_STARTED);
        assertThat(MailNotices.maintenance(st, c)).extracting(MailNotice::kind).containsExactly(Kind.MAINTENANCE_COMPLETED);
    }
}
