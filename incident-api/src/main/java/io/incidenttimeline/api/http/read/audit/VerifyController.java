package io.incidenttimeline.api.http.read.audit;

import io.incidenttimeline.projections.audit.verify.StoreVerifier;
import io.incidenttimeline.projections.audit.verify.VerificationReport;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit/verify}: the whole store checked against its chain and every signed checkpoint. */
@RestController
class VerifyController {

    private final StoreVerifier verifier;

    VerifyController(StoreVerifier verifier) {
        this.verifier = verifier;
    }

    @Operation(summary = "Recompute the audit chain from the event store and check it against every checkpoint", operationId = "verifyAuditChain")
    @GetMapping(path = "/api/v1/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    VerificationReport verify() {
        return verifier.verify();
    }
}
