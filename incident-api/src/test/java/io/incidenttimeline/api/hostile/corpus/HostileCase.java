package io.incidenttimeline.api.hostile.corpus;

import java.util.Set;
import java.util.function.Consumer;

/**
 * One generated request: a valid request of {@code operation} with one thing changed.
 *
 * @param kind     what was changed: {@code field}, {@code body}, {@code header} or {@code query}
 * @param mutation what it was changed to, for the report
 * @param expect   whether the change breaks the contract (must be refused) or is a boundary it may accept
 * @param fields   when a case that must be refused is, the problem's {@code field} is one of these (an entry ending in
 *                 {@code .*} also matches what lies inside that path); empty: any or none
 * @param change   applies the change to a fresh valid draft
 */
public record HostileCase(String operation, String kind, String mutation, Expect expect, Set<String> fields,
                          Consumer<Draft> change) {

    public enum Expect {
        /** Violates the OpenAPI description (or a rule the issue states): a 4xx problem that stored nothing. */
        REFUSE,
        /** A legitimate boundary: accepted with a 2xx, or refused as a 4xx problem that stored nothing. */
        EITHER
    }

    public String describe() {
        return operation + " [" + kind + "] " + mutation;
    }
}
