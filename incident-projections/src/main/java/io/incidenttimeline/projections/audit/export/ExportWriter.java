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
import io.incidenttimeline.projections.audit.checkpoint.SignedCheckpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Writes the audit export as NDJSON: one line per event of the range, {@code {"position","envelope","previousHash",
 * "hash"}}, with the chain recomputed from what is stored now, then one line per checkpoint whose position lies in the
 * range, {@code {"checkpoint","signature"}}. The first line's previousHash is the recorded chain hash of the event
 * before the range. Events are read page by page, so memory stays constant however long the range.
 */
@Component
public class ExportWriter {

    private static final byte[] NEWLINE = {'\n'};

    private final EventRows events;
    private final ChainStore chain;
    private final CheckpointStore checkpoints;
    private final ObjectMapper json = CanonicalJson.mapper();

    public ExportWriter(EventRows events, ChainStore chain, CheckpointStore checkpoints) {
        this.events = events;
        this.chain = chain;
        this.checkpoints = checkpoints;
    }

    /** Writes the events from position {@code from} to {@code to} (both inclusive) and the checkpoints among them. */
    public void write(long from, long to, OutputStream out) throws IOException {
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
        for (SignedCheckpoint signed : checkpoints.between(from, to)) {
            ObjectNode line = json.createObjectNode();
            line.set("checkpoint", signed.checkpoint().toJson());
            line.put("signature", signed.signature());
            writeLine(out, json.writeValueAsBytes(line));
        }
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
