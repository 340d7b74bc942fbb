package io.incidenttimeline.api.http.infra.web;

import io.incidenttimeline.api.command.CommandContextResolver;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
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
}
