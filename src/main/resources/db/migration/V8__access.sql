-- Who may do what (docs/SECURITY.md). Times are epoch milliseconds of the server's clock.
-- Portable: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

-- Every change made by a person or a connector, and every sign-in, refused sign-in and sign-out: who
-- (the user's or token's name and role), when, from where (the client's address), what (the request and
-- its form fields or JSON body, passwords left out) and the answer (HTTP status, and the console's
-- message when it refused). Refused sign-ins are also what the sign-in rate limit counts.
CREATE SEQUENCE audit_seq;
CREATE TABLE audit_log (
    id        BIGINT PRIMARY KEY,
    at_ms     BIGINT NOT NULL,
    actor     VARCHAR(64) NOT NULL,
    role      VARCHAR(16) NOT NULL,
    source    VARCHAR(64) NOT NULL,
    action    VARCHAR(200) NOT NULL,
    detail    VARCHAR(1000) NOT NULL,
    status    INT NOT NULL,
    outcome   VARCHAR(500)
);
CREATE INDEX audit_log_at ON audit_log (at_ms);
CREATE INDEX audit_log_refusals ON audit_log (action, at_ms);

-- Console sign-ins, so that any node knows a signed-in person. The cookie holds a random secret; only its
-- SHA-256 is stored. The CSRF token of the forms belongs to the sign-in.
CREATE TABLE console_session (
    secret_sha256 VARCHAR(64) PRIMARY KEY,
    user_name     VARCHAR(64) NOT NULL,
    csrf_token    VARCHAR(64) NOT NULL,
    created_ms    BIGINT NOT NULL,
    last_used_ms  BIGINT NOT NULL
);
CREATE INDEX console_session_used ON console_session (last_used_ms);
