package io.incidenttimeline.api.http.infra.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.http.command.CommandContext;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two descriptions from the one codebase: {@code public} (what anyone may call) and {@code complete} (every
 * operation, for admins). {@code /v3/api-docs} answers with the one the caller may see; the API reference
 * ({@code /api-reference.html}) lists both, by these groups' display names, and opens the public one.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    public static final String PUBLIC_GROUP = "public";
    public static final String COMPLETE_GROUP = "complete";
    static final String[] PUBLIC_PATHS = {"/api/v2/**", "/api/public/**", "/api/v1/audit/public-key"};

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandContext.class);
        // event payloads are passed through as stored: any JSON object, described by the event type beside it
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema()
                .additionalProperties(true).description("the event's payload as stored; its shape is given by the type"));
    }

    @Bean
    OpenAPI incidentTimelineApi() {
        return new OpenAPI()
                .info(new Info().title("Incident Timeline API").version("v1")
                        .description("Event-sourced incident communication: commands for on-call tooling, public "
                                + "status reads, audits. Errors are RFC 9457 problem+json with a stable type."))
                .components(new Components().addSecuritySchemes(ApiDescription.BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token; its role (responder, auditor, admin) decides what it may do."))
                        .addSecuritySchemes(ApiDescription.WEBHOOK_BASIC, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Configured webhook credentials (incident.security.webhook-basic-auth), "
                                        + "for senders that cannot send a bearer token; webhooks only.")));
    }

    @Bean
    GroupedOpenApi publicApi() {
        return GroupedOpenApi.builder().group(PUBLIC_GROUP).displayName(PUBLIC_GROUP).pathsToMatch(PUBLIC_PATHS).build();
    }

    @Bean
    GroupedOpenApi completeApi() {
        return GroupedOpenApi.builder().group(COMPLETE_GROUP).displayName(COMPLETE_GROUP + " (admin token)")
                .pathsToMatch("/**").build();
    }
}
