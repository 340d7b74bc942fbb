package io.incidenttimeline.api.http.read.statuspage;

import io.incidenttimeline.api.statuspage.StatuspageCache;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public reads are cacheable and may be fetched from any web page: each response gets a strong ETag of its body
 * (a matching If-None-Match gets 304), and CORS is open for GET.
 */
@Configuration(proxyBeanMethods = false)
public class PublicReadConfig implements WebMvcConfigurer {

    public static final String CACHE_CONTROL = "public, no-cache";
    static final String[] PUBLIC_PATHS = {"/api/v2/**", "/api/public/**"};

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v2/*", "/api/public/*");
        registration.setName("publicEtags");
        return registration;
    }

    /** Ahead of every other filter, Spring Security's and the request observation included. */
    @Bean
    FilterRegistrationBean<CachedDocumentFilter> cachedStatuspageDocuments(StatuspageCache cache, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new CachedDocumentFilter(cache, meters));
        registration.addUrlPatterns("/api/v2/*");
        registration.setName("cachedStatuspageDocuments");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        for (String path : PUBLIC_PATHS) {
            registry.addMapping(path).allowedOrigins("*").allowedMethods("GET", "HEAD")
                    .allowedHeaders("If-None-Match", "Accept-Language").exposedHeaders("ETag").maxAge(3600);
        }
    }
}
