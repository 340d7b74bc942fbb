package io.incidenttimeline.projections.audit.checkpoint;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Signed checkpoints (table audit_checkpoint), kept exactly as signed. */
@Repository
public class CheckpointStore {

    private static final RowMapper<SignedCheckpoint> SIGNED = (row, n) -> new SignedCheckpoint(
            new Checkpoint(row.getLong("position"), row.getString("head_hash"), row.getString("created_at")),
            row.getString("signature"));

    private final JdbcTemplate jdbc;

    public CheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(SignedCheckpoint signed) {
        Checkpoint checkpoint = signed.checkpoint();
        jdbc.update("INSERT INTO audit_checkpoint (position, head_hash, created_at, signature) VALUES (?, ?, ?, ?)",
                checkpoint.position(), checkpoint.headHash(), checkpoint.createdAt(), signed.signature());
    }

    /** The checkpoints with {@code from <= position <= through}, by position, then in the order they were made. */
    public List<SignedCheckpoint> between(long from, long through) {
        return jdbc.query("SELECT position, head_hash, created_at, signature FROM audit_checkpoint "
                + "WHERE position >= ? AND position <= ? ORDER BY position, id", SIGNED, from, through);
    }

    /** Whether exactly this checkpoint, signature and all, is stored. */
    public boolean contains(SignedCheckpoint signed) {
        Checkpoint checkpoint = signed.checkpoint();
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM audit_checkpoint WHERE position = ? AND head_hash = ? "
                        + "AND created_at = ? AND signature = ?", Integer.class, checkpoint.position(),
                checkpoint.headHash(), checkpoint.createdAt(), signed.signature());
        return found != null && found > 0;
    }

    public Optional<SignedCheckpoint> latest() {
        return jdbc.query("SELECT position, head_hash, created_at, signature FROM audit_checkpoint "
                + "ORDER BY position DESC, id DESC LIMIT 1", SIGNED).stream().findFirst();
    }
}
