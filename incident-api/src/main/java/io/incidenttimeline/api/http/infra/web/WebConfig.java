package io.incidenttimeline.api.http.infra.web;

import io.incidenttimeline.api.http.command.CommandContextResolver;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.util.List;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final CommandContextResolver commandContexts;

    public WebConfig(CommandContextResolver commandContexts) {
        this.commandContexts = commandContexts;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(commandContexts);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new QueryParameterCheck());
    }

    /**
     * Bodies, documents and webhooks are written with Spring Boot's own mapper, made strict about unknown fields
     * (declared here because Axon's contract mapper, also an ObjectMapper bean, switches Boot's off).
     */
    @Bean
    @Primary
    static ObjectMapper webObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    /**
     * Spring Boot adds every Module bean to the builder above: Blackbird calls accessors and creators through
     * generated lambdas instead of reflection, as on the event mapper.
     */
    @Bean
    static Module blackbird() {
        return new BlackbirdModule();
    }

    @Bean
    static Jackson2ObjectMapperBuilderCustomizer strictRequests() {
        return builder -> builder.failOnUnknownProperties(true);
    }

    /** Request bodies are read by the strict rules of {@link StrictJson}; it replaces Spring Boot's JSON converter. */
    @Bean
    static StrictJsonConverter strictJsonBodies(ObjectMapper webObjectMapper) {
        return new StrictJsonConverter(webObjectMapper);
    }
}
