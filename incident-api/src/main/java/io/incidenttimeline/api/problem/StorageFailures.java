package io.incidenttimeline.api.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (it restarts, the network is down, the
 * connection pool waited in vain), however Spring, Hikari or Axon wrapped it. Such a request did not complete; it is
 * answered with 503 and may be retried.
 */
public final class StorageFailures {

    /** PostgreSQL: the server shuts down, crashed, is starting up, or has no connection left. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private StorageFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // a rollback on a connection the pool already closed hides the failure that caused it
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isUnavailable(rollback.getApplicationException())) {
                return true;
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
        }
        return false;
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
