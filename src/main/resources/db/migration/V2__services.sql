-- Transit numbers, callbacks (docs/VXML.md, docs/CALLBACKS.md). Portable SQL: runs on PostgreSQL and on H2 in
-- PostgreSQL mode. No foreign keys to V1's tables, so the two migrations land in any order.

-- A row is one transit number held by one unmonitored call; the pool itself is the configuration
-- (transitNumbers.numbers). The primary key keeps two nodes from handing out the same number, the
-- unique call_id keeps a call to one number. A hold past expires_at is free again.
CREATE TABLE transit_hold (
    transit_number VARCHAR(80) PRIMARY KEY,
    call_id        VARCHAR(18) NOT NULL UNIQUE,
    acquired_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX transit_hold_expires ON transit_hold (expires_at);

-- A callback stored by CreateCallback until DeleteCallback removes it.
CREATE TABLE callback (
    callback_id      VARCHAR(17)  PRIMARY KEY,
    call_id          VARCHAR(18)  NOT NULL,
    queue_name       VARCHAR(32)  NOT NULL,
    description      VARCHAR(100) NOT NULL,
    contact_name     VARCHAR(80)  NOT NULL,
    time_zone_offset INTEGER      NOT NULL,
    business_unit    VARCHAR(32),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Its schedules (1 to 3): the text as given, the phone number, its digits without the extension (for
-- excluded numbers and duplicates), and the window converted to UTC instants.
CREATE TABLE callback_schedule (
    callback_id   VARCHAR(17) NOT NULL REFERENCES callback (callback_id) ON DELETE CASCADE,
    seq           INTEGER     NOT NULL,
    schedule_text VARCHAR(81) NOT NULL,
    phone         VARCHAR(47) NOT NULL,
    digits        VARCHAR(47) NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (callback_id, seq)
);
CREATE INDEX callback_schedule_digits ON callback_schedule (digits);

-- The call's contact data copied into the callback (at most 1000 bytes in all).
CREATE TABLE callback_contact_data (
    callback_id VARCHAR(17)   NOT NULL REFERENCES callback (callback_id) ON DELETE CASCADE,
    data_key    VARCHAR(1000) NOT NULL,
    data_value  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (callback_id, data_key)
);

-- CallbackIDs: one sequence shared by every node.
CREATE SEQUENCE callback_id_seq;

-- One row locked by every CreateCallback while it checks for duplicates and stores, so two nodes cannot
-- both store the same callback (a duplicate is an overlap, which no unique constraint can express).
CREATE TABLE callback_guard (
    id INTEGER PRIMARY KEY
);
INSERT INTO callback_guard (id) VALUES (1);
