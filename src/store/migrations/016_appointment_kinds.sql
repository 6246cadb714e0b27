-- 発令 of the posts held beside a main one (兼務・事務取扱・事務代理) and of their end,
-- each tied to the post it began or ended, so that correcting a mistyped post corrects
-- its 発令; and 定年により退職. SQLite widens a CHECK by rebuilding the table.
CREATE TABLE appointments_new (
    id            INTEGER PRIMARY KEY,
    staff_id      INTEGER NOT NULL REFERENCES staff(id),
    issued_on     TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('hire','transfer','promotion','head_of','grade',
                      'concurrent','acting_duties','deputy','release','secondment',
                      'retirement')),
    unit_id       INTEGER REFERENCES units(id),
    position      TEXT,
    text          TEXT NOT NULL,
    plan_id       INTEGER REFERENCES transfer_plans(id),
    assignment_id INTEGER REFERENCES assignments(id),
    version       INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO appointments_new (id, staff_id, issued_on, kind, unit_id, position, text, plan_id,
                              version)
SELECT id, staff_id, issued_on, kind, unit_id, position, text, plan_id, version
FROM appointments;
DROP TABLE appointments;
ALTER TABLE appointments_new RENAME TO appointments;
CREATE INDEX appointments_staff ON appointments(staff_id, issued_on);
CREATE INDEX appointments_day ON appointments(issued_on);
CREATE INDEX appointments_post ON appointments(assignment_id) WHERE assignment_id IS NOT NULL;
