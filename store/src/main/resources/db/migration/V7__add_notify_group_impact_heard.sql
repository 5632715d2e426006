-- How many of an incident's impacted subjects (its downstream impact, in the order they joined) a
-- channel has been told about, so a subject that joins later goes out as a short update.
-- Null for groups written before this column: their past impact is taken as heard.
ALTER TABLE notify_group ADD COLUMN impact_heard INTEGER;
