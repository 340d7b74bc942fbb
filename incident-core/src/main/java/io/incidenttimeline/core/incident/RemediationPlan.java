package io.incidenttimeline.core.incident;

import io.incidenttimeline.core.incident.command.RemediationItemDraft;
import io.incidenttimeline.core.incident.event.RemediationItem;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns submitted remediation items into the items of a post-mortem revision. An item without an id keeps the id of
 * the earlier item with the same title, so publishing the same content again is recognised as unchanged; otherwise it
 * gets the next free {@code item-N}.
 */
final class RemediationPlan {

    static final int MAX_ITEMS = 50;
    private static final Pattern GENERATED_ID = Pattern.compile("item-(\\d+)");

    private RemediationPlan() {
    }

    static List<RemediationItem> items(List<RemediationItemDraft> drafts, List<RemediationItem> previous) {
        List<RemediationItemDraft> submitted = drafts == null ? List.of() : drafts;
        if (submitted.size() > MAX_ITEMS) {
            throw CommandRejected.invalid("remediation", "too-many-remediation-items",
                    submitted.size() + " remediation items given; at most " + MAX_ITEMS + " are allowed");
        }
        int next = nextNumber(previous, submitted);
        Set<String> ids = new HashSet<>();
        List<RemediationItem> items = new ArrayList<>();
        for (int i = 0; i < submitted.size(); i++) {
            RemediationItemDraft draft = submitted.get(i);
            String field = "remediation[" + i + "]";
            if (draft == null) {
                throw CommandRejected.invalid(field, "value-required", field + " is required");
            }
            String title = Text.required(field + ".title", draft.title(), Text.TITLE_MAX);
            String owner = Text.optional(field + ".owner", draft.owner(), Text.NAME_MAX);
            String id;
            if (draft.id() != null) {
                id = Text.id(field + ".id", draft.id());
            } else {
                Optional<String> earlier = sameTitle(previous, title, ids);
                id = earlier.isPresent() ? earlier.get() : "item-" + next++;
            }
            if (!ids.add(id)) {
                throw CommandRejected.invalid(field + ".id", "duplicate-remediation-item",
                        "remediation item id " + id + " appears twice");
            }
            items.add(new RemediationItem(id, title, owner, draft.dueDate()));
        }
        return List.copyOf(items);
    }

    /** The earlier item with this title whose id this submission has not taken yet. */
    private static Optional<String> sameTitle(List<RemediationItem> previous, String title, Set<String> taken) {
        return previous.stream().filter(item -> item.title().equals(title)).map(RemediationItem::id)
                .filter(id -> !taken.contains(id)).findFirst();
    }

    private static int nextNumber(List<RemediationItem> previous, List<RemediationItemDraft> submitted) {
        int highest = 0;
        for (String id : allIds(previous, submitted)) {
            Matcher matcher = GENERATED_ID.matcher(id);
            if (matcher.matches() && matcher.group(1).length() < 9) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
        }
        return highest + 1;
    }

    private static List<String> allIds(List<RemediationItem> previous, List<RemediationItemDraft> submitted) {
        List<String> ids = new ArrayList<>();
        previous.forEach(item -> ids.add(item.id()));
        submitted.stream().filter(d -> d != null && d.id() != null).forEach(d -> ids.add(d.id()));
        return ids;
    }
}
