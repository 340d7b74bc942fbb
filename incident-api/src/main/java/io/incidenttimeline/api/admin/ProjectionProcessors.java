package io.incidenttimeline.api.admin;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a pooled streaming processor of its own (tracking processors got stuck claiming here),
 * reading batches of 100 events from one segment: the read models are small and per-incident order matters.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessors {

    static final int BATCH_SIZE = 100;

    @Bean
    ConfigurerModule pooledStreamingProjections() {
        return configurer -> configurer.eventProcessing(processing -> processing.usingPooledStreamingEventProcessors(
                (configuration, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(1)));
    }
}
