-- The April transfer round (定期人事異動): plans of moves drafted, compared, discarded
-- or applied on their effective date.
CREATE TABLE transfer_plans (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    effective_on TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('draft','applied','discarded')),
    note         TEXT NOT NULL DEFAULT '',
    applied_on   TEXT,
    version      INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX transfer_plans_state ON transfer_plans(state, effective_on);

CREATE TABLE transfer_moves (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES transfer_plans(id) ON DELETE CASCADE,
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    to_unit_id  INTEGER NOT NULL REFERENCES units(id),
    to_position TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('hire','transfer','promotion','secondment','dispatch')),
    note        TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (plan_id, staff_id)
) STRICT;
CREATE INDEX transfer_moves_staff ON transfer_moves(staff_id);
