package io.incidenttimeline.projections.audit.continuity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.projections.audit.chain.CanonicalJson;
import io.incidenttimeline.projections.audit.checkpoint.PublishedCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The node's own record of the newest checkpoint it signed or saw, kept as a file under its data directory, beside
 * the generated signing key: evidence outside the database that a database writer cannot erase. Written whole to a
 * temporary file and moved into place, so a crash leaves the old record or the new one, never half of either.
 */
public final class WitnessFile {

    public static final String NAME = "audit-latest-checkpoint.json";

    private final Path file;

    public WitnessFile(Path dataDir) {
        this.file = dataDir.resolve(NAME).toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** The recorded checkpoint; a file that is not one is an error the operator must see, not an absent record. */
    public Optional<PublishedCheckpoint> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PublishedCheckpoint.parse(Files.readString(file)));
        } catch (IOException | PublishedCheckpoint.MalformedCheckpointException e) {
            throw new DamagedRecord("the audit checkpoint record " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public void write(PublishedCheckpoint checkpoint) {
        replace(file, checkpoint.toJson());
    }

    /**
     * Moves the record aside when an operator accepts that the database no longer matches it: the kept file says who
     * accepted what and when, and holds the checkpoint as it was recorded. Returns the kept file.
     */
    public Path archive(ObjectNode acceptance, Instant at) {
        Path kept = file.resolveSibling(NAME.replace(".json", "") + ".accepted-" + at.toString().replace(':', '-')
                + ".json");
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("accepted", acceptance);
        try {
            json.set("record", read().map(PublishedCheckpoint::toJson).orElse(null));
        } catch (DamagedRecord damaged) {
            json.put("damagedRecord", readRaw());
        }
        replace(kept, json);
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the audit checkpoint record " + file, e);
        }
        return kept;
    }

    private String readRaw() {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** The record exists but is not a checkpoint (or cannot be read). */
    public static final class DamagedRecord extends RuntimeException {
        DamagedRecord(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void replace(Path target, ObjectNode json) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(temporary, CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json)
                    + "\n");
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checkpoint is always writable as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit checkpoint record " + target, e);
        }
    }
}
