package io.incidenttimeline.api.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Where the events and where the read models live. The read store is the event store's database unless
 * {@code incident.read-store.datasource.url} names another one, whose connection pool is then owned (and closed) here.
 */
public final class StorageLocations implements AutoCloseable {

    private final DataSource eventStore;
    private final DataSource readStore;
    private final String eventStoreUrl;
    private final String readStoreUrl;

    private StorageLocations(DataSource eventStore, DataSource readStore) {
        this.eventStore = eventStore;
        this.readStore = readStore;
        this.eventStoreUrl = url(eventStore);
        this.readStoreUrl = readStore == eventStore ? eventStoreUrl : url(readStore);
    }

    static StorageLocations shared(DataSource eventStore) {
        return new StorageLocations(eventStore, eventStore);
    }

    static StorageLocations separate(DataSource eventStore, HikariDataSource readStore) {
        return new StorageLocations(eventStore, readStore);
    }

    public DataSource eventStore() {
        return eventStore;
    }

    public DataSource readStore() {
        return readStore;
    }

    /** The event store's JDBC URL without credentials. */
    public String eventStoreLocation() {
        return JdbcUrls.withoutCredentials(eventStoreUrl);
    }

    /** The read store's JDBC URL without credentials. */
    public String readStoreLocation() {
        return JdbcUrls.withoutCredentials(readStoreUrl);
    }

    /** Whether the read models live in the event store's database (the default). */
    public boolean shared() {
        return readStore == eventStore || readStoreUrl.equals(eventStoreUrl);
    }

    String readStoreUrl() {
        return readStoreUrl;
    }

    @Override
    public void close() {
        if (readStore != eventStore && readStore instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    private static String url(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            return hikari.getJdbcUrl();
        }
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot reach the database to learn its location", e);
        }
    }
}
