package io.incidenttimeline.core.incident;

import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.incident.command.DeclareIncident;
import io.incidenttimeline.core.incident.command.PostUpdate;
import io.incidenttimeline.core.incident.command.PublishPostMortem;
import io.incidenttimeline.core.incident.command.RemediationItemDraft;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItem;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * The reference incident {@code talk-call-recordings-2024-07-05} from PRODUCT.md as commands and events, and a
 * fixture whose clock stands still at a chosen moment.
 */
public final class ReferenceIncident {

    public static final String INCIDENT_ID = "talk-call-recordings-2024-07-05";
    public static final String COMPONENT_ID = "talk-call-recordings";
    /** A second catalogue entry, so tests can name a known component other than the reference one. */
    public static final String OTHER_COMPONENT_ID = "talk-voicemail";
    public static final ComponentCatalogue CATALOGUE = Set.of(COMPONENT_ID, OTHER_COMPONENT_ID)::contains;

    /** The standard lifecycle moments and the default extra, {@code identified}. */
    public static final LifecycleMoments MOMENTS = LifecycleMoments.withExtras(List.of("identified"));

    public static final String TITLE = "Call recordings unavailable for some Talk customers";
    public static final String LOCALE = "en";

    public static final Instant IMPACT_STARTED_AT = Instant.parse("2024-07-05T10:54:00Z");
    public static final Instant IMPACT_ENDED_AT = Instant.parse("2024-07-05T13:36:00Z");

    public static final String UPDATE_1 = "update-1";
    public static final Instant UPDATE_1_AT = Instant.parse("2024-07-05T13:31:00Z");
    public static final Instant UPDATE_1_NEXT_DUE_AT = Instant.parse("2024-07-05T14:01:00Z");
    public static final String UPDATE_1_MESSAGE = "We are aware of and are working to revert recent changes that "
            + "impacted Talk customers and caused call recordings to be unavailable on several pods. Next update in "
            + "30 minutes.";

    public static final String UPDATE_2 = "update-2";
    public static final Instant UPDATE_2_AT = Instant.parse("2024-07-05T13:52:00Z");
    public static final String UPDATE_2_MESSAGE = "The changes have been successfully rolled back to the previous "
            + "working state. Logs show that our recovery process is working and recordings should be restored within "
            + "the next few hours. Please allow the system time to process all recordings that were unavailable. A "
            + "simple refresh of the page or browser may be required.";

    public static final Instant POST_MORTEM_AT = Instant.parse("2024-07-09T09:00:00Z");
    public static final String SUMMARY = "From 10:54 UTC to 13:36 UTC on July 5, 2024, some Talk customers could "
            + "temporarily not access their call recordings. A change in our system inadvertently introduced a fault "
            + "that affected the availability of these recordings. Once the problem was identified, we reverted the "
            + "change and restored normal service.";
    public static final String ROOT_CAUSE = "A change to our system configuration affected the storage of call "
            + "recordings. Specifically, a setting was changed that routed our service to a wrong storage location, "
            + "which caused failures when saving call recordings.";
    public static final String RESOLUTION = "We identified the problem and quickly reverted the change that caused "
            + "it. The rollback restored the correct configuration and our service resumed normal operation.";
    public static final String TESTING = "Improved testing: improve our test processes to catch similar problems "
            + "before they reach production";
    public static final String CONFIGURATION = "Configuration management: use separate settings for different "
            + "services so that a change to one service cannot inadvertently affect another";
    public static final String MONITORING = "Monitoring and alerting: improve monitoring and alerting to detect and "
            + "respond to problems faster";

    public static final String DE_TITLE = "Anrufaufzeichnungen für einige Talk-Kunden nicht verfügbar";
    public static final String DE_UPDATE_1 = "Uns sind sich derzeit bewusst und arbeiten daran, die jüngsten "
            + "Änderungen rückgängig zu machen, die sich auf Talk-Kunden ausgewirkt haben und dazu geführt haben, dass "
            + "„Anrufaufzeichnungen“ in mehreren Pods nicht verfügbar sind. Die nächste Aktualisierung erfolgt in "
            + "30 Minuten.";
    public static final String DE_UPDATE_2 = "Die Änderungen wurden erfolgreich auf den vorherigen Arbeitsstatus "
            + "zurückgesetzt. Protokolle zeigen an, dass unser Wiederherstellungsprozess funktioniert und die "
            + "Aufzeichnungen innerhalb der nächsten Stunden wiederhergestellt werden sollten. Bitte geben Sie dem System "
            + "Zeit, alle bisher nicht verfügbaren Aufzeichnungen zu verarbeiten. Möglicherweise ist eine einfache "
            + "Aktualisierung/Aktualisierung der Seite oder des Browsers erforderlich. Vielen Dank für Ihr Verständnis.";
    public static final String DE_SUMMARY = "Am 5. Juli 2024 von 10:54 UTC bis 13:36 UTC trat ein Problem auf, durch "
            + "das einige unserer Talk-Kunden vorübergehend nicht auf ihre Anrufaufzeichnungen zugreifen konnten. Ursache "
            + "war eine Änderung in unserem System, die versehentlich einen Fehler verursachte und die Verfügbarkeit "
            + "dieser Aufzeichnungen beeinträchtigte. Sobald das Problem erkannt wurde, machten wir die Änderung "
            + "rückgängig und stellten den normalen Service wieder her.";
    public static final String DE_ROOT_CAUSE = "Das Problem wurde durch eine Änderung in unserer "
            + "Systemkonfiguration verursacht, die sich auf die Speicherung von Anrufaufzeichnungen auswirkte. Konkret "
            + "wurde eine Einstellung geändert, die unseren Dienst an einen falschen Speicherort weiterleitete, was zu "
            + "Fehlern beim Speichern von Anrufaufzeichnungen führte.";
    public static final String DE_RESOLUTION = "Wir identifizierten das Problem und machten die Änderung, die das "
            + "Problem verursachte, schnell rückgängig. Durch dieses Rollback wurde die korrekte Konfiguration "
            + "wiederhergestellt und unser Dienst konnte wieder den normalen Betrieb aufnehmen.";

