-- A transfer round that checks itself (issue 20, part 4): the grade a move sets with its
-- position, the plan's 内示日, the ward's table of the units each job type works in, and
-- the 発令 issued (辞令), their sentences kept as issued.
ALTER TABLE transfer_moves ADD COLUMN to_grade INTEGER
    CHECK (to_grade IS NULL OR to_grade BETWEEN 1 AND 10);
ALTER TABLE transfer_plans ADD COLUMN announced_on TEXT;

-- "This job type works in this unit's subtree"; a job type with no row fits anywhere.
CREATE TABLE job_fits (
    id       INTEGER PRIMARY KEY,
    job_type TEXT NOT NULL,
    unit_id  INTEGER NOT NULL REFERENCES units(id),
    version  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (job_type, unit_id)
) STRICT;

CREATE TABLE appointments (
    id        INTEGER PRIMARY KEY,
    staff_id  INTEGER NOT NULL REFERENCES staff(id),
    issued_on TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('hire','transfer','promotion','head_of','grade',
                  'concurrent','secondment','retirement')),
    unit_id   INTEGER REFERENCES units(id),
    position  TEXT,
    text      TEXT NOT NULL,
    plan_id   INTEGER REFERENCES transfer_plans(id),
    version   INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX appointments_staff ON appointments(staff_id, issued_on);
CREATE INDEX appointments_day ON appointments(issued_on);
