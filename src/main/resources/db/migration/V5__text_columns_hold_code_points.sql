-- Text that callers send is limited in characters (Unicode code points) by the guide's tables, and the
-- gateway counts it that way (api.StoredText). PostgreSQL's VARCHAR(n) counts code points too, but H2's
-- counts UTF-16 units, in which a character outside the Basic Multilingual Plane (an emoji, many CJK
-- ideographs) takes two: 65 emoji in SetContactData's 128-character Value did not fit. Each column that
-- holds caller text is widened to twice its characters, which holds that many code points on both
-- databases; the limits themselves stay in the code (docs/VXML.md, "Text values").

ALTER TABLE api_session ALTER COLUMN ani SET DATA TYPE VARCHAR(160);
ALTER TABLE api_session ALTER COLUMN dnis SET DATA TYPE VARCHAR(160);

ALTER TABLE ivr_call ALTER COLUMN ani SET DATA TYPE VARCHAR(160);
ALTER TABLE ivr_call ALTER COLUMN dnis SET DATA TYPE VARCHAR(160);
ALTER TABLE ivr_call ALTER COLUMN extension SET DATA TYPE VARCHAR(160);
ALTER TABLE ivr_call ALTER COLUMN description SET DATA TYPE VARCHAR(200);
ALTER TABLE ivr_call ALTER COLUMN display SET DATA TYPE VARCHAR(480);

ALTER TABLE contact_data ALTER COLUMN data_key SET DATA TYPE VARCHAR(64);
ALTER TABLE contact_data ALTER COLUMN data_value SET DATA TYPE VARCHAR(256);

ALTER TABLE switch_event ALTER COLUMN destination SET DATA TYPE VARCHAR(160);
ALTER TABLE switch_event ALTER COLUMN detail SET DATA TYPE VARCHAR(1000);

ALTER TABLE queue_visit ALTER COLUMN ani SET DATA TYPE VARCHAR(160);
ALTER TABLE queue_visit ALTER COLUMN dnis SET DATA TYPE VARCHAR(160);

ALTER TABLE callback ALTER COLUMN description SET DATA TYPE VARCHAR(200);
ALTER TABLE callback ALTER COLUMN contact_name SET DATA TYPE VARCHAR(160);

-- A switch's call identity (V4), kept up to 255 characters.
ALTER TABLE ivr_call ALTER COLUMN switch_call_id SET DATA TYPE VARCHAR(510);