    private ReferenceIncident() {
    }

    /** A fixture for the incident aggregate whose clock reads {@code now}. */
    public static AggregateTestFixture<Incident> fixtureAt(Instant now) {
        AggregateTestFixture<Incident> fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(CATALOGUE);
        fixture.registerInjectableResource(MOMENTS);
        return fixture;
    }

    public static Declaration declaration() {
        return new Declaration();
    }

    public static Update update2() {
        return new Update();
    }

    public static IncidentDeclared declared() {
        return new IncidentDeclared(INCIDENT_ID, TITLE, LOCALE, Impact.MAJOR,
                Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), List.of(), UPDATE_1_AT, UPDATE_1_AT);
    }

    public static UpdatePosted update1Posted() {
        return new UpdatePosted(INCIDENT_ID, UPDATE_1, IncidentStatus.IDENTIFIED, UPDATE_1_MESSAGE, Visibility.PUBLIC,
                Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), UPDATE_1_NEXT_DUE_AT, UPDATE_1_AT, UPDATE_1_AT);
    }

    public static UpdatePosted update2Posted() {
        return new UpdatePosted(INCIDENT_ID, UPDATE_2, IncidentStatus.RESOLVED, UPDATE_2_MESSAGE, Visibility.PUBLIC,
                Map.of(COMPONENT_ID, ComponentStatus.OPERATIONAL), null, UPDATE_2_AT, UPDATE_2_AT);
    }

    public static IncidentResolved resolvedByUpdate2() {
        return new IncidentResolved(INCIDENT_ID, UPDATE_2, UPDATE_2_AT, UPDATE_2_AT);
    }

    /** The history of the incident until it was resolved at 13:52. */
    public static List<Object> resolvedHistory() {
        return List.of(declared(), update1Posted(), update2Posted(), resolvedByUpdate2());
    }

    public static List<RemediationItemDraft> remediationDrafts() {
        return List.of(new RemediationItemDraft(null, TESTING, null, null),
                new RemediationItemDraft(null, CONFIGURATION, null, null),
                new RemediationItemDraft(null, MONITORING, null, null));
    }

    public static List<RemediationItem> remediationItems() {
        return List.of(new RemediationItem("item-1", TESTING, null, null),
                new RemediationItem("item-2", CONFIGURATION, null, null),
                new RemediationItem("item-3", MONITORING, null, null));
    }

    public static PublishPostMortem publishPostMortem(List<RemediationItemDraft> remediation) {
        return new PublishPostMortem(INCIDENT_ID, SUMMARY, ROOT_CAUSE, RESOLUTION, remediation, null, null);
    }

    public static PostMortemPublished postMortemPublished() {
        return new PostMortemPublished(INCIDENT_ID, 1, SUMMARY, ROOT_CAUSE, RESOLUTION, remediationItems(),
                POST_MORTEM_AT, POST_MORTEM_AT);
    }

    /** The reference declaration (update 1 at 13:31, "next update in 30 minutes"), one field changeable at a time. */
    public static final class Declaration {
        public String incidentId = INCIDENT_ID;
        public String title = TITLE;
        public String locale = LOCALE;
        public Impact impact = Impact.MAJOR;
        public IncidentStatus status = IncidentStatus.IDENTIFIED;
        public String message = UPDATE_1_MESSAGE;
        public Visibility visibility = Visibility.PUBLIC;
        public Map<String, ComponentStatus> components = Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE);
        public List<String> regions = List.of();
        public String initialUpdateId = UPDATE_1;
        public Instant occurredAt;
        public Instant nextUpdateDueAt;
        public Integer nextUpdateInMinutes = 30;

        private Declaration() {
        }

        public Declaration with(java.util.function.Consumer<Declaration> change) {
            change.accept(this);
            return this;
        }

        public DeclareIncident build() {
            return new DeclareIncident(incidentId, title, locale, impact, status, message, visibility, components,
                    regions, initialUpdateId, occurredAt, nextUpdateDueAt, nextUpdateInMinutes);
        }
    }

    /** The reference's resolving update 2, one field changeable at a time. */
    public static final class Update {
        public String updateId = UPDATE_2;
        public IncidentStatus status = IncidentStatus.RESOLVED;
        public String message = UPDATE_2_MESSAGE;
        public Visibility visibility = Visibility.PUBLIC;
        public Map<String, ComponentStatus> components = Map.of(COMPONENT_ID, ComponentStatus.OPERATIONAL);
        public Instant occurredAt;
        public Instant nextUpdateDueAt;
        public Integer nextUpdateInMinutes;

        private Update() {
        }

        public Update with(java.util.function.Consumer<Update> change) {
            change.accept(this);
            return this;
        }

        public PostUpdate build() {
            return new PostUpdate(INCIDENT_ID, updateId, status, message, visibility, components, occurredAt,
                    nextUpdateDueAt, nextUpdateInMinutes, null);
        }
    }
}
