package io.incidenttimeline.api.console.incident;

/** The console was asked for an incident that does not exist. */
class IncidentNotFound extends RuntimeException {

    IncidentNotFound(String incidentId) {
        super("no incident " + incidentId, null, false, false);
    }
}
