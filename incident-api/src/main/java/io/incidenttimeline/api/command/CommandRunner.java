package io.incidenttimeline.api.command;

import io.incidenttimeline.api.support.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.incidenttimeline.api.config.AuditMetadata;
import io.incidenttimeline.api.idempotency.IdempotencyStore;
import io.incidenttimeline.api.idempotency.StoredResponse;
import io.incidenttimeline.api.problem.ApiProblem;
import io.incidenttimeline.api.problem.DomainProblems;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one command request: in one transaction it claims the idempotency key, dispatches the command (whose events
 * Axon appends in that same transaction) and records the response. Retries with the same key get the recorded
 * response; a lost optimistic-locking race is retried a few times before it becomes a 409.
 */
@Component
public class CommandRunner {

    static final int ATTEMPTS_ON_CONFLICT = 3;
    static final Duration WAIT_FOR_CONCURRENT_KEY = Duration.ofSeconds(30);
    public static final String REPLAYED = "Idempotent-Replayed";

    private final CommandGateway gateway;
    private final AggregateLocks locks;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateTransaction;
    private final ObjectMapper json;
    private final ObjectMapper fingerprintJson;

    public CommandRunner(CommandGateway gateway, AggregateLocks locks, IdempotencyStore idempotency,
                         PlatformTransactionManager transactions, ObjectMapper json) {
        this.gateway = gateway;
        this.locks = locks;
        this.idempotency = idempotency;
        this.transaction = new TransactionTemplate(transactions);
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.fingerprintJson = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    public ResponseEntity<Object> run(CommandContext context, Object request,
                                      Function<CommandSender, CommandResult> action) {
        if (context.idempotencyKey() == null) {
            return execute(context, null, action);
        }
        String fingerprint = fingerprint(context, request);
        long deadline = System.nanoTime() + WAIT_FOR_CONCURRENT_KEY.toNanos();
        while (true) {
            try {
                return execute(context, fingerprint, action);
            } catch (DuplicateKeyException keyTaken) {
                Optional<IdempotencyStore.Record> previous = idempotency.find(context.actor(), context.idempotencyKey());
                if (previous.isPresent()) {
                    return replay(previous.get(), fingerprint);
                }
                // Taken by a request that has not committed yet (or just rolled back): look again shortly.
                if (System.nanoTime() > deadline) {
                    throw new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-in-progress", CommandContextResolver.IDEMPOTENCY_KEY,
                            "another request with this Idempotency-Key is still being processed; retry later");
                }
                pause();
            }
        }
    }

    private ResponseEntity<Object> execute(CommandContext context, String fingerprint,
                                           Function<CommandSender, CommandResult> action) {
        CommandSender sender = command -> send(command, context);
        for (int attempt = 1; ; attempt++) {
            try {
                StoredResponse response = transaction.execute(status -> {
                    if (fingerprint != null) {
                        idempotency.claim(context.actor(), context.idempotencyKey(), fingerprint);
                    }
                    StoredResponse stored = stored(action.apply(sender));
                    if (fingerprint != null) {
                        idempotency.complete(context.actor(), context.idempotencyKey(), stored);
                    }
                    return stored;
                });
                return entity(response, false);
            } catch (ConcurrencyException | AggregateStreamCreationException lostRace) {
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw lostRace;
                }
            } catch (RuntimeException failure) {
                Optional<ProblemDetail> refusal = DomainProblems.of(failure);
                if (refusal.isEmpty()) {
                    throw failure;
                }
                StoredResponse stored = stored(refusal.get());
                if (fingerprint != null) {
                    rememberRefusal(context, fingerprint, stored);
                }
                return entity(stored, false);
            }
        }
    }

    /** A refused command wrote nothing, but its answer is kept for the key like any other. */
    private void rememberRefusal(CommandContext context, String fingerprint, StoredResponse refusal) {
        separateTransaction.executeWithoutResult(status -> {
            idempotency.claim(context.actor(), context.idempotencyKey(), fingerprint);
            idempotency.complete(context.actor(), context.idempotencyKey(), refusal);
        });
    }

    private long send(Object command, CommandContext context) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditMetadata.ACTOR, context.actor());
        metadata.put(AuditMetadata.ROLE, context.role());
        metadata.put(AuditMetadata.CHANNEL, context.channel());
        metadata.put(AuditMetadata.CORRELATION_ID, context.correlationId());
        if (context.idempotencyKey() != null) {
            metadata.put(AuditMetadata.IDEMPOTENCY_KEY, context.idempotencyKey());
        }
        locks.lockUntilCompletion(command);
        Object version = gateway.sendAndWait(command, MetaData.from(metadata));
        return ((Number) version).longValue();
    }

    private ResponseEntity<Object> replay(IdempotencyStore.Record previous, String fingerprint) {
        if (!previous.fingerprint().equals(fingerprint)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    CommandContextResolver.IDEMPOTENCY_KEY,
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
        }
        return entity(previous.response(), true);
    }

    private StoredResponse stored(CommandResult result) {
        return new StoredResponse(result.status().value(), MediaType.APPLICATION_JSON_VALUE,
                result.location() == null ? null : result.location().toString(),
                result.version() == null ? null : etag(result.version()),
                write(json, result.body()));
    }

    private StoredResponse stored(ProblemDetail problem) {
        return new StoredResponse(problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, null, null,
                write(json, problem));
    }

    private static ResponseEntity<Object> entity(StoredResponse response, boolean replayed) {
        var builder = ResponseEntity.status(response.status()).contentType(MediaType.parseMediaType(response.contentType()));
        if (response.location() != null) {
            builder.location(URI.create(response.location()));
        }
        if (response.etag() != null) {
            builder.header(HttpHeaders.ETAG, response.etag());
        }
        if (replayed) {
            builder.header(REPLAYED, "true");
        }
        return builder.body(response.body());
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private String fingerprint(CommandContext context, Object request) {
        String canonical = context.operation() + "\n" + write(fingerprintJson, request);
        return Sha256.hex(canonical);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a concurrent request", e);
        }
    }
}
