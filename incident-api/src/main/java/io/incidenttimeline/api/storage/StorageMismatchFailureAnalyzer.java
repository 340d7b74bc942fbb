package io.incidenttimeline.api.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as Spring Boot's "APPLICATION FAILED TO START" report instead of a stack trace. */
public class StorageMismatchFailureAnalyzer extends AbstractFailureAnalyzer<StorageMismatchException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StorageMismatchException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
