-- Posts (定数) per unit, fiscal year and class, and the kind of each assignment: one main
-- post (本務) at a time, and posts held beside it (兼務・事務取扱・事務代理).
CREATE TABLE unit_posts (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    fiscal_year INTEGER NOT NULL,
    class       TEXT NOT NULL
        CHECK (class IN ('director','section_chief','team_chief','general','fiscal_year')),
    count       INTEGER NOT NULL CHECK (count >= 0),
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (unit_id, fiscal_year, class)
) STRICT;
CREATE INDEX unit_posts_year ON unit_posts(fiscal_year, unit_id, class);

ALTER TABLE assignments ADD COLUMN kind TEXT NOT NULL DEFAULT 'main'
    CHECK (kind IN ('main','concurrent','acting_duties','deputy'));
-- 現員 as of a day: a unit's posts that began by then, read down one index.
CREATE INDEX assignments_unit_start ON assignments(unit_id, start_date);

-- Each post with the class of 定数 its holder counts against (`domain::post::counted_class`:
-- 会計年度任用 people against the unit's budget of them, others by position) and whether it
-- counts in 現員 (本務 always; 兼務 when the ward's rule `concurrent_counts` is 1).
CREATE VIEW post_fills AS
SELECT a.id, a.unit_id, a.staff_id, a.kind, a.position, a.start_date, a.end_date,
       s.status, s.retire_date,
       CASE WHEN s.employment_kind IN ('fiscal_year_full', 'fiscal_year_part') THEN 'fiscal_year'
            WHEN a.position = 'director' THEN 'director'
            WHEN a.position = 'section_chief' THEN 'section_chief'
            WHEN a.position IN ('deputy_chief', 'team_chief') THEN 'team_chief'
            ELSE 'general' END AS class,
       (a.kind = 'main' OR (a.kind = 'concurrent' AND EXISTS (SELECT 1 FROM settings
            WHERE key = 'concurrent_counts' AND value = '1'))) AS counted
FROM assignments a JOIN staff s ON s.id = a.staff_id;
