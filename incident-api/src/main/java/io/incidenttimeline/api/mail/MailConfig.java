package io.incidenttimeline.api.mail;

import io.incidenttimeline.api.axon.IncidentProperties;
import io.incidenttimeline.api.statuspage.PageProperties;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The transport: SMTP through Spring Boot's mail sender when {@code spring.mail.host} is set (Spring Boot creates the
 * sender only then), otherwise {@code .eml} files under {@code incident.mail.dir}, {@code ${incident.data-dir}/mail}
 * by default, so the embedded default needs no mail server.
 */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    private static final Logger log = LoggerFactory.getLogger(MailConfig.class);

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> sender, MailProperties mail, PageProperties page,
                                IncidentProperties incident) {
        MailMessages messages = new MailMessages(mail.from(), page.url());
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp != null) {
            return new SmtpTransport(smtp, messages);
        }
        Path dir = mail.dir() != null ? mail.dir() : incident.dataDir().resolve("mail");
        log.info("No spring.mail.host configured: subscriber mails are written as .eml files into {}",
                dir.toAbsolutePath());
        return new EmlFileTransport(dir, messages);
    }
}
