-- A real day (docs/ARCHITECTURE.md, "Calls and their timers"). Portable: PostgreSQL and H2 in PostgreSQL mode.

-- Initialize never ends another session: many channels of one platform share a LocalPort and an address.
ALTER TABLE api_session DROP CONSTRAINT api_session_port;

-- The switch's own identity of a call (SIP Call-ID, a PBX's unique id): how a call coming back is known.
ALTER TABLE ivr_call ADD COLUMN switch_call_id VARCHAR(255);
CREATE INDEX ivr_call_switch ON ivr_call (switch_call_id);
-- Ring-no-answer: when a call handed to an agent goes back to its queue unless answered.
ALTER TABLE ivr_call ADD COLUMN ring_until_ms BIGINT;
-- When the agent answered (null until then).
ALTER TABLE ivr_call ADD COLUMN answered_ms BIGINT;
-- The priority the call was queued with; priority itself ages from it (queues[].priorityAgeSeconds).
ALTER TABLE ivr_call ADD COLUMN base_priority INT;
CREATE INDEX ivr_call_ringing ON ivr_call (status, ring_until_ms);

-- Why an agent is in its state when the center put it there ("ring no answer").
ALTER TABLE agent_state ADD COLUMN reason VARCHAR(64);

-- When each transit number was last handed out: numbers go least recently used first.
CREATE TABLE transit_last_use (
    transit_number VARCHAR(80) PRIMARY KEY,
    last_ms        BIGINT NOT NULL
);
