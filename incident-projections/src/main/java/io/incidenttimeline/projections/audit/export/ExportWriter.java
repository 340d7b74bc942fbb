package io.incidenttimeline.projections.audit.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.projections.audit.chain.CanonicalJson;
import io.incidenttimeline.projections.audit.chain.ChainEntry;
import io.incidenttimeline.projections.audit.chain.ChainHash;
import io.incidenttimeline.projections.audit.chain.ChainStore;
import io.incidenttimeline.projections.audit.chain.Envelope;
import io.incidenttimeline.projections.audit.chain.EventRows;
import io.incidenttimeline.projections.audit.chain.StoredEvent;
import io.incidenttimeline.projections.audit.chain.UnreadableEventException;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointStore;
import io.incidenttimeline.projections.audit.checkpoint.PublishedCheckpoint;
import io.incidenttimeline.projections.audit.checkpoint.SignedCheckpoint;
import io.incidenttimeline.projections.audit.continuity.ChainContinuity;
import io.incidenttimeline.projections.audit.continuity.WitnessFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes the audit export as NDJSON: one line per event of the range, {@code {"position","envelope","previousHash",
 * "hash"}}, with the chain recomputed from what is stored now, then one line per checkpoint the server knows in the
 * range, {@code {"checkpoint","signature"}}: those in the database and the node's own record of the newest one. An
 * export open at its end names every checkpoint, also those beyond its last event, so events deleted below a
 * checkpoint are found missing rather than merely unanchored. The first line's previousHash
 * is the recorded chain hash of the event before the range. Events are read page by page, so memory stays constant
 * however long the range.
 */
@Component
public class ExportWriter {

    private static final byte[] NEWLINE = {'\n'};

    private final EventRows events;
    private final ChainStore chain;
    private final CheckpointStore checkpoints;
    private final ChainContinuity continuity;
    private final ObjectMapper json = CanonicalJson.mapper();

    public ExportWriter(EventRows events, ChainStore chain, CheckpointStore checkpoints, ChainContinuity continuity) {
        this.events = events;
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.continuity = continuity;
    }

    /**
     * Writes the events from position {@code from} to {@code to} (both inclusive) and the checkpoints among them, read
     * before the events so that each names an event already stored.
     */
    public void write(long from, long to, OutputStream out) throws IOException {
        List<SignedCheckpoint> known = known(from, to);
        ChainEntry start = chain.lastBefore(from);
        String previous = start.hash();
        for (StoredEvent event : events.range(start.position(), to)) {
            byte[] envelope;
            try {
                envelope = Envelope.canonical(event);
            } catch (UnreadableEventException e) {
                writeUnreadable(out, e);
                return;
            }
            String hash = ChainHash.next(previous, envelope);
            if (event.position() >= from) {
                writeEvent(out, event.position(), envelope, previous, hash);
            }
            previous = hash;
        }
        for (SignedCheckpoint signed : known) {
            ObjectNode line = json.createObjectNode();
            line.set("checkpoint", signed.checkpoint().toJson());
            line.put("signature", signed.signature());
            writeLine(out, json.writeValueAsBytes(line));
        }
    }

    private List<SignedCheckpoint> known(long from, long through) {
        List<SignedCheckpoint> known = new ArrayList<>(checkpoints.between(from, through));
        try {
            continuity.recorded().map(PublishedCheckpoint::signed)
                    .filter(r -> r.checkpoint().position() >= from && r.checkpoint().position() <= through)
                    .filter(r -> !known.contains(r)).ifPresent(known::add);
        } catch (WitnessFile.DamagedRecord damaged) {
            // verification reports it; the export carries what the database holds
        }
        known.sort(Comparator.comparingLong(c -> c.checkpoint().position()));
        return known;
    }

    /** The envelope is canonical JSON already and the hashes are hex, so the line is assembled without re-parsing. */
    private static void writeEvent(OutputStream out, long position, byte[] envelope, String previous, String hash)
            throws IOException {
        out.write(("{\"position\":" + position + ",\"envelope\":").getBytes(StandardCharsets.US_ASCII));
        out.write(envelope);
        out.write((",\"previousHash\":\"" + previous + "\",\"hash\":\"" + hash + "\"}\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** An event with no envelope ends the export with a line saying why; a verifier reports it there. */
    private void writeUnreadable(OutputStream out, UnreadableEventException e) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("position", e.position());
        line.put("error", e.getMessage());
        writeLine(out, json.writeValueAsBytes(line));
    }

    private static void writeLine(OutputStream out, byte[] line) throws IOException {
        out.write(line);
        out.write(NEWLINE);
    }
}
