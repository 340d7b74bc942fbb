package io.incidenttimeline.api.subscription;

import java.util.Collection;
import java.util.List;

/**
 * A reader who confirmed an email subscription.
 *
 * @param components the components followed; null for all of them
 * @param locale     the language they asked for (a BCP 47 tag), the page's default when they named none
 * @param zone       their time zone (an IANA id), UTC when they named none
 */
public record EmailSubscriber(String id, String email, List<String> components, String locale, String zone) {

    public boolean follows(Collection<String> componentIds) {
        return components == null || componentIds.stream().anyMatch(components::contains);
    }
}
