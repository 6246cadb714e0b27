-- Records that could not be entered, or disagreed (issue 17, item 7).
-- Runs with foreign keys off (tables are rebuilt); the step checks them before it commits.

-- A unit list from another system has no founding date: NULL means "since before the
-- records". SQLite cannot drop NOT NULL in place, so the table is rebuilt.
CREATE TABLE units_new (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    kana       TEXT NOT NULL DEFAULT '',
    parent_id  INTEGER REFERENCES units(id),
    kind       TEXT NOT NULL CHECK (kind IN ('office','department','section','team')),
    valid_from TEXT,
    valid_to   TEXT,
    version    INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO units_new (id, code, name, kana, parent_id, kind, valid_from, valid_to, version)
    SELECT id, code, name, kana, parent_id, kind, valid_from, valid_to, version FROM units;
DROP TABLE units;
ALTER TABLE units_new RENAME TO units;
CREATE INDEX units_parent ON units(parent_id, code);

-- A required course has a period: every fiscal year, once within some months of taking
-- up the position (hire or promotion), or once.
CREATE TABLE course_requirements_new (
    id        INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    position  TEXT NOT NULL,
    period    TEXT NOT NULL DEFAULT 'once'
              CHECK (period IN ('every_year','within_months','once')),
    months    INTEGER CHECK (months BETWEEN 1 AND 120),
    version   INTEGER NOT NULL DEFAULT 1,
    UNIQUE (course_id, position),
    CHECK ((period = 'within_months') = (months IS NOT NULL))
) STRICT;
-- What the catalogue's categories mean: compliance every year, a rank's course within a
-- year of taking up the rank, anything else once.
INSERT INTO course_requirements_new (id, course_id, position, period, months, version)
    SELECT q.id, q.course_id, q.position,
           CASE c.category WHEN 'compliance' THEN 'every_year'
                           WHEN 'rank_based' THEN 'within_months' ELSE 'once' END,
           CASE c.category WHEN 'rank_based' THEN 12 END,
           q.version
    FROM course_requirements q JOIN courses c ON c.id = q.course_id;
DROP TABLE course_requirements;
ALTER TABLE course_requirements_new RENAME TO course_requirements;
CREATE INDEX course_requirements_position ON course_requirements(position);

-- The year's compliance training was written twice: on the compliance record and as an
-- enrolment in the compliance course, and the two disagreed. From now on it is the
-- enrolment alone (a compliance course required every year, completed in the year); a
-- date kept only on a compliance record becomes such an enrolment, so nothing is lost.
CREATE TEMP TABLE kept_training AS
    SELECT r.staff_id, r.fiscal_year, r.training_done_on AS done_on
    FROM compliance_records r
    WHERE r.training_done_on IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM enrolments e JOIN training_sessions ts ON ts.id = e.session_id
        JOIN course_requirements q ON q.course_id = ts.course_id AND q.period = 'every_year'
        JOIN courses c ON c.id = ts.course_id AND c.category = 'compliance'
        WHERE e.staff_id = r.staff_id AND e.state = 'completed'
          AND ts.fiscal_year = r.fiscal_year);

-- The course they stand for: the first compliance course required every year, else a new
-- one required every year of every position held.
INSERT OR IGNORE INTO courses (code, title, category, hours, provider, since)
    SELECT 'CMPYEAR', 'コンプライアンス研修', 'compliance', 0, '',
           printf('%04d-04-01', min(fiscal_year))
    FROM kept_training
    HAVING count(*) > 0 AND NOT EXISTS (
        SELECT 1 FROM courses c JOIN course_requirements q ON q.course_id = c.id
        WHERE c.category = 'compliance' AND q.period = 'every_year');
INSERT INTO course_requirements (course_id, position, period)
    SELECT DISTINCT c.id, s.position, 'every_year'
    FROM courses c, staff s
    WHERE c.code = 'CMPYEAR' AND c.category = 'compliance'
      AND NOT EXISTS (SELECT 1 FROM course_requirements q WHERE q.course_id = c.id);
CREATE TEMP TABLE kept_course AS
    SELECT c.id, c.hours FROM courses c JOIN course_requirements q ON q.course_id = c.id
    WHERE c.category = 'compliance' AND q.period = 'every_year'
    ORDER BY c.code LIMIT 1;

-- One session a year for them, the whole fiscal year long.
INSERT INTO training_sessions (course_id, fiscal_year, starts_on, ends_on, place, capacity)
    SELECT (SELECT id FROM kept_course), k.fiscal_year,
           printf('%04d-04-01', k.fiscal_year), printf('%04d-03-31', k.fiscal_year + 1),
           '', max(count(*), 1)
    FROM kept_training k GROUP BY k.fiscal_year;
INSERT INTO enrolments (session_id, staff_id, state, hours, applied_on, completed_on)
    SELECT (SELECT max(ts.id) FROM training_sessions ts
             WHERE ts.course_id = (SELECT id FROM kept_course)
               AND ts.fiscal_year = k.fiscal_year
               AND ts.starts_on = printf('%04d-04-01', k.fiscal_year)),
           k.staff_id, 'completed', (SELECT hours FROM kept_course), k.done_on, k.done_on
    FROM kept_training k;
INSERT INTO audit_log (at, actor, action, table_name, row_id, before, after)
    SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'system', 'migrate', 'enrolments', NULL,
           NULL, json_object('compliance_training_kept', count(*))
    FROM kept_training HAVING count(*) > 0;
DROP TABLE kept_training;
DROP TABLE kept_course;

ALTER TABLE compliance_records DROP COLUMN training_done_on;

-- Citizen surveys are a list of their own now, newest first; and the cycles citing one are
-- found without reading every citation (also when a survey is deleted).
CREATE INDEX surveys_conducted ON surveys(conducted_on);
CREATE INDEX pdca_evidence_survey ON pdca_evidence(survey_id);
