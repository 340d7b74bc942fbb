package io.incidenttimeline.api.audit.verify;

import io.incidenttimeline.projections.audit.verify.ExportFileVerifier;
import io.incidenttimeline.projections.audit.verify.Failure;
import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PublicKey;

/**
 * The offline verifier: {@code java -jar incident-api.jar verify export.ndjson --public-key key.pem}. Needs only the
 * export and the server's public key; Spring is never started.
 *
 * <p>Exit codes: 0 intact and every event covered by a verified checkpoint; 1 tampering detected (the first position
 * that disagrees and why are printed); 2 usage or I/O error; 3 intact, but some events (or all) are not covered by a
 * signed checkpoint, so nothing ties them to the server's key.
 */
public final class VerifyCommand {

    public static final int INTACT = 0;
    public static final int TAMPERED = 1;
    public static final int USAGE = 2;
    public static final int UNANCHORED = 3;

    private static final String USAGE_LINE = "usage: verify <export.ndjson> --public-key <public-key.pem>";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path export = null;
        Path key = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length) {
                key = Path.of(args[++i]);
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
        try {
            PublicKey publicKey = Ed25519Keys.fromPublicKeyPem(Files.readString(key));
            return report(new ExportFileVerifier(publicKey).verify(export), out);
        } catch (InvalidKeyException e) {
            err.println(key + ": " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return USAGE;
        }
    }

    private static int report(ExportFileVerifier.Result result, PrintStream out) {
        if (!result.intact()) {
            Failure failure = result.failure();
            out.println("TAMPERED at position " + failure.position() + ": " + failure.reason() + ": " + failure.detail());
            return TAMPERED;
        }
        String summary = result.events() + " events, positions " + result.firstPosition() + " to "
                + result.lastPosition() + (result.fromGenesis() ? ", chained from genesis" : ", chained from the "
                + "previousHash of the first line") + "; " + result.checkpointsVerified() + " signed checkpoints verified";
        if (result.anchored()) {
            out.println("INTACT: " + summary + ", the last at position " + result.lastCheckpointPosition());
            return INTACT;
        }
        out.println("UNANCHORED: " + summary + (result.checkpointsVerified() == 0 ? "; nothing in the file"
                : "; events after position " + result.lastCheckpointPosition() + " are not")
                + " covered by a signed checkpoint (ask for a checkpoint, then export up to its position)");
        return UNANCHORED;
    }
}
