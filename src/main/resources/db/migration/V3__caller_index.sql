-- Offering a call looks for a live call of the same caller coming back to the IVR (TelephonyPort): by ANI
-- and DNIS, through this index, instead of reading every live call under the routing lock.
CREATE INDEX ivr_call_caller ON ivr_call (ani, dnis);
