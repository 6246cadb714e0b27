-- Promotion selection (昇任選考): the kinds the ward holds, each with who may sit it;
-- each fiscal year's round of a kind; and each person's entry — application, scores,
-- result, and the day their pass stops standing on the 合格者名簿.
CREATE TABLE exam_kinds (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    to_position     TEXT NOT NULL,
    to_grade        INTEGER NOT NULL,
    from_position   TEXT NOT NULL,
    min_years       INTEGER NOT NULL DEFAULT 0,
    min_age         INTEGER,
    max_age         INTEGER,
    employment_kind TEXT,
    eval_count      INTEGER NOT NULL DEFAULT 2,
    eval_floor      TEXT NOT NULL DEFAULT 'B' CHECK (eval_floor IN ('S','A','B','C','D')),
    pool_years      INTEGER NOT NULL DEFAULT 1,
    version         INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE exams (
    id                 INTEGER PRIMARY KEY,
    kind_id            INTEGER NOT NULL REFERENCES exam_kinds(id),
    fiscal_year        INTEGER NOT NULL,
    base_date          TEXT NOT NULL,
    applications_close TEXT NOT NULL,
    held_on            TEXT NOT NULL,
    announced_on       TEXT,
    state              TEXT NOT NULL CHECK (state IN ('open','closed','announced')),
    note               TEXT NOT NULL DEFAULT '',
    version            INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kind_id, fiscal_year)
) STRICT;
CREATE INDEX exams_fy ON exams(fiscal_year, kind_id);

CREATE TABLE exam_entries (
    id          INTEGER PRIMARY KEY,
    exam_id     INTEGER NOT NULL REFERENCES exams(id) ON DELETE CASCADE,
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    applied_on  TEXT NOT NULL,
    applied_via TEXT NOT NULL CHECK (applied_via IN ('self_report','person','hr')),
    written     INTEGER,
    essay       INTEGER,
    interview   INTEGER,
    result      TEXT NOT NULL CHECK (result IN ('applied','passed','failed','withdrawn','absent')),
    pool_until  TEXT,
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (exam_id, staff_id)
) STRICT;
CREATE INDEX exam_entries_staff ON exam_entries(staff_id, exam_id);
CREATE INDEX exam_entries_pool ON exam_entries(pool_until) WHERE pool_until IS NOT NULL;

-- A person's last finalized 能力評価, newest first, read down the periods in their order
-- (who may sit a round is decided by them; a city's eligibility reads them for everyone).
CREATE INDEX eval_periods_kind_end ON eval_periods(kind, end_date);

-- The selections most wards hold, as a start the ward edits.
INSERT INTO exam_kinds (code, name, to_position, to_grade, from_position, min_years, min_age,
                        max_age, employment_kind, eval_count, eval_floor, pool_years)
VALUES ('senior', '主任選考', 'senior', 3, 'clerk', 4, NULL, NULL, 'regular', 2, 'B', 1),
       ('team_chief', '係長選考', 'team_chief', 4, 'senior', 3, NULL, NULL, 'regular', 2, 'B', 1),
       ('manager', '管理職選考', 'section_chief', 6, 'team_chief', 2, NULL, 55, 'regular', 2, 'B', 2);
