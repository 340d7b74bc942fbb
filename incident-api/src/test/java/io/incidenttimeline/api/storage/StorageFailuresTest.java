package io.incidenttimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
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
