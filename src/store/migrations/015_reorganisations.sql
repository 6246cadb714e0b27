-- Reorganisations (組織改正): a unit's past versions, and plans of steps that change the
-- tree on a day.

-- A version of a unit that has ended: what its name, reading, parent and kind were from
-- `valid_from` (NULL: since before the records) up to the day before `valid_to`. The
-- `units` row holds the version in force, so every list that joins units for today's
-- name stays as fast; a list of history reads the version of a post's day through the
-- index on (unit_id, valid_to).
CREATE TABLE unit_versions (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    name       TEXT NOT NULL,
    kana       TEXT NOT NULL DEFAULT '',
    parent_id  INTEGER REFERENCES units(id),
    kind       TEXT NOT NULL CHECK (kind IN ('office','department','section','team')),
    valid_from TEXT,
    valid_to   TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX unit_versions_unit ON unit_versions(unit_id, valid_to);

CREATE TABLE reorg_plans (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    effective_on TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('draft','applied','discarded')),
    note         TEXT NOT NULL DEFAULT '',
    applied_on   TEXT,
    version      INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX reorg_plans_state ON reorg_plans(state, effective_on);

-- One step of a plan, applied in `seq` order. Units are named by code: a step may name
-- a unit an earlier step of the same plan creates.
--   create  unit_code (new), name, kana, parent_code
--   rename  unit_code, name, kana
--   move    unit_code, parent_code
--   merge   unit_code (abolished) into other_code
--   split   unit_code (new) out of other_code, name, kana (parent_code, else other's)
--   abolish unit_code, its people to other_code
--   place   staff_id to unit_code (a person listed: before a merge, split or abolition)
CREATE TABLE reorg_steps (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES reorg_plans(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('create','rename','move','merge','split','abolish','place')),
    unit_code   TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    kana        TEXT NOT NULL DEFAULT '',
    parent_code TEXT NOT NULL DEFAULT '',
    other_code  TEXT NOT NULL DEFAULT '',
    staff_id    INTEGER REFERENCES staff(id),
    note        TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX reorg_steps_plan ON reorg_steps(plan_id, seq);
