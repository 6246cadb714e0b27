-- Leave and absence as periods (休職・休業): a kind, a first day, a last day (or none yet).
-- A person's status follows from their leaves; the staff row keeps a copy.
CREATE TABLE leaves (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    kind        TEXT NOT NULL CHECK (kind IN ('childcare_leave','partial_leave',
        'childcare_short_hours','family_care_leave','sick_leave','sick_suspension',
        'self_development_leave','spouse_accompany_leave','public_interest_dispatch',
        'union_full_time','suspension')),
    start_date  TEXT NOT NULL,
    end_date    TEXT CHECK (end_date IS NULL OR end_date >= start_date),
    note        TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
-- A person's leaves, by date.
CREATE INDEX leaves_staff ON leaves(staff_id, start_date);
-- Who is away on a day: the leaves not ended by then (few), then those begun by it.
CREATE INDEX leaves_end ON leaves(end_date, start_date);
-- The 休職・休業 list, newest first, a window at a time.
CREATE INDEX leaves_start ON leaves(start_date);

-- A file kept before leaves were periods knew only the status. Each such person gets an
-- open leave so that nothing is lost: 病気休職 for 'leave' (the 休職 a bare status most
-- often meant) and 公益的法人等への派遣 for 'seconded'. It starts on the first day of the
-- post they hold (else their hire): the latest day the file shows them as they are, so
-- the period claims no time in an earlier post where they may well have worked, and
-- nothing the file cannot know is invented. HR corrects the kind and the days on the
-- 休職・休業 list.
INSERT INTO leaves (staff_id, kind, start_date, end_date, note, version)
SELECT s.id,
       CASE s.status WHEN 'seconded' THEN 'public_interest_dispatch' ELSE 'sick_suspension' END,
       max(s.hire_date, coalesce((SELECT max(a.start_date) FROM assignments a
            WHERE a.staff_id = s.id AND a.end_date IS NULL), s.hire_date)),
       NULL, '', 1
  FROM staff s WHERE s.status IN ('leave', 'seconded');
