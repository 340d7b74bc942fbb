package io.incidenttimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (a 503), however they are wrapped, and which do not. */
class StorageFailuresTest {

    @Test
    void aPoolThatWaitedInVainOrARefusedConnectionIsUnavailableStorage() {
        var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        assertThat(StorageFailures.isUnavailable(new CannotCreateTransactionException("no connection", poolTimeout)))
                .isTrue();
        assertThat(StorageFailures.isUnavailable(new CannotGetJdbcConnectionException("no connection",
                new SQLException("refused", "08001", new ConnectException("Connection refused"))))).isTrue();
    }

    @Test
    void postgresqlShuttingDownOrALostConnectionIsUnavailableStorageEvenInsideAxonsWrapping() {
        for (String state : new String[] {"08006", "08003", "57P01", "57P02", "57P03", "53300"}) {
            var wrapped = new EventStoreException("cannot append", new RuntimeException(new SQLException("gone", state)));
            assertThat(StorageFailures.isUnavailable(wrapped)).as(state).isTrue();
        }
    }

    @Test
    void aRollbackThatFailedOnAClosedConnectionIsJudgedByTheFailureItHides() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("terminating connection", "57P01"));
        assertThat(StorageFailures.isUnavailable(rollback)).isTrue();

        var otherRollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        otherRollback.initApplicationException(new IllegalStateException("a bug"));
        assertThat(StorageFailures.isUnavailable(otherRollback)).isFalse();
    }

    @Test
    void aRollbackAfterACommitThatLostItsConnectionIsUnavailableStorage() {
        // Spring rolls back after a failed commit and, when that fails too, throws the rollback's failure alone
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(StorageFailures.isUnavailable(rollback)).isTrue();

        var otherRollback = new TransactionSystemException("JDBC rollback failed", new SQLException("deadlock", "40P01"));
        assertThat(StorageFailures.isUnavailable(otherRollback)).isFalse();
    }

    @Test
    void aConnectionThePoolClosedAfterASwallowedFailureIsUnavailableStorage() {
        // Axon logs a snapshot it could not read and goes on; the next statement finds the connection closed
        var nextStatement = new JdbcException("Failed to create a SQL statement", new SQLException("Connection is closed"));
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(nextStatement);
        assertThat(StorageFailures.isUnavailable(rollback)).isTrue();
        assertThat(StorageFailures.isUnavailable(new SQLException("Connection is closed", "0A000"))).isFalse();
    }

    /** What H2 throws when its file cannot be written: a "General error" (50000) caused by its store's failure. */
    private static SQLException h2CannotWrite() {
        var store = DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED, "Writing to {0} failed; length {1}",
                "sun.nio.ch.FileChannelImpl@1", 16384);
        store.initCause(new IOException("No space left on device"));
        return new SQLException("General error: \"" + store + "\"", "HY000", 50000, store);
    }

    @Test
    void theEmbeddedDatabaseFailingToWriteItsFileIsUnavailableStorageInACommitAndInABatch() {
        assertThat(StorageFailures.isUnavailable(new TransactionSystemException("JDBC commit failed", h2CannotWrite())))
                .isTrue();
        var batch = new BatchUpdateException("General error", "HY000", 50000, new int[0]);
        batch.setNextException(h2CannotWrite());
        var append = new EventStoreException("Cannot reuse aggregate identifier [x]", batch);
        assertThat(StorageFailures.isUnavailable(append)).isTrue();
        assertThat(StorageFailures.isUnavailable(new SQLException("General error", "HY000", 50000,
                new IOException("No space left on device")))).isTrue();
    }

    @Test
    void anIoFailureThatIsNotTheDatabasesIsNotUnavailableStorage() {
        assertThat(StorageFailures.isUnavailable(new IllegalStateException(new IOException("Broken pipe")))).isFalse();
        var batch = new BatchUpdateException("duplicate", "23505", 23505, new int[0]);
        batch.setNextException(new SQLException("duplicate", "23505"));
        assertThat(StorageFailures.isUnavailable(batch)).isFalse();
    }

    @Test
    void anEmbeddedDatabaseThatFailedToWriteItsFileOrClosedItselfStopsTheApplicationOnce() {
        List<Integer> halts = new ArrayList<>();
        var failure = new EmbeddedDatabaseFailure("jdbc:h2:file:/srv/data/incident-timeline", halts::add);

        assertThat(failure.adjudicate(new SQLException("dup", "23505", 23505)))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
        assertThat(failure.adjudicate(new SQLException("timeout", "57014")))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
        assertThat(halts).isEmpty();

        assertThat(failure.adjudicate(h2CannotWrite())).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(failure.adjudicate(new SQLException("The database has been closed", "90098", 90098)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(halts).containsExactly(EmbeddedDatabaseFailure.EXIT_STATUS);
    }

    @Test
    void constraintsConflictsAndBugsAreNotUnavailableStorage() {
        assertThat(StorageFailures.isUnavailable(new DuplicateKeyException("taken", new SQLException("dup", "23505"))))
                .isFalse();
        assertThat(StorageFailures.isUnavailable(new DataIntegrityViolationException("bad", new SQLException("x", "22021"))))
                .isFalse();
        assertThat(StorageFailures.isUnavailable(new ConcurrencyException("lost the race"))).isFalse();
        assertThat(StorageFailures.isUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(StorageFailures.isUnavailable(new SQLException("syntax", "42601"))).isFalse();
    }

    @Test
    void theDescriptionNamesTheInnermostCause() {
        var failure = new CannotCreateTransactionException("outer", new SQLException("refused", "08001",
                new ConnectException("Connection refused")));
        assertThat(StorageFailures.describe(failure)).isEqualTo("ConnectException: Connection refused");
    }
}
