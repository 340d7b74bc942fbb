package io.incidenttimeline.api.accesstoken;

import io.incidenttimeline.core.accesstoken.TokenRole;
import java.time.Instant;

/**
 * A personal token as it is listed: who holds it, what it may do, who issued it when, and when it was last used
 * (to the minute: see {@link PersonalTokenStore#holderOf}). Neither its secret nor its hash.
 *
 * @param createdAt null for a configured token, as are createdBy and, before its first use, lastUsedAt
 */
public record PersonalToken(String name, TokenRole role, Source source, Instant createdAt, String createdBy,
                            Instant lastUsedAt) {

    public enum Source {
        /** From incident.security.tokens (or the generated bootstrap token). */
        CONFIGURED,
        /** Issued by an admin at run time. */
        ISSUED
    }
}
