package io.incidenttimeline.projections.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

class ProcessorSegmentsTest {

    private final ProcessingProperties properties = new ProcessingProperties("node", 4, Duration.ofSeconds(6),
            Duration.ofSeconds(1));
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

    @ProcessingGroup("in-order")
    @SingleSegment
    static class InOrder {
        InOrder() {
            throw new AssertionError("the segments are read from the bean definition, not from an instance");
        }
    }

    @ProcessingGroup("per-aggregate")
    static class PerAggregate {
    }

    @SingleSegment
    static class NoGroup {
    }

    @Test
    void aProcessorWhoseHandlerIsMarkedSingleSegmentHasOneAndEveryOtherTheConfiguredCount() {
        beans.registerBeanDefinition("inOrder", new RootBeanDefinition(InOrder.class));
        beans.registerBeanDefinition("perAggregate", new RootBeanDefinition(PerAggregate.class));

        ProcessorSegments segments = ProcessorSegments.declaredBy(beans, properties);

        assertThat(segments.of("in-order")).isEqualTo(1);
        assertThat(segments.of("per-aggregate")).isEqualTo(4);
        assertThat(segments.of("unknown")).isEqualTo(4);
        assertThat(segments.singleSegment()).containsExactly("in-order");
    }

    @Test
    void aSingleSegmentHandlerWithoutProcessingGroupIsRefused() {
        beans.registerBeanDefinition("noGroup", new RootBeanDefinition(NoGroup.class));

        assertThatThrownBy(() -> ProcessorSegments.declaredBy(beans, properties))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("noGroup");
    }
}
