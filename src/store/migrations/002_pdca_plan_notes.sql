-- The Plan of a cycle carries what the previous cycle's Act decided to improve.
ALTER TABLE pdca_cycles ADD COLUMN plan_notes TEXT NOT NULL DEFAULT '';
