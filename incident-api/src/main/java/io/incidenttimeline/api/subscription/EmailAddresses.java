package io.incidenttimeline.api.subscription;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks and normalises the addresses readers give: surrounding blanks trimmed, the domain lower-cased (the local
 * part is the receiving server's business, so its case is kept). Only plain addresses of the common form are taken
 * (RFC 5321's dot-atom local part and a host name with a dot): no quoted local parts, comments, IP literals or
 * display names, which are where header injection and look-alike tricks live.
 */
public final class EmailAddresses {

    static final int MAX = 254;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private EmailAddresses() {
    }

    /** The normalised address, or a refusal naming the field {@code email}. */
    public static String normalise(String given) {
        if (given == null || given.isBlank()) {
            throw new SubscriptionRefused("email", "value-required", "email is required: the address to send to");
        }
        String address = given.strip();
        int at = address.lastIndexOf('@');
        if (address.length() > MAX || at <= 0 || at == address.length() - 1 || address.indexOf('@') != at) {
            throw invalid();
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw invalid();
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || !TLD.matcher(labels[labels.length - 1]).matches()) {
            throw invalid();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid();
            }
        }
        return local + "@" + domain;
    }

    private static SubscriptionRefused invalid() {
        return new SubscriptionRefused("email", "invalid-email", "email is not an address such as "
                + "reader@example.com (at most " + MAX + " characters, no display name, quotes or IP literal)");
    }
}
