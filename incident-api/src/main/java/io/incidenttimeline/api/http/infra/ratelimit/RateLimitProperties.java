package io.incidenttimeline.api.http.infra.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param commandsPerMinute how many commands one token may send per minute (a burst of that size, refilled evenly)
 * @param overrides         per token name, a different number (a chatty alert bridge, a cautious script)
 */
@ConfigurationProperties("incident.rate-limit")
public record RateLimitProperties(@DefaultValue("600") int commandsPerMinute,
                                  @DefaultValue Map<String, Integer> overrides) {

    int limitFor(String tokenName) {
        return overrides.getOrDefault(tokenName, commandsPerMinute);
    }
}
