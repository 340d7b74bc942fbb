package io.incidenttimeline.api.http.read.audit;

import io.incidenttimeline.projections.audit.checkpoint.CheckpointService;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSigner;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointStore;
import io.incidenttimeline.projections.audit.checkpoint.SignedCheckpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Signed checkpoints: an admin may ask for one now; auditors read them; anyone may fetch the public key. */
@RestController
class CheckpointController {

    static final String PEM = "application/x-pem-file";

    private final CheckpointService checkpoints;
    private final CheckpointStore store;
    private final CheckpointSigner signer;

    CheckpointController(CheckpointService checkpoints, CheckpointStore store, CheckpointSigner signer) {
        this.checkpoints = checkpoints;
        this.store = store;
        this.signer = signer;
    }

    record Checkpoints(List<SignedCheckpoint> checkpoints) {
    }

    @Operation(summary = "Sign a checkpoint of the audit chain now", operationId = "createCheckpoint")
    @ApiResponse(responseCode = "201", description = "A checkpoint of the chain's current head, signed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SignedCheckpoint.class)))
    @PostMapping(path = "/api/v1/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SignedCheckpoint> create() {
        return ResponseEntity.status(HttpStatus.CREATED).body(checkpoints.create());
    }

    @Operation(summary = "List the signed checkpoints of a position range", operationId = "listCheckpoints")
    @DocumentedProblems({ProblemType.INVALID_RANGE, ProblemType.INVALID_POSITION})
    @GetMapping(path = "/api/v1/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    Checkpoints list(@RequestParam(name = PositionRange.FROM, required = false) String from,
                     @RequestParam(name = PositionRange.TO, required = false) String to) {
        PositionRange range = PositionRange.parse(from, to, Long.MAX_VALUE);
        return new Checkpoints(store.between(from == null ? 0 : range.from(), range.to()));
    }

    @Operation(summary = "The public key that verifies checkpoint signatures (PEM)", operationId = "auditPublicKey")
    @GetMapping(path = "/api/v1/audit/public-key", produces = PEM)
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PEM)).body(signer.publicKeyPem());
    }
}
