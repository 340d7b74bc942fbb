package io.incidenttimeline.api.application;

/**
 * What an accepted command did.
 *
 * @param version     the aggregate's version after the command
 * @param aggregateId the id of the incident, maintenance or component the command addressed
 * @param updateId    the update the command posted, where it posted one
 * @param created     whether the command created the incident, maintenance or component
 * @param replayed    whether this is the stored result of an earlier request with the same idempotency key
 */
public record CommandResult(long version, String aggregateId, String updateId, boolean created, boolean replayed) {

    CommandResult asReplay() {
        return new CommandResult(version, aggregateId, updateId, created, true);
    }
}
