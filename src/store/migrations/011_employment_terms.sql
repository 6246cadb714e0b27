-- The terms of an appointment (任期, 更新回数), a recorded exception to the post age
-- limit (特例任用), and the 定年退職日 derived from the birth date (written with every
-- staff row, see store::staff), so that each appointment worklist is a window on an index.
ALTER TABLE staff ADD COLUMN term_start TEXT;
ALTER TABLE staff ADD COLUMN term_end TEXT;
ALTER TABLE staff ADD COLUMN renewals INTEGER NOT NULL DEFAULT 0 CHECK (renewals >= 0);
ALTER TABLE staff ADD COLUMN post_limit_exception TEXT;
ALTER TABLE staff ADD COLUMN retirement_date TEXT;
-- Rows written before: domain::retirement::retirement_date by cohort (born Y-04-02 to
-- Y+1-04-01), for the kinds that end at 定年.
UPDATE staff SET retirement_date = (
    SELECT printf('%04d-03-31', CASE
        WHEN c <= 1961 THEN c + 61
        WHEN c = 1962 THEN 2024
        WHEN c = 1963 THEN 2025
        WHEN c = 1964 THEN 2027
        WHEN c = 1965 THEN 2029
        WHEN c = 1966 THEN 2031
        ELSE c + 66 END)
    FROM (SELECT CAST(substr(birth_date, 1, 4) AS INTEGER)
                 - (substr(birth_date, 6, 5) <= '04-01') AS c))
WHERE employment_kind IN ('regular', 'pre_retirement_short');
CREATE INDEX staff_retirement ON staff(retirement_date, birth_date);
CREATE INDEX staff_birth ON staff(birth_date);
CREATE INDEX staff_term_end ON staff(term_end);
