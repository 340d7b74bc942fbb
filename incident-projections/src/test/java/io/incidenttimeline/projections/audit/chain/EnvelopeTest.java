package io.incidenttimeline.projections.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static StoredEvent event(String metadata, byte[] payload) {
        return new StoredEvent(42, "e-1", "io.example.UpdatePosted", "1", "Incident", "inc-1", 3,
                "2024-07-05T13:31:00.123Z", metadata == null ? null : metadata.getBytes(StandardCharsets.UTF_8), payload);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theEnvelopeIsTheStoredRowInRfc8785Form() throws Exception {
        String metadata = "{ \"channel\": \"api\", \"actor\": \"ana\" }";
        String payload = "{\"message\": \"Überprüfung\\u0021\", \"b\": [1.0, 2.5e1, 10], \"a\": null}";

        String canonical = new String(Envelope.canonical(event(metadata, utf8(payload))), StandardCharsets.UTF_8);

        assertThat(canonical).isEqualTo("{\"aggregateId\":\"inc-1\",\"aggregateType\":\"Incident\","
                + "\"eventId\":\"e-1\",\"metadata\":{\"actor\":\"ana\",\"channel\":\"api\"},"
                + "\"payload\":{\"a\":null,\"b\":[1,25,10],\"message\":\"Überprüfung!\"},"
                + "\"recordedAt\":\"2024-07-05T13:31:00.123Z\",\"revision\":\"1\",\"sequenceNumber\":3,"
                + "\"type\":\"io.example.UpdatePosted\"}");
    }

    @Test
    void absentMetadataAndRevisionAreNull() throws Exception {
        StoredEvent event = new StoredEvent(1, "e", "T", null, null, "a", 0, "t", null, utf8("{}"));
        assertThat(new String(Envelope.canonical(event), StandardCharsets.UTF_8))
                .contains("\"metadata\":null").contains("\"revision\":null").contains("\"aggregateType\":null");
    }

    @Test
    void aPayloadThatIsNotJsonHasNoEnvelope() {
        assertThatThrownBy(() -> Envelope.canonical(event("{}", utf8("{\"message\": \"cut"))))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageStartingWith("the stored payload is not valid JSON")
                .satisfies(e -> assertThat(((UnreadableEventException) e).position()).isEqualTo(42));
    }

    @Test
    void invalidUtf8IsRefusedRatherThanReplaced() {
        byte[] payload = utf8("{\"message\":\"x\"}");
        payload[12] = (byte) 0xFF;
        assertThatThrownBy(() -> Envelope.canonical(event("{}", payload))).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefused() {
        assertThatThrownBy(() -> Envelope.canonical(event("{}", utf8("{\"a\":1,\"a\":2}"))))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> Envelope.canonical(event("{}", utf8("{\"a\":1} {\"b\":2}"))))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> Envelope.canonical(event("{\"actor\":", utf8("{}"))))
                .isInstanceOf(UnreadableEventException.class).hasMessageStartingWith("the stored metadata");
    }
}
