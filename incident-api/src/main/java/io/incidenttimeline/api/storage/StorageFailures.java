package io.incidenttimeline.api.storage;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (it restarts, the network is down, the
 * connection pool waited in vain, the embedded database cannot write its file), however Spring, Hikari or Axon wrapped
 * it. Such a request did not complete; it is answered with 503 and may be retried.
 */
public final class StorageFailures {

    /** PostgreSQL: the server shuts down, crashed, is starting up, or has no connection left. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** What H2 throws when it cannot read or write its file (a full disk); it closes the database after it. */
    private static final String H2_STORE_FAILURE = "org.h2.mvstore.MVStoreException";

    /** HikariCP's message for any call on a connection it has closed. */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private StorageFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                // a rollback that failed hides the failure that caused it: judge by that one
                return isUnavailable(rollback.getApplicationException());
            }
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (closedByThePool(cause)) {
                return true;
            }
        }
        return isStoreFileFailure(failure);
    }

    /**
     * The embedded database failed to read or write its file: H2's store failure, or an I/O failure beneath a
     * database failure (such as "No space left on device"), which H2 reports as a "General error" (50000). A failed
     * batch carries the statement's failure as its next exception, not as its cause.
     */
    public static boolean isStoreFileFailure(Throwable failure) {
        return isStoreFileFailure(failure, false);
    }

    private static boolean isStoreFileFailure(Throwable failure, boolean beneathSql) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getName().equals(H2_STORE_FAILURE) || beneathSql && cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                beneathSql = true;
                if (sql.getNextException() != null && sql.getNextException() != sql
                        && isStoreFileFailure(sql.getNextException(), true)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * HikariCP closes a connection as soon as a call on it fails with a connection error, and every later call on it
     * fails with this state-less exception. It may be all that is left of the outage: Axon logs and swallows a
     * snapshot it could not read and goes on to the events; Spring, when a commit fails and the rollback after it
     * fails too, throws only the rollback's failure.
     */
    private static boolean closedByThePool(Throwable failure) {
        return failure instanceof SQLException closed && closed.getSQLState() == null
                && CLOSED_BY_THE_POOL.equals(closed.getMessage());
    }

    /** The failure behind a failed rollback, which Spring keeps out of the stack trace. */
    public static Optional<Throwable> rolledBack(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                return Optional.of(rollback.getApplicationException());
            }
        }
        return Optional.empty();
    }

    /** The innermost cause in one line, for a log that should not print a stack trace per failed request. */
    public static String describe(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
    }
}
