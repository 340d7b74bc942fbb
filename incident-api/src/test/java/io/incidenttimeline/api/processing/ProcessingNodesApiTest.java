package io.incidenttimeline.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.incidenttimeline.projections.support.ReadStore;
import io.incidenttimeline.projections.runtime.ProcessingNodes;
import io.incidenttimeline.projections.runtime.ProcessingProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/** The running application is one node; a second process under its name would handle the same events, so it stops. */
class ProcessingNodesApiTest extends ApiIntegrationTest {

    @Autowired
    private ProcessingNodes nodes;
    @Autowired
    @ReadStore
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    @Test
    void theRunningApplicationIsOneLiveNodeClaimingEverySegment() {
        assertThat(nodes.liveNodes()).isEqualTo(1);
        assertThat(nodes.fairShare(4)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processing_node WHERE node_name = ?", Integer.class,
                nodes.nodeName())).isEqualTo(1);
    }

    @Test
    void aSecondProcessUnderTheNameOfALiveNodeRefusesToStart() {
        var sameName = new ProcessingProperties(nodes.nodeName(), 4, Duration.ofSeconds(6), Duration.ofSeconds(1));
        assertThatThrownBy(() -> new ProcessingNodes(jdbc, clock, sameName))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another running node is named " + nodes.nodeName());
    }

    @Test
    void aClaimIntervalAboveAThirdOfTheClaimTimeoutIsRefused() {
        assertThatThrownBy(() -> new ProcessingProperties("n", 4, Duration.ofSeconds(6), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claim-interval");
        assertThatThrownBy(() -> new ProcessingProperties("n", 0, Duration.ofSeconds(6), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segments");
    }
}
