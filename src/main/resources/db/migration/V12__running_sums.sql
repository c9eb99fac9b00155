-- Running sums of the queue stays (docs/STATISTICS.md, "Cost"; docs/REPORTS.md, "Keeping"), updated by the
-- transaction that changes a stay (core.queue.Visits). Portable: PostgreSQL and H2 in PostgreSQL mode.

-- The statistics window: per queue and minute in which stays LEFT the queue (minute_ms = left_ms rounded down
-- to the minute). handle_ms includes the wrap-up of the agent who handled the call.
CREATE TABLE queue_window_minute (
    queue_name       VARCHAR(32) NOT NULL,
    minute_ms        BIGINT      NOT NULL,
    answered         BIGINT      DEFAULT 0 NOT NULL,
    answered_wait_ms BIGINT      DEFAULT 0 NOT NULL,
    answered_within  BIGINT      DEFAULT 0 NOT NULL,
    unanswered_late  BIGINT      DEFAULT 0 NOT NULL,
    handled          BIGINT      DEFAULT 0 NOT NULL,
    handle_ms        BIGINT      DEFAULT 0 NOT NULL,
    PRIMARY KEY (queue_name, minute_ms)
);

-- The reports: per queue and minute in which stays ENTERED the queue. handle_ms is without wrap-up.
CREATE TABLE queue_report_minute (
    queue_name        VARCHAR(32) NOT NULL,
    minute_ms         BIGINT      NOT NULL,
    offered           BIGINT      DEFAULT 0 NOT NULL,
    answered          BIGINT      DEFAULT 0 NOT NULL,
    answered_within   BIGINT      DEFAULT 0 NOT NULL,
    answered_wait_ms  BIGINT      DEFAULT 0 NOT NULL,
    abandoned_within  BIGINT      DEFAULT 0 NOT NULL,
    abandoned_after   BIGINT      DEFAULT 0 NOT NULL,
    overflowed        BIGINT      DEFAULT 0 NOT NULL,
    overflowed_late   BIGINT      DEFAULT 0 NOT NULL,
    handled           BIGINT      DEFAULT 0 NOT NULL,
    handle_ms         BIGINT      DEFAULT 0 NOT NULL,
    longest_wait_ms   BIGINT      DEFAULT 0 NOT NULL,
    PRIMARY KEY (queue_name, minute_ms)
);

-- The sums hold the stays that left (window) or entered (reports) at or after since_ms. The thresholds and
-- wrap-up times they need are in the configuration, which SQL cannot read: the history stored before this
-- migration is not summed here but read from queue_visit as before, until it leaves the window and the
-- reporting period. On a new database since_ms is 0.
CREATE TABLE queue_sums_since (id INT PRIMARY KEY, since_ms BIGINT NOT NULL);
INSERT INTO queue_sums_since (id, since_ms)
    SELECT 1, COALESCE(MAX(GREATEST(entered_ms, COALESCE(left_ms, 0), COALESCE(handled_until_ms, 0))) + 1, 0)
    FROM queue_visit;

-- PositionInQueue and the head of one queue (Calls.position): the calls of a queue in queue order, so that
-- the calls ahead of one are a range of this index, read without the rows of the calls behind it.
CREATE INDEX ivr_call_queue_order ON ivr_call (queue_name, status, priority DESC, queued_ms, call_id);
