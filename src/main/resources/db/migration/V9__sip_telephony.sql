-- SIP telephony through Kamailio (docs/TELEPHONY.md).

-- Phones registered with Kamailio (agents' phones, IVR ports). With a SIP connector configured, an agent
-- whose device has no live registration is offered no call.
CREATE TABLE device_registration (
    device      VARCHAR(80) PRIMARY KEY,
    expires_ms  BIGINT NOT NULL
);

-- Every SIP call leg the connector reported to the core: the contact-center call it belongs to, the INVITE
-- transaction Kamailio keeps suspended for it while the gateway routes it (t_index, t_label), and its
-- dialog once answered (h_entry, h_id: what dlg.end_dlg takes). Kept in the database so that any gateway
-- node connected to Kamailio can relay or end the call.
CREATE TABLE sip_leg (
    sip_call_id VARCHAR(255) PRIMARY KEY,
    call_id     VARCHAR(18) NOT NULL,
    kind        VARCHAR(8) NOT NULL,
    state       VARCHAR(10) NOT NULL,
    t_index     BIGINT,
    t_label     BIGINT,
    h_entry     BIGINT,
    h_id        BIGINT,
    created_ms  BIGINT NOT NULL,
    updated_ms  BIGINT NOT NULL
);
CREATE INDEX sip_leg_call ON sip_leg (call_id);
