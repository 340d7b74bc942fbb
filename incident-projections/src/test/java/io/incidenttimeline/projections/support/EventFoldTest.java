package io.incidenttimeline.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventFoldTest {

    @Test
    void foldsEveryEventInOrderStartingFromNoState() {
        String folded = EventFold.fromStart(List.of("a", "b", "c"),
                (String state, Object event) -> (state == null ? "" : state + ",") + event);

        assertThat(folded).isEqualTo("a,b,c");
    }

    @Test
    void noEventsLeaveNoState() {
        assertThat(EventFold.<String>fromStart(List.of(), (state, event) -> "something")).isNull();
    }
}
