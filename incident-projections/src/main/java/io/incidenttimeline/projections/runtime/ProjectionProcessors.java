package io.incidenttimeline.projections.runtime;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a pooled streaming processor of its own (tracking processors got stuck claiming here),
 * reading batches of up to 1,000 events. A batch is one transaction (read-model rows and token together) and the
 * projections read and write each document once per batch, so a replay gains from big batches; live, a batch holds
 * what has arrived, usually one command's events, so freshness does not suffer. Events are assigned to segments by
 * aggregate (an incident's or a component's events always go to one segment, in order), so the read models kept per
 * aggregate are built by several segments in parallel, spread over the nodes. Why each processor has the segments it
 * has ({@link SingleSegment}): docs/read-side.md. The coordinator that feeds the work packages does not pause for
 * 100 ms when their buffers are full ({@link PromptCoordinatorExecutor}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessors {

    static final int BATCH_SIZE = 1000;

    @Bean
    ProcessorSegments processorSegments(ListableBeanFactory beans, ProcessingProperties properties) {
        return ProcessorSegments.declaredBy(beans, properties);
    }

    @Bean
    ConfigurerModule pooledStreamingProjections(ProcessingProperties properties, ProcessorSegments segments,
                                                ProcessingNodes nodes) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDefaultSequencingPolicy(configuration -> SequentialPerAggregatePolicy.instance());
            // Axon's default logs a failing handler and moves on, so the token passes an event the read model lacks
            // (on H2 the batch even commits without it). A failure rolls the batch back and is retried instead.
            processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
            processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder
                    .batchSize(BATCH_SIZE)
                    .initialSegmentCount(properties.segments())
                    .tokenClaimInterval(properties.claimInterval().toMillis())
                    .claimExtensionThreshold(properties.claimExtension().toMillis())
                    .maxSegmentProvider(name -> nodes.fairShare(segments.of(name)))
                    .coordinatorExecutor(name -> {
                        PromptCoordinatorExecutor coordinator = new PromptCoordinatorExecutor(name);
                        configuration.onShutdown(coordinator::shutdown);
                        return coordinator;
                    }));
            segments.singleSegment().forEach(name -> processing.registerPooledStreamingEventProcessorConfiguration(name,
                    (configuration, builder) -> builder.initialSegmentCount(1)));
        });
    }
}
