package io.incidenttimeline.api.application;

import io.incidenttimeline.core.incident.LifecycleMoments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configured lifecycle moments, a resource the incident's command handler takes as a parameter. */
@Configuration(proxyBeanMethods = false)
class LifecycleConfig {

    @Bean
    LifecycleMoments lifecycleMoments(LifecycleProperties properties) {
        return properties.moments();
    }
}
