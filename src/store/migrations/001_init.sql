-- jinji schema v1. Dates are ISO text (YYYY-MM-DD), timestamps ISO text in UTC.
-- Every mutable row carries `version`; updates are `WHERE id=? AND version=?`.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id     INTEGER,
    before     TEXT,
    after      TEXT
) STRICT;
CREATE INDEX audit_log_row ON audit_log(table_name, row_id, id);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor, at);

CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    kana       TEXT NOT NULL DEFAULT '',
    parent_id  INTEGER REFERENCES units(id),
    kind       TEXT NOT NULL CHECK (kind IN ('office','department','section','team')),
    valid_from TEXT NOT NULL,
    valid_to   TEXT,
    version    INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX units_parent ON units(parent_id, code);

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    staff_no      TEXT NOT NULL UNIQUE,
    family_name   TEXT NOT NULL,
    given_name    TEXT NOT NULL,
    family_kana   TEXT NOT NULL,
    given_kana    TEXT NOT NULL,
    sex           TEXT NOT NULL CHECK (sex IN ('M','F','X')),
    birth_date    TEXT NOT NULL,
    hire_date     TEXT NOT NULL,
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    position      TEXT NOT NULL,
    grade         INTEGER NOT NULL,
    job_type      TEXT NOT NULL,
    track         TEXT NOT NULL CHECK (track IN ('generalist','specialist')),
    status        TEXT NOT NULL CHECK (status IN ('active','leave','seconded','retired')),
    retire_date   TEXT,
    supervisor_id INTEGER REFERENCES staff(id),
    email         TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX staff_unit ON staff(unit_id, status, staff_no);
CREATE INDEX staff_kana ON staff(family_kana, given_kana);
CREATE INDEX staff_supervisor ON staff(supervisor_id);
CREATE INDEX staff_hire ON staff(hire_date);

