-- When a live call last changed (any report or function that changed it): the sweeper closes a call
-- that has not changed for calls.maxAgeHours as lost (docs/RELIABILITY.md). NULL until its first
-- change: then its created_ms counts.
ALTER TABLE ivr_call ADD COLUMN touched_ms BIGINT;
CREATE INDEX ivr_call_touched ON ivr_call (ended, touched_ms);
-- Pages of the live calls, in order of arrival (GET /api/calls?offset=&limit=, the console).
CREATE INDEX ivr_call_live ON ivr_call (ended, created_ms, call_id);
