package io.incidenttimeline.api.http.command;

/** What the incident command endpoints answer: the incident's version after the command, also sent as the ETag. */
public final class IncidentResponses {

    private IncidentResponses() {
    }

    /** A declaration or an update: names the update, whose id may have been generated. */
    public record UpdateAccepted(String incidentId, String updateId, long version) {
    }

    public record IncidentVersion(String incidentId, long version) {
    }
}
