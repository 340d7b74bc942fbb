package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.shared.ComponentStatus;
import java.util.Map;

/**
 * A public change to an incident's component statuses, in order: a declaration or impact change replaces the whole
 * set, a public update ({@code updateId}) changes the components it names.
 */
public record ComponentSetting(int seq, String updateId, boolean replace, Map<String, ComponentStatus> components) {
}
