package io.incidenttimeline.api.subscription;

import java.net.URI;
import java.util.List;

/** The confirmed email subscribers, as the mails about incidents and maintenance need them. */
public interface EmailSubscribers {

    /** Every confirmed, not suspended subscriber, in a stable order. */
    List<EmailSubscriber> confirmed();

    /** The page where the subscriber changes or ends the subscription, signed in its link. */
    URI manageLink(EmailSubscriber subscriber);

    /** The RFC 8058 one-click unsubscribe URL (HTTPS where the page is), taking a POST with no sign-in. */
    URI unsubscribeLink(EmailSubscriber subscriber);

    /** Stops every mail to the subscriber, keeping why (an address that bounced permanently). */
    void suspend(String subscriptionId, String reason);
}
