package io.incidenttimeline.api.processing;

import io.incidenttimeline.api.subscriber.SubscriberWebhookProcessor;
import io.incidenttimeline.projections.audit.AuditTrailProjection;
import java.util.Map;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a pooled streaming processor of its own (tracking processors got stuck claiming here),
 * reading batches of up to 1,000 events. A batch is one transaction (read-model rows and token together) and the
 * projections read and write each document once per batch, so a replay gains from big batches; live, a batch holds
 * what has arrived, usually one command's events, so freshness does not suffer. Events are assigned to segments by
 * aggregate (an incident's or a component's events always go to one segment, in order), so the read models kept per
 * aggregate are built by several segments in parallel, spread over the nodes. Why each processor has the segments it
 * has: docs/read-side.md.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessors {

    static final int BATCH_SIZE = 1000;

    /**
     * The audit trail stays at one segment: its readers page through it by global position and take a page that ends
     * at position p to mean every event up to p is there, which holds only while one segment writes it in order. The
     * subscriber webhooks compare the whole page before and after each event, across incidents: one segment too.
     */
    static final Map<String, Integer> FIXED_SEGMENTS = Map.of(AuditTrailProjection.NAME, 1,
            SubscriberWebhookProcessor.NAME, 1);

    /** The segments a processor has: incident.processing.segments, but for those fixed above. */
    public static int segments(String processor, ProcessingProperties properties) {
        return FIXED_SEGMENTS.getOrDefault(processor, properties.segments());
    }

    @Bean
    ConfigurerModule pooledStreamingProjections(ProcessingProperties properties, ProcessingNodes nodes) {
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
                    .maxSegmentProvider(name -> nodes.fairShare(segments(name, properties))));
            FIXED_SEGMENTS.forEach((name, count) -> processing.registerPooledStreamingEventProcessorConfiguration(name,
                    (configuration, builder) -> builder.initialSegmentCount(count)));
        });
    }
}
