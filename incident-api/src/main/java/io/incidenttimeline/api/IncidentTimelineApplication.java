package io.incidenttimeline.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "io.incidenttimeline")
@ConfigurationPropertiesScan("io.incidenttimeline")
public class IncidentTimelineApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentTimelineApplication.class, args);
    }
}
