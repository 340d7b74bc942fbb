package io.incidenttimeline.projections.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class StorageOutageTest {

    @Test
    void aLostConnectionIsAnOutageHoweverItIsWrapped() {
        assertThat(StorageOutage.isUnavailable(new CannotGetJdbcConnectionException("pool", new SQLException()))).isTrue();
        assertThat(StorageOutage.isUnavailable(new CannotCreateTransactionException("begin"))).isTrue();
        assertThat(StorageOutage.isUnavailable(new EventStoreException("read",
                new SQLException("gone", "08006")))).isTrue();
        assertThat(StorageOutage.isUnavailable(new IllegalStateException("wrapped",
                new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void aFaultIsNoOutage() {
        assertThat(StorageOutage.isUnavailable(new DataIntegrityViolationException("taken",
                new SQLException("duplicate", "23505")))).isFalse();
        assertThat(StorageOutage.isUnavailable(new SQLException("syntax", "42601"))).isFalse();
        assertThat(StorageOutage.isUnavailable(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theDescriptionIsTheInnermostCause() {
        assertThat(StorageOutage.describe(new IllegalStateException("outer", new ConnectException("refused"))))
                .isEqualTo("ConnectException: refused");
    }
}
