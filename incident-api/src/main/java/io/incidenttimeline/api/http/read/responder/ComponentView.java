package io.incidenttimeline.api.http.read.responder;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.projections.responder.Authored;
import io.incidenttimeline.projections.responder.ResponderQueries;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A component of the catalogue, retired ones included, with its status now. */
@Schema(name = "CatalogueComponent")
public record ComponentView(String id, String name, String group, Integer position, String description,
                            @Schema(description = "the worst status an open incident, internal ones included, gives "
                                    + "it; operational when none does") ComponentStatus status,
                            boolean retired, Instant retiredAt, String retirementReason, Authored defined,
                            @Schema(description = "the component's version, the ETag of its commands") long version) {

    public static ComponentView of(ResponderQueries.ComponentState state) {
        var c = state.component();
        var retirement = c.retirement();
        return new ComponentView(c.id(), c.name(), c.group(), c.position(), c.description(), state.status(),
                retirement != null, retirement == null ? null : retirement.retired().at(),
                retirement == null ? null : retirement.reason(), c.defined(), c.version());
    }
}
