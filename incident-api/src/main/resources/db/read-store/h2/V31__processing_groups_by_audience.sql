-- Processing groups by audience (docs/read-side.md): the component history now shares the public view's processor,
-- the incident metrics the responder view's. Each group's read models commit in one transaction per batch, and a
-- replay of one rebuilds the group. The four processors' tokens are dropped, so each group's processor goes through
-- the event store once more from its start when the application starts: every read model of the group skips what
-- its per-aggregate progress says it applied, so nothing is applied twice, and whatever one of them had not reached
-- yet when the old processors stopped is applied now. A replay under way is given up; queries go on reading the
-- generations they read, and a new replay empties the generation it builds before filling it.
DELETE FROM TokenEntry WHERE processorName IN ('public-view', 'component-history', 'responder-view', 'incident-metrics');
UPDATE projection_generation SET building_generation = NULL, replay_started_at = NULL, replay_target_position = NULL
    WHERE projection IN ('public-view', 'component-history', 'responder-view', 'incident-metrics');
