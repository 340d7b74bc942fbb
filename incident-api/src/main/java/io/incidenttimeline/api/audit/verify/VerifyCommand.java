package io.incidenttimeline.api.audit.verify;

import io.incidenttimeline.projections.audit.checkpoint.Checkpoint;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSignatures;
import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import io.incidenttimeline.projections.audit.checkpoint.PublishedCheckpoint;
import io.incidenttimeline.projections.audit.verify.ExportFileVerifier;
import io.incidenttimeline.projections.audit.verify.Failure;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline verifier: {@code java -jar incident-api.jar verify export.ndjson --public-key key.pem
 * [--known-checkpoint kept.json]...}. Needs only the export, the server's public key and, optionally, checkpoints the
 * auditor kept from earlier (each file exactly what {@code GET /api/v1/audit/checkpoints/latest} answered); Spring is
 * never started.
 *
 * <p>Exit codes: 0 intact and every event covered by a verified checkpoint; 1 tampering detected (the first position
 * that disagrees and why are printed), including a kept checkpoint the export contradicts ({@code rewritten}) or does
 * not reach ({@code truncated}); 2 usage or I/O error, or a kept checkpoint that is not signed by the given key; 3
 * intact, but some events (or all) are not covered by a signed checkpoint, so nothing ties them to the server's key.
 */
public final class VerifyCommand {

    public static final int INTACT = 0;
    public static final int TAMPERED = 1;
    public static final int USAGE = 2;
    public static final int UNANCHORED = 3;

    private static final String USAGE_LINE = "usage: verify <export.ndjson> --public-key <public-key.pem> "
            + "[--known-checkpoint <checkpoint.json>]...";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path export = null;
        Path key = null;
        List<Path> knownFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length) {
                key = Path.of(args[++i]);
            } else if (args[i].equals("--known-checkpoint") && i + 1 < args.length) {
                knownFiles.add(Path.of(args[++i]));
            } else if (export == null && !args[i].startsWith("--")) {
                export = Path.of(args[i]);
            } else {
                err.println(USAGE_LINE);
                return USAGE;
            }
        }
        if (export == null || key == null) {
            err.println(USAGE_LINE);
            return USAGE;
        }
        PublicKey publicKey;
        try {
            publicKey = Ed25519Keys.fromPublicKeyPem(Files.readString(key));
        } catch (InvalidKeyException e) {
            err.println(key + ": " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return USAGE;
        }
        List<Checkpoint> known = new ArrayList<>();
        for (Path file : knownFiles) {
            String problem = readKnown(file, publicKey, known);
            if (problem != null) {
                err.println(file + ": " + problem);
                return USAGE;
            }
        }
        try {
            return report(new ExportFileVerifier(publicKey).verify(export, known), out);
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return USAGE;
        }
    }

    /** Adds the kept checkpoint to {@code known}, or says why it cannot be used. */
    private static String readKnown(Path file, PublicKey key, List<Checkpoint> known) {
        PublishedCheckpoint kept;
        try {
            kept = PublishedCheckpoint.parse(Files.readString(file));
        } catch (IOException e) {
            return "cannot read it: " + e.getMessage();
        } catch (PublishedCheckpoint.MalformedCheckpointException e) {
            return "not a kept checkpoint: " + e.getMessage();
        }
        if (!CheckpointSignatures.verify(key, kept.checkpoint().canonicalBytes(), kept.signature())) {
            return "the checkpoint's signature does not verify with the given public key";
        }
        known.add(kept.checkpoint());
        return null;
    }

    private static int report(ExportFileVerifier.Result result, PrintStream out) {
        if (!result.intact()) {
            Failure failure = result.failure();
            out.println("TAMPERED at position " + failure.position() + ": " + failure.reason() + ": " + failure.detail());
            return TAMPERED;
        }
        String summary = count(result.events(), "event", "events") + ", positions " + result.firstPosition() + " to "
                + result.lastPosition() + (result.fromGenesis() ? ", chained from genesis" : ", chained from the "
                + "previousHash of the first line") + "; " + count(result.checkpointsVerified(), "signed checkpoint",
                "signed checkpoints") + " verified" + known(result);
        if (result.anchored()) {
            out.println("INTACT: " + summary + ", the last at position " + result.lastCheckpointPosition());
            return INTACT;
        }
        out.println("UNANCHORED: " + summary + (result.checkpointsVerified() + result.knownConfirmed() == 0
                ? "; nothing in the file is" : "; events after position " + result.lastCheckpointPosition() + " are not")
                + " covered by a signed checkpoint (ask for a checkpoint, then export up to its position)");
        return UNANCHORED;
    }

    private static String known(ExportFileVerifier.Result result) {
        if (result.knownConfirmed() == 0 && result.knownBeforeExport() == 0) {
            return "";
        }
        return "; " + count(result.knownConfirmed(), "kept checkpoint", "kept checkpoints") + " confirmed"
                + (result.knownBeforeExport() == 0 ? "" : ", " + count(result.knownBeforeExport(), "kept checkpoint",
                "kept checkpoints") + " before the export's first event not checked");
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
