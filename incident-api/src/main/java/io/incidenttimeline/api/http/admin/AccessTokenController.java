package io.incidenttimeline.api.http.admin;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.incidenttimeline.api.accesstoken.PersonalToken;
import io.incidenttimeline.api.accesstoken.PersonalTokens;
import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.http.command.CommandContextResolver;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.security.ApiTokens;
import io.incidenttimeline.core.accesstoken.TokenName;
import io.incidenttimeline.core.accesstoken.TokenRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal tokens, for admins: issued and revoked at run time, effective at once on every node, beside the configured
 * ones. The token is in the answer to its issue and nowhere else; the audit trail records who issued and revoked it.
 */
@RestController
@Tag(name = "Personal tokens")
@RequestMapping(path = "/api/v1/admin/tokens", produces = {"application/json", "application/problem+json"})
public class AccessTokenController {

    private final PersonalTokens tokens;

    AccessTokenController(PersonalTokens tokens) {
        this.tokens = tokens;
    }

    public record Issue(@Schema(requiredMode = REQUIRED, pattern = TokenName.PATTERN, maxLength = TokenName.MAX,
                                example = "alice", description = "who holds the token, as the audit trail names them: "
                                + TokenName.RULE) String name,
                        @Schema(requiredMode = REQUIRED, example = "responder") TokenRole role) {
    }

    public record IssuedToken(@Schema(requiredMode = REQUIRED, description = "the token: shown in this answer only, "
                                      + "never again (only its SHA-256 is kept); send it as Authorization: Bearer",
                                      example = "itk_q3V0aGlzIGlzIG5vdCBhIHJlYWwgdG9rZW4sIGp1c3QgYW4gZXg")
                              String token,
                              @Schema(requiredMode = REQUIRED) String name,
                              @Schema(requiredMode = REQUIRED) TokenRole role,
                              @Schema(requiredMode = REQUIRED) Instant createdAt,
                              @Schema(requiredMode = REQUIRED, description = "the admin who issued it") String createdBy) {
    }

    public record TokenView(@Schema(requiredMode = REQUIRED) String name,
                            @Schema(requiredMode = REQUIRED) TokenRole role,
                            @Schema(requiredMode = REQUIRED, allowableValues = {"configured", "issued"},
                                    description = "configured: from incident.security.tokens (or the generated "
                                            + "bootstrap admin token), removed only there; issued: at run time")
                            String source,
                            @Schema(description = "when it was issued; null for a configured token") Instant createdAt,
                            @Schema(description = "the admin who issued it; null for a configured token")
                            String createdBy,
                            @Schema(description = "when it last authenticated a request, to the minute; null before "
                                    + "its first use") Instant lastUsedAt) {
    }

    public record TokenList(@Schema(requiredMode = REQUIRED) List<TokenView> tokens) {
    }

    @Operation(summary = "Issue a personal token", operationId = "issueToken",
            description = "The token works at once on every node. It is in this answer only: keep it now. Its name "
                    + "may not be that of an active token, issued or configured; a revoked name may be issued again.")
    @ApiResponse(responseCode = "201", description = "Issued; the token is not shown again",
            headers = @Header(name = "Cache-Control", description = "no-store: the answer holds a secret",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedToken.class)))
    @DocumentedProblems({ProblemType.INVALID_TOKEN_NAME, ProblemType.VALUE_REQUIRED, ProblemType.TOKEN_NAME_TAKEN})
    @PostMapping(consumes = "application/json")
    public ResponseEntity<IssuedToken> issue(@RequestBody Issue body) {
        PersonalTokens.Issued issued = tokens.issue(body.name(), body.role(), actor());
        PersonalToken listed = issued.listed();
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new IssuedToken(issued.token(), listed.name(), listed.role(), listed.createdAt(),
                        listed.createdBy()));
    }

    @Operation(summary = "Every token that works now, configured and issued, by name", operationId = "listTokens",
            description = "Names, roles, who issued them when, and when they were last used; never a token or its "
                    + "hash.")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TokenList.class)))
    @GetMapping
    public TokenList list() {
        return new TokenList(tokens.list().stream().map(token -> new TokenView(token.name(), token.role(),
                token.source().name().toLowerCase(), token.createdAt(), token.createdBy(), token.lastUsedAt()))
                .toList());
    }

    @Operation(summary = "Revoke a personal token", operationId = "revokeToken",
            description = "From its next request on, on every node, the token is refused (401). A configured token "
                    + "is removed from incident.security.tokens instead.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @DocumentedProblems({ProblemType.TOKEN_NOT_FOUND, ProblemType.TOKEN_CONFIGURED})
    @DeleteMapping("/{name}")
    public ResponseEntity<Void> revoke(@PathVariable String name) {
        tokens.revoke(name, actor());
        return ResponseEntity.noContent().build();
    }

    /** The admin on whose behalf the command goes out: the audit metadata of its event names them. */
    private static Actor actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ApiTokens.Caller caller)) {
            throw new IllegalStateException("token administration is reached only by authenticated admins");
        }
        return new Actor(caller.name(), caller.role().wire(), CommandContextResolver.CHANNEL_API,
                UUID.randomUUID().toString());
    }
}
