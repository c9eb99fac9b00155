-- Offering a call looks for a live call of the same caller coming back to the IVR (TelephonyPort): by ANI
-- and DNIS, through this index, instead of reading every live call under the routing lock.
CREATE INDEX ivr_call_caller ON ivr_call (ani, dnis);

-- Routing reads the head of the queue in routing order (Router.dispatch): through this index it reads those
-- rows only, instead of scanning and sorting every call the table holds.
CREATE INDEX ivr_call_routing_order ON ivr_call (status, priority DESC, queued_ms, call_id);
