package io.incidenttimeline.api.http.read.audit;

import io.incidenttimeline.projections.audit.checkpoint.CheckpointService;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSigner;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointStore;
import io.incidenttimeline.projections.audit.checkpoint.PublishedCheckpoint;
import io.incidenttimeline.projections.audit.checkpoint.SignedCheckpoint;
import io.incidenttimeline.projections.audit.continuity.ChainContinuity;
import io.incidenttimeline.projections.audit.continuity.ContinuityBroken;
import io.incidenttimeline.projections.audit.continuity.WitnessFile;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed checkpoints: an admin may ask for one now; auditors read them, the latest one in the shape to keep (RFC 9162's
 * signed tree head: what a later export must still contain); anyone may fetch the public key. The latest checkpoint is
 * not public: its position counts every event, internal ones too.
 */
@RestController
class CheckpointController {

    static final String PEM = "application/x-pem-file";

    private final CheckpointService checkpoints;
    private final CheckpointStore store;
    private final CheckpointSigner signer;
    private final ChainContinuity continuity;

    CheckpointController(CheckpointService checkpoints, CheckpointStore store, CheckpointSigner signer,
                         ChainContinuity continuity) {
        this.checkpoints = checkpoints;
        this.store = store;
        this.signer = signer;
        this.continuity = continuity;
    }

    record Checkpoints(List<SignedCheckpoint> checkpoints) {
    }

    @Operation(summary = "Sign a checkpoint of the audit chain now", operationId = "createCheckpoint")
    @ApiResponse(responseCode = "201", description = "A checkpoint of the chain's current head, signed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SignedCheckpoint.class)))
    @DocumentedProblems(ProblemType.AUDIT_CONTINUITY_BROKEN)
    @PostMapping(path = "/api/v1/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SignedCheckpoint> create() {
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(checkpoints.create());
        } catch (ContinuityBroken e) {
            throw new ApiProblem(HttpStatus.CONFLICT, ProblemType.AUDIT_CONTINUITY_BROKEN.slug(), null, e.getMessage()
                    + "; see GET /api/v1/audit/verify");
        }
    }

    @Operation(summary = "The newest signed checkpoint, to keep: a later export must contain it with the same head hash "
            + "(verify --known-checkpoint)", operationId = "latestCheckpoint")
    @ApiResponse(responseCode = "200", description = "The newest checkpoint the server knows, with its signature and "
            + "the SHA-256 of the signing key", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PublishedCheckpoint.class)))
    @DocumentedProblems(ProblemType.NO_CHECKPOINT_YET)
    @GetMapping(path = "/api/v1/audit/checkpoints/latest", produces = MediaType.APPLICATION_JSON_VALUE)
    PublishedCheckpoint latest() {
        return Stream.concat(store.latest().map(signer::publish).stream(), recorded().stream())
                .max(Comparator.comparingLong(c -> c.checkpoint().position()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, ProblemType.NO_CHECKPOINT_YET.slug(), null,
                        "no audit checkpoint has been signed yet; an admin may sign one: POST /api/v1/audit/checkpoints"));
    }

    /** The node's own record also counts when the database lost it: the newest checkpoint the server knows. */
    private Optional<PublishedCheckpoint> recorded() {
        try {
            return continuity.recorded();
        } catch (WitnessFile.DamagedRecord damaged) {
            return Optional.empty();
        }
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
