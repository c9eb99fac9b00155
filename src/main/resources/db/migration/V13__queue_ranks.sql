-- The queue ranks (docs/STATISTICS.md, "Cost"; core.call.QueueRanks): per queue, two Fenwick trees counting the
-- waiting calls (status 1), moved by the transaction that changes a call's place. ordering 0 is keyed by
-- (100 - priority) * 2^31 + the second it was queued (from 2020-01-01, clamped to 0..2^31-1) + 1, so its prefixes
-- are the calls ahead in queue order to the second; ordering 1 by the second alone. A node is a multiple of a
-- power of two and counts the keys of the range (node - its lowest set bit, node]; nodes never counted in are
-- absent (0). Portable: PostgreSQL and H2 in PostgreSQL mode.
CREATE TABLE queue_rank (
    queue_name VARCHAR(32) NOT NULL,
    ordering   SMALLINT    NOT NULL,
    node       BIGINT      NOT NULL,
    waiting    BIGINT      NOT NULL,
    -- node first: a prefix is "node IN (…) AND queue_name = ? AND ordering = ?", and H2 looks an IN list up in
    -- an index only on the index's first column (otherwise it reads every node of the queue).
    PRIMARY KEY (node, queue_name, ordering)
);

-- The waiting calls of a queue in the order they were queued: the oldest of them (the first entry), and those
-- of one second (a range).
CREATE INDEX ivr_call_queue_arrival ON ivr_call (queue_name, status, queued_ms, call_id);

-- The calls already waiting when the database is upgraded. A call counts in the node c * 2^L of each level L
-- where c = ceil(index / 2^L) is odd (the path of its index to the root; the two databases share no bit
-- operator, so it is written with division): 2^38 leaves for ordering 0, 2^31 for ordering 1.
INSERT INTO queue_rank (queue_name, ordering, node, waiting)
    SELECT c.queue_name, 0, ((c.ix + l.span - 1) / l.span) * l.span, COUNT(*)
    FROM (SELECT queue_name, (100 - LEAST(GREATEST(priority, 0), 100)) * 2147483648 + LEAST(GREATEST(queued_ms / 1000 - 1577836800, 0), 2147483647) + 1 AS ix
          FROM ivr_call WHERE status = 1 AND ended = FALSE) c
    CROSS JOIN (VALUES (CAST(1 AS BIGINT)), (2), (4), (8), (16), (32), (64), (128), (256), (512), (1024), (2048), (4096), (8192), (16384), (32768), (65536), (131072), (262144), (524288), (1048576), (2097152), (4194304), (8388608), (16777216), (33554432), (67108864), (134217728), (268435456), (536870912), (1073741824), (2147483648), (4294967296), (8589934592), (17179869184), (34359738368), (68719476736), (137438953472), (274877906944)) AS l(span)
    WHERE MOD((c.ix + l.span - 1) / l.span, 2) = 1
    GROUP BY c.queue_name, ((c.ix + l.span - 1) / l.span) * l.span;

INSERT INTO queue_rank (queue_name, ordering, node, waiting)
    SELECT c.queue_name, 1, ((c.ix + l.span - 1) / l.span) * l.span, COUNT(*)
    FROM (SELECT queue_name, LEAST(GREATEST(queued_ms / 1000 - 1577836800, 0), 2147483647) + 1 AS ix
          FROM ivr_call WHERE status = 1 AND ended = FALSE) c
    CROSS JOIN (VALUES (CAST(1 AS BIGINT)), (2), (4), (8), (16), (32), (64), (128), (256), (512), (1024), (2048), (4096), (8192), (16384), (32768), (65536), (131072), (262144), (524288), (1048576), (2097152), (4194304), (8388608), (16777216), (33554432), (67108864), (134217728), (268435456), (536870912), (1073741824), (2147483648)) AS l(span)
    WHERE MOD((c.ix + l.span - 1) / l.span, 2) = 1
    GROUP BY c.queue_name, ((c.ix + l.span - 1) / l.span) * l.span;
