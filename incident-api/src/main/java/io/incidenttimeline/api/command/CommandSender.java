package io.incidenttimeline.api.command;

/** Sends a command with the caller's audit metadata and returns the aggregate's version after it. */
@FunctionalInterface
public interface CommandSender {

    long send(Object command);
}
