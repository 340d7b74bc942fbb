package io.incidenttimeline.api.http.site;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The HTML status page's words and static files. The words never fall back to the machine's own locale: a page is
 * in one of {@link PageReader#UI_LANGUAGES}, chosen by the reader. The stylesheet is a static file (the
 * Content-Security-Policy allows no inline style), cacheable for an hour and revalidated by ETag and Last-Modified.
 */
@Configuration(proxyBeanMethods = false)
public class PageConfig implements WebMvcConfigurer {

    static final String ASSETS = "/assets/";

    @Bean
    MessageSource messageSource() {
        var messages = new ResourceBundleMessageSource();
        // the subscription pages keep their words apart (subscription-messages*.properties)
        messages.setBasenames("statuspage/messages", "statuspage/subscription-messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(ASSETS + "**").addResourceLocations("classpath:/statuspage/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .setUseLastModified(true)
                .setEtagGenerator(resource -> {
                    try {
                        return Long.toHexString(resource.contentLength()) + "-" + Long.toHexString(resource.lastModified());
                    } catch (java.io.IOException e) {
                        return null;
                    }
                });
    }
}
