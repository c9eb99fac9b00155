-- Callbacks are carried out (docs/CALLBACKS.md): each has a state, its attempts are kept, and while it
-- waits for an agent it is a call in its callback queue (ivr_call.callback_id names it).
ALTER TABLE callback ADD COLUMN status VARCHAR(16) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE callback ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE callback ADD COLUMN not_before_ms BIGINT;
ALTER TABLE callback ADD COLUMN call_row_id VARCHAR(18);
ALTER TABLE callback ADD COLUMN status_since_ms BIGINT;
CREATE INDEX callback_status ON callback (status);

ALTER TABLE ivr_call ADD COLUMN callback_id VARCHAR(17);

CREATE TABLE callback_attempt (
    callback_id VARCHAR(17) NOT NULL,
    seq         INT         NOT NULL,
    phone       VARCHAR(47) NOT NULL,
    agent_id    VARCHAR(8),
    started_ms  BIGINT      NOT NULL,
    outcome     VARCHAR(16),
    ended_ms    BIGINT,
    PRIMARY KEY (callback_id, seq)
);
