package io.incidenttimeline.api;

import io.incidenttimeline.api.audit.verify.VerifyCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "io.incidenttimeline")
@ConfigurationPropertiesScan("io.incidenttimeline")
public class IncidentTimelineApplication {

    /** {@code verify <export> --public-key <pem>} runs the offline audit verifier instead of the server. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(IncidentTimelineApplication.class, args);
    }
}
