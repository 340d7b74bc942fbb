package io.incidenttimeline.api.http.command;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.incidenttimeline.core.incident.PostMortemSections;
import io.incidenttimeline.core.incident.command.AddTranslation;
import io.incidenttimeline.core.incident.command.AmendUpdate;
import io.incidenttimeline.core.incident.command.ChangeImpact;
import io.incidenttimeline.core.incident.command.CompleteRemediationItem;
import io.incidenttimeline.core.incident.command.DeclareIncident;
import io.incidenttimeline.core.incident.command.PostUpdate;
import io.incidenttimeline.core.incident.command.PublishPostMortem;
import io.incidenttimeline.core.incident.command.RecordImpactWindow;
import io.incidenttimeline.core.incident.command.RecordLifecycleTime;
import io.incidenttimeline.core.incident.command.RemediationItemDraft;
import io.incidenttimeline.core.incident.command.RetractUpdate;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Text;
import io.incidenttimeline.core.shared.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the incident command endpoints. Field names are the API contract. Each turns into its command;
 * the rules on the values live in the domain, which names the offending field when it refuses one.
 */
public final class IncidentRequests {

    private IncidentRequests() {
    }

    /** {@code id} and {@code updateId} are optional: they are generated when absent. */
    public record Declare(String id,
                          @Schema(requiredMode = REQUIRED, maxLength = Text.TITLE_MAX) String title,
                          @Schema(requiredMode = REQUIRED, example = "en") String locale,
                          @Schema(requiredMode = REQUIRED) Impact impact,
                          @Schema(requiredMode = REQUIRED) IncidentStatus status,
                          @Schema(requiredMode = REQUIRED, maxLength = Text.MESSAGE_MAX) String message,
                          @Schema(requiredMode = REQUIRED) Visibility visibility,
                          Map<String, ComponentStatus> components, List<String> regions, Instant occurredAt,
                          Integer nextUpdateInMinutes, Instant nextUpdateDueAt, String updateId) {

        public DeclareIncident toCommand(String incidentId, String firstUpdateId) {
            return new DeclareIncident(incidentId, title, locale, impact, status, message, visibility, components,
                    regions, firstUpdateId, occurredAt, nextUpdateDueAt, nextUpdateInMinutes);
        }
    }

    public record Update(String updateId,
                         @Schema(requiredMode = REQUIRED) IncidentStatus status,
                         @Schema(requiredMode = REQUIRED, maxLength = Text.MESSAGE_MAX) String message,
                         @Schema(requiredMode = REQUIRED) Visibility visibility,
                         Map<String, ComponentStatus> components, Instant occurredAt, Integer nextUpdateInMinutes,
                         Instant nextUpdateDueAt) {

        public PostUpdate toCommand(String incidentId, String assignedUpdateId, Long expectedVersion) {
            return new PostUpdate(incidentId, assignedUpdateId, status, message, visibility, components, occurredAt,
                    nextUpdateDueAt, nextUpdateInMinutes, expectedVersion);
        }
    }

    public record Amendment(@Schema(requiredMode = REQUIRED, maxLength = Text.MESSAGE_MAX) String message,
                            @Schema(requiredMode = REQUIRED, maxLength = Text.REASON_MAX) String reason,
                            Instant occurredAt) {

        public AmendUpdate toCommand(String incidentId, String updateId, Long expectedVersion) {
            return new AmendUpdate(incidentId, updateId, message, reason, occurredAt, expectedVersion);
        }
    }

    public record Retraction(@Schema(requiredMode = REQUIRED, maxLength = Text.REASON_MAX) String reason,
                             Instant occurredAt) {

        public RetractUpdate toCommand(String incidentId, String updateId, Long expectedVersion) {
            return new RetractUpdate(incidentId, updateId, reason, occurredAt, expectedVersion);
        }
    }

    public record ImpactWindow(@Schema(requiredMode = REQUIRED) Instant startedAt, Instant endedAt,
                               @Schema(maxLength = Text.REASON_MAX) String reason, Instant occurredAt) {

        public RecordImpactWindow toCommand(String incidentId, Long expectedVersion) {
            return new RecordImpactWindow(incidentId, startedAt, endedAt, reason, occurredAt, expectedVersion);
        }
    }

    /** A first recording needs no {@code reason}; a correction of the moment's time does. */
    public record LifecycleTime(@Schema(requiredMode = REQUIRED) Instant at,
                                @Schema(maxLength = Text.REASON_MAX) String reason, Instant occurredAt) {

        public RecordLifecycleTime toCommand(String incidentId, String moment, Long expectedVersion) {
            return new RecordLifecycleTime(incidentId, moment, at, reason, occurredAt, expectedVersion);
        }
    }

    /** {@code components} is the whole set of affected components ({@code {}} for none), so it is always given. */
    public record ImpactChange(@Schema(requiredMode = REQUIRED) Impact impact,
                               @Schema(requiredMode = REQUIRED) Map<String, ComponentStatus> components,
                               Instant occurredAt) {

        public ChangeImpact toCommand(String incidentId, Long expectedVersion) {
            return new ChangeImpact(incidentId, impact, components, occurredAt, expectedVersion);
        }
    }

    public record Translation(@Schema(requiredMode = REQUIRED, example = "de") String locale,
                              @Schema(requiredMode = REQUIRED) Boolean machineTranslated, String engine,
                              @Schema(maxLength = Text.TITLE_MAX) String title, Map<String, String> updates,
                              PostMortemSections postMortem, Instant occurredAt) {

        public AddTranslation toCommand(String incidentId, Long expectedVersion) {
            return new AddTranslation(incidentId, locale, machineTranslated, engine, title, updates, postMortem,
                    occurredAt, expectedVersion);
        }
    }

    public record PostMortem(@Schema(requiredMode = REQUIRED, maxLength = Text.MESSAGE_MAX) String summary,
                             @Schema(requiredMode = REQUIRED, maxLength = Text.MESSAGE_MAX) String rootCause,
                             @Schema(requiredMode = REQUIRED, maxLength = Text.MESSAGE_MAX) String resolution,
                             List<RemediationItemDraft> remediation, Instant occurredAt) {

        public PublishPostMortem toCommand(String incidentId, Long expectedVersion) {
            return new PublishPostMortem(incidentId, summary, rootCause, resolution, remediation, occurredAt,
                    expectedVersion);
        }
    }

    public record Completion(Instant occurredAt) {

        static final Completion NOW = new Completion(null);

        public CompleteRemediationItem toCommand(String incidentId, String itemId, Long expectedVersion) {
            return new CompleteRemediationItem(incidentId, itemId, occurredAt, expectedVersion);
        }
    }
}
