package io.incidenttimeline.api.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the application when its embedded H2 database failed to write its file (a full disk) and closed itself.
 * Reopening it in the same process is not safe: measured on a full tmpfs (FullDiskProcessIT), a connection opened
 * right after the failure saw an older state of the file, without an incident whose declaration had been acknowledged
 * seconds before (a 404 where a 503 was due), and writes on top of such a state could lose it for good. So the first
 * such failure, seen by the connection pool on any statement, logs a fatal error and halts the JVM at once (no
 * shutdown hooks: they would open new connections), with exit status {@value #EXIT_STATUS}; a supervisor (systemd,
 * Kubernetes) starts it again, and a fresh start recovers the file as after a crash, with every acknowledged command.
 * Until the disk has space the start fails again or health stays DOWN ({@link EmbeddedStoreHealth}).
 */
final class EmbeddedDatabaseFailure implements SQLExceptionOverride {

    /** EX_TEMPFAIL: a temporary failure, start again. */
    static final int EXIT_STATUS = 75;

    /** H2's code for every statement on a database it closed (after a failed write). */
    private static final int DATABASE_IS_CLOSED = 90098;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseFailure.class);

    private final String location;
    private final Consumer<Integer> halt;
    private final AtomicBoolean stopping = new AtomicBoolean();

    EmbeddedDatabaseFailure(String location, Consumer<Integer> halt) {
        this.location = location;
        this.halt = halt;
    }

    static EmbeddedDatabaseFailure haltingTheJvm(String location) {
        return new EmbeddedDatabaseFailure(location, status -> Runtime.getRuntime().halt(status));
    }

    static boolean isFatal(SQLException failure) {
        return failure.getErrorCode() == DATABASE_IS_CLOSED || StorageFailures.isStoreFileFailure(failure);
    }

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        if (isFatal(failure) && stopping.compareAndSet(false, true)) {
            log.error("FATAL: the embedded H2 database at {} failed to write its file ({}) and closed itself. "
                    + "It cannot be reopened safely in this process, so the application stops now with exit status {}: "
                    + "start it again (a supervisor does) once its disk has free space; commands acknowledged before "
                    + "are kept.",
                    location, StorageFailures.describe(failure), EXIT_STATUS);
            halt.accept(EXIT_STATUS);
        }
        return isFatal(failure) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
