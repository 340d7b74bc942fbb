package io.incidenttimeline.api.http.infra.openapi;

import io.incidenttimeline.api.http.command.CommandContext;
import io.incidenttimeline.api.http.command.CommandContextResolver;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Marks the operations that run a command (their handler takes a {@link CommandContext}) with the command headers,
 * and carries the handler's {@link DocumentedProblems} to {@link ApiDescription}, which sees the whole document.
 */
@Component
class CommandOperations implements GlobalOperationCustomizer {

    static final String COMMAND = "x-command";
    static final String PROBLEMS = "x-problem-types";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        DocumentedProblems problems = handler.getMethodAnnotation(DocumentedProblems.class);
        if (problems != null) {
            operation.addExtension(PROBLEMS, Arrays.stream(problems.value()).map(Enum::name).toList());
        }
        boolean command = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.getParameterType() == CommandContext.class);
        if (command) {
            operation.addExtension(COMMAND, true);
            operation.addParametersItem(new HeaderParameter().name(CommandContextResolver.IDEMPOTENCY_KEY)
                    .description("Makes the request safe to retry: the same key with the same body returns the first "
                            + "response and adds no event; with another body it is refused (422). Keys are per token.")
                    .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7e]+$")));
            operation.addParametersItem(new HeaderParameter().name(CommandContextResolver.CORRELATION_ID)
                    .description("Ties the resulting events to a wider operation; stored as their correlationId. "
                            + "Generated when absent.")
                    .schema(new StringSchema().maxLength(100).pattern("^[A-Za-z0-9._:-]+$")));
        }
        return operation;
    }

    static boolean isCommand(Operation operation) {
        return operation.getExtensions() != null && Boolean.TRUE.equals(operation.getExtensions().get(COMMAND));
    }

    @SuppressWarnings("unchecked")
    static List<String> documentedProblems(Operation operation) {
        Object value = operation.getExtensions() == null ? null : operation.getExtensions().get(PROBLEMS);
        return value == null ? List.of() : (List<String>) value;
    }
}
