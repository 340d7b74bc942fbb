package io.incidenttimeline.api.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells HikariCP to drop a connection to an embedded H2 database that closed itself. When H2 cannot write its file
 * (the disk is full) it closes the database, and every session on it fails from then on with "The database has been
 * closed" (90098), a state HikariCP does not know as a broken connection, while {@code isValid()} still answers true.
 * Dropped, the connection is replaced by a new one, which opens the database file again once it can be written.
 */
final class EmbeddedDatabaseEviction implements SQLExceptionOverride {

    /** H2's codes: the database was closed, the connection is broken. */
    private static final int DATABASE_IS_CLOSED = 90098;
    private static final int CONNECTION_BROKEN = 90067;

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        if (failure.getErrorCode() == DATABASE_IS_CLOSED || failure.getErrorCode() == CONNECTION_BROKEN
                || StorageFailures.isStoreFileFailure(failure)) {
            return Override.MUST_EVICT;
        }
        return Override.CONTINUE_EVICT;
    }
}
