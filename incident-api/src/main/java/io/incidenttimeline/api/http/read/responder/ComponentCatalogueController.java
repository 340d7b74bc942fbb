package io.incidenttimeline.api.http.read.responder;

import io.incidenttimeline.projections.responder.ResponderQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue as responders pick from it, retired components included and marked. */
@RestController
@Tag(name = "Component catalogue")
public class ComponentCatalogueController {

    private final ResponderQueries queries;

    public ComponentCatalogueController(ResponderQueries queries) {
        this.queries = queries;
    }

    /** Every component of the catalogue. */
    public record Catalogue(List<ComponentView> components) {
    }

    @Operation(summary = "The component catalogue: group, position, status now, and retirement",
            operationId = "catalogueComponents", description = "In the order of the page (position, then name). "
            + "Retired components are listed with retired: true; pickers leave them out.")
    @GetMapping(path = "/api/v1/components", produces = "application/json")
    public ResponseEntity<Catalogue> components() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Catalogue(queries.components().stream().map(ComponentView::of).toList()));
    }
}