CREATE TABLE accounts (
    id         INTEGER PRIMARY KEY,
    login      TEXT NOT NULL UNIQUE,
    staff_id   INTEGER REFERENCES staff(id),
    role       TEXT NOT NULL CHECK (role IN ('admin','hr','supervisor','staff')),
    active     INTEGER NOT NULL DEFAULT 1,
    created_on TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX accounts_staff ON accounts(staff_id);

CREATE TABLE self_reports (
    id             INTEGER PRIMARY KEY,
    staff_id       INTEGER NOT NULL REFERENCES staff(id),
    fiscal_year    INTEGER NOT NULL,
    career_goal    TEXT NOT NULL DEFAULT '',
    wished_fields  TEXT NOT NULL DEFAULT '',
    transfer_wish  TEXT NOT NULL CHECK (transfer_wish IN ('stay','move','either')),
    wish_unit1_id  INTEGER REFERENCES units(id),
    wish_unit2_id  INTEGER REFERENCES units(id),
    wish_unit3_id  INTEGER REFERENCES units(id),
    promotion_exam INTEGER NOT NULL DEFAULT 0,
    self_dev_plan  TEXT NOT NULL DEFAULT '',
    submitted_on   TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (staff_id, fiscal_year)
) STRICT;
CREATE INDEX self_reports_fy ON self_reports(fiscal_year, submitted_on);

CREATE TABLE qualifications (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    name        TEXT NOT NULL,
    issuer      TEXT NOT NULL DEFAULT '',
    acquired_on TEXT NOT NULL,
    expires_on  TEXT,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX qualifications_staff ON qualifications(staff_id, acquired_on);
CREATE INDEX qualifications_expiry ON qualifications(expires_on);

CREATE TABLE career_interviews (
    id             INTEGER PRIMARY KEY,
    staff_id       INTEGER NOT NULL REFERENCES staff(id),
    held_on        TEXT NOT NULL,
    interviewer_id INTEGER REFERENCES staff(id),
    notes          TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX career_interviews_staff ON career_interviews(staff_id, held_on);

CREATE TABLE eval_periods (
    id          INTEGER PRIMARY KEY,
    fiscal_year INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('competency','performance')),
    term        TEXT NOT NULL CHECK (term IN ('full','h1','h2')),
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    base_date   TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (fiscal_year, kind, term)
) STRICT;

CREATE TABLE evaluations (
    id                 INTEGER PRIMARY KEY,
    period_id          INTEGER NOT NULL REFERENCES eval_periods(id),
    staff_id           INTEGER NOT NULL REFERENCES staff(id),
    evaluator1_id      INTEGER REFERENCES staff(id),
    evaluator2_id      INTEGER REFERENCES staff(id),
    state              TEXT NOT NULL CHECK (state IN ('draft','self_submitted','first_done','second_done','finalized','disclosed')),
    self_rating        TEXT,
    self_comment       TEXT NOT NULL DEFAULT '',
    first_rating       TEXT,
    first_comment      TEXT NOT NULL DEFAULT '',
    second_rating      TEXT,
    second_comment     TEXT NOT NULL DEFAULT '',
    grade              TEXT,
    start_interview_on TEXT,
    end_interview_on   TEXT,
    self_submitted_on  TEXT,
    first_done_on      TEXT,
    second_done_on     TEXT,
    finalized_on       TEXT,
    disclosed_on       TEXT,
    sent_back_reason   TEXT NOT NULL DEFAULT '',
    response           TEXT CHECK (response IN ('agreed','appealed')),
    response_on        TEXT,
    response_note      TEXT NOT NULL DEFAULT '',
    appeal_outcome     TEXT NOT NULL DEFAULT '',
    version            INTEGER NOT NULL DEFAULT 1,
    UNIQUE (period_id, staff_id)
) STRICT;
CREATE INDEX evaluations_staff ON evaluations(staff_id, period_id);
CREATE INDEX evaluations_ev1 ON evaluations(evaluator1_id, state);
CREATE INDEX evaluations_ev2 ON evaluations(evaluator2_id, state);
CREATE INDEX evaluations_state ON evaluations(period_id, state);

CREATE TABLE themes (
    id                INTEGER PRIMARY KEY,
    staff_id          INTEGER NOT NULL REFERENCES staff(id),
    fiscal_year       INTEGER NOT NULL,
    title             TEXT NOT NULL,
    target            TEXT NOT NULL,
    difficulty        INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 3),
    weight            INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100),
    progress          INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    midterm_report    TEXT NOT NULL DEFAULT '',
    midterm_on        TEXT,
    result            TEXT NOT NULL DEFAULT '',
    achievement       INTEGER CHECK (achievement BETWEEN 0 AND 100),
    self_assessment   TEXT NOT NULL DEFAULT '',
    evaluator_comment TEXT NOT NULL DEFAULT '',
    version           INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX themes_staff ON themes(staff_id, fiscal_year);
CREATE INDEX themes_fy ON themes(fiscal_year);

CREATE TABLE assignments (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    position   TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT,
    reason     TEXT NOT NULL CHECK (reason IN ('hire','transfer','promotion','secondment','dispatch')),
    note       TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX assignments_staff ON assignments(staff_id, start_date);
CREATE INDEX assignments_unit ON assignments(unit_id, end_date);

CREATE TABLE courses (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    title    TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('language','secondment','power_up','self_development','rank_based','compliance','ojt')),
    hours    REAL NOT NULL,
    provider TEXT NOT NULL DEFAULT '',
    since    TEXT NOT NULL,
    until    TEXT,
    version  INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX courses_category ON courses(category, code);

CREATE TABLE course_requirements (
    id        INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    position  TEXT NOT NULL,
    version   INTEGER NOT NULL DEFAULT 1,
    UNIQUE (course_id, position)
) STRICT;
CREATE INDEX course_requirements_position ON course_requirements(position);

CREATE TABLE training_sessions (
    id          INTEGER PRIMARY KEY,
    course_id   INTEGER NOT NULL REFERENCES courses(id),
    fiscal_year INTEGER NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    place       TEXT NOT NULL DEFAULT '',
    capacity    INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX training_sessions_course ON training_sessions(course_id, starts_on);
CREATE INDEX training_sessions_fy ON training_sessions(fiscal_year, starts_on);

CREATE TABLE enrolments (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES training_sessions(id),
    staff_id     INTEGER NOT NULL REFERENCES staff(id),
    state        TEXT NOT NULL CHECK (state IN ('applied','approved','attended','absent','completed','cancelled')),
    hours        REAL NOT NULL DEFAULT 0,
    applied_on   TEXT NOT NULL,
    completed_on TEXT,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (session_id, staff_id)
) STRICT;
CREATE INDEX enrolments_staff ON enrolments(staff_id, state);

CREATE TABLE ojt_pairs (
    id          INTEGER PRIMARY KEY,
    mentor_id   INTEGER NOT NULL REFERENCES staff(id),
    mentee_id   INTEGER NOT NULL REFERENCES staff(id),
    fiscal_year INTEGER NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    goal        TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    CHECK (mentor_id <> mentee_id)
) STRICT;
CREATE INDEX ojt_pairs_mentor ON ojt_pairs(mentor_id, fiscal_year);
CREATE INDEX ojt_pairs_mentee ON ojt_pairs(mentee_id, fiscal_year);
CREATE INDEX ojt_pairs_fy ON ojt_pairs(fiscal_year);

CREATE TABLE ojt_logs (
    id         INTEGER PRIMARY KEY,
    pair_id    INTEGER NOT NULL REFERENCES ojt_pairs(id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES staff(id),
    logged_on  TEXT NOT NULL,
    body       TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX ojt_logs_pair ON ojt_logs(pair_id, logged_on);

CREATE TABLE awards (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('merit','proposal','good_deed','long_service_10','long_service_20','long_service_30')),
    fiscal_year  INTEGER NOT NULL,
    title        TEXT NOT NULL,
    achievement  TEXT NOT NULL DEFAULT '',
    group_name   TEXT NOT NULL DEFAULT '',
    unit_id      INTEGER REFERENCES units(id),
    state        TEXT NOT NULL CHECK (state IN ('nominated','in_review','awarded','declined')),
    nominated_on TEXT NOT NULL,
    nominated_by INTEGER REFERENCES staff(id),
    decided_on   TEXT,
    decided_by   INTEGER REFERENCES staff(id),
    awarded_on   TEXT,
    version      INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX awards_fy ON awards(fiscal_year, kind);
CREATE INDEX awards_unit ON awards(unit_id, fiscal_year);

CREATE TABLE award_recipients (
    id       INTEGER PRIMARY KEY,
    award_id INTEGER NOT NULL REFERENCES awards(id) ON DELETE CASCADE,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    version   INTEGER NOT NULL DEFAULT 1,
    UNIQUE (award_id, staff_id)
) STRICT;
CREATE INDEX award_recipients_staff ON award_recipients(staff_id);

CREATE TABLE compliance_records (
    id                INTEGER PRIMARY KEY,
    staff_id          INTEGER NOT NULL REFERENCES staff(id),
    fiscal_year       INTEGER NOT NULL,
    due_on            TEXT NOT NULL,
    training_done_on  TEXT,
    self_check_done_on TEXT,
    version           INTEGER NOT NULL DEFAULT 1,
    UNIQUE (staff_id, fiscal_year)
) STRICT;
CREATE INDEX compliance_fy ON compliance_records(fiscal_year, due_on);

CREATE TABLE incidents (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('whistleblowing','harassment','information','accounting','traffic','other')),
    occurred_on TEXT NOT NULL,
    reported_on TEXT NOT NULL,
    unit_id     INTEGER REFERENCES units(id),
    staff_id    INTEGER REFERENCES staff(id),
    summary     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open','investigating','closed')),
    outcome     TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX incidents_reported ON incidents(reported_on);

CREATE TABLE pdca_cycles (
    id             INTEGER PRIMARY KEY,
    owner_staff_id INTEGER REFERENCES staff(id),
    owner_unit_id  INTEGER REFERENCES units(id),
    fiscal_year    INTEGER NOT NULL,
    title          TEXT NOT NULL,
    goal           TEXT NOT NULL DEFAULT '',
    metric         TEXT NOT NULL DEFAULT '',
    metric_unit    TEXT NOT NULL DEFAULT '',
    lower_is_better INTEGER NOT NULL DEFAULT 0,
    baseline       REAL,
    target         REAL,
    result         REAL,
    improvements   TEXT NOT NULL DEFAULT '',
    phase          TEXT NOT NULL CHECK (phase IN ('plan','do','check','act','closed')),
    prev_id        INTEGER REFERENCES pdca_cycles(id),
    progress       INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    version        INTEGER NOT NULL DEFAULT 1,
    CHECK ((owner_staff_id IS NULL) <> (owner_unit_id IS NULL))
) STRICT;
CREATE INDEX pdca_owner_staff ON pdca_cycles(owner_staff_id, fiscal_year);
CREATE INDEX pdca_owner_unit ON pdca_cycles(owner_unit_id, fiscal_year);
CREATE INDEX pdca_prev ON pdca_cycles(prev_id);
CREATE INDEX pdca_fy ON pdca_cycles(fiscal_year, phase);

CREATE TABLE pdca_actions (
    id          INTEGER PRIMARY KEY,
    cycle_id    INTEGER NOT NULL REFERENCES pdca_cycles(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    done_on     TEXT,
    progress    INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX pdca_actions_cycle ON pdca_actions(cycle_id, due_on);

CREATE TABLE pdca_checkins (
    id        INTEGER PRIMARY KEY,
    cycle_id  INTEGER NOT NULL REFERENCES pdca_cycles(id) ON DELETE CASCADE,
    on_date   TEXT NOT NULL,
    note      TEXT NOT NULL,
    version   INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX pdca_checkins_cycle ON pdca_checkins(cycle_id, on_date);

CREATE TABLE pdca_reviews (
    id          INTEGER PRIMARY KEY,
    cycle_id    INTEGER NOT NULL REFERENCES pdca_cycles(id) ON DELETE CASCADE,
    reviewer_id INTEGER NOT NULL REFERENCES staff(id),
    reviewed_on TEXT NOT NULL,
    comment     TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX pdca_reviews_cycle ON pdca_reviews(cycle_id, reviewed_on);

CREATE TABLE surveys (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    conducted_on TEXT NOT NULL,
    topic       TEXT NOT NULL,
    score       REAL NOT NULL,
    responses   INTEGER NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX surveys_unit ON surveys(unit_id, conducted_on);

CREATE TABLE pdca_evidence (
    id        INTEGER PRIMARY KEY,
    cycle_id  INTEGER NOT NULL REFERENCES pdca_cycles(id) ON DELETE CASCADE,
    survey_id INTEGER NOT NULL REFERENCES surveys(id),
    version   INTEGER NOT NULL DEFAULT 1,
    UNIQUE (cycle_id, survey_id)
) STRICT;
