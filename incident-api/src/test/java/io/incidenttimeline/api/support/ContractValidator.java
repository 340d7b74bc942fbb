package io.incidenttimeline.api.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks real traffic against the OpenAPI description the running application serves. Every response must be
 * documented (status, headers, body, and a problem type its operation lists); a request the server accepted must match
 * its documented schema too. Refused requests are often invalid on purpose, so only their responses are checked.
 */
public final class ContractValidator {

    private final OpenApiInteractionValidator validator;

    public ContractValidator(String openApiJson) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(openApiJson)
                .withLevelResolver(LevelResolver.create()
                        // undocumented paths (404s, 405s of unknown routes) have nothing to validate against
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * Matches the path as it was sent, percent-encoding included: decoded, an id of {@code %20} would be trimmed away
     * and {@code /things/%20} taken for the collection {@code /things}.
     */
    public void check(String method, URI uri, Map<String, String> requestHeaders, String requestBody,
               HttpResponse<String> response) {
        var request = new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getRawPath());
        splitQuery(uri.getRawQuery()).forEach(request::withQueryParam);
        requestHeaders.forEach(request::withHeader);
        if (requestBody != null && !requestBody.isEmpty()) {
            request.withBody(requestBody);
        }
        var documented = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> documented.withHeader(name, values));
        if (!response.body().isEmpty()) {
            documented.withBody(response.body());
        }
        ValidationReport report = response.statusCode() < 300
                ? validator.validate(request.build(), documented.build())
                : validator.validateResponse(uri.getRawPath(), Request.Method.valueOf(method), documented.build());
        if (report.hasErrors()) {
            throw new AssertionError("the API does not do what its OpenAPI description says: " + method + " " + uri
                    + " -> " + response.statusCode() + " " + response.body() + "\n" + report.getMessages().stream()
                    .map(ValidationReport.Message::toString).collect(Collectors.joining("\n")));
        }
    }

    private static Map<String, List<String>> splitQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        return java.util.Arrays.stream(rawQuery.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.groupingBy(kv -> decode(kv[0]),
                        Collectors.mapping(kv -> kv.length > 1 ? decode(kv[1]) : "", Collectors.toList())));
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
