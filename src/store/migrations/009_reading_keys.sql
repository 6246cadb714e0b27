-- Romaji as people type it: each person's reading folded (domain::reading::fold) so that
-- every spelling of it finds them (ota, oota, ohta and ōta; kenichi and kennichi), for the
-- full reading and for the given name, each searched by prefix through its index like the
-- readings themselves. The store writes both keys with every staff row; this step's hook
-- fills them for the rows already kept.
ALTER TABLE staff ADD COLUMN reading_key TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN given_key TEXT NOT NULL DEFAULT '';
CREATE INDEX staff_reading_key ON staff(reading_key, status, staff_no);
CREATE INDEX staff_given_key ON staff(given_key, status, staff_no);
