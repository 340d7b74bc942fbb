package io.incidenttimeline.api.subscriber;

import java.net.InetAddress;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SubscriberWebhookConfig {

    @Bean
    WebhookAddresses webhookAddresses(WebhookProperties properties) {
        return new WebhookAddresses(properties.allowPrivateAddresses(), InetAddress::getAllByName);
    }

    /**
     * A failure in the webhook processor rolls its batch back and the batch is retried; logging and skipping the event,
     * as Axon does by default, would advance the token past deliveries that were never written.
     */
    @Bean
    ConfigurerModule subscriberWebhookErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                SubscriberWebhookProcessor.NAME, c -> PropagatingErrorHandler.instance()));
    }
}
