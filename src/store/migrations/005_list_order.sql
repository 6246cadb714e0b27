-- Lists read in the order they are sorted by, so a window of a city's rows is found
-- without sorting a year of them.
-- Interviews, newest or oldest first.
CREATE INDEX career_interviews_held ON career_interviews(held_on);
-- Long tenure: current posts by the day they began.
CREATE INDEX assignments_current_start ON assignments(start_date) WHERE end_date IS NULL;
-- OJT logs by day.
CREATE INDEX ojt_logs_logged ON ojt_logs(logged_on);
-- Enrolments by person: the year of each found from the index alone.
CREATE INDEX enrolments_staff_session ON enrolments(staff_id, session_id);
-- The planner's figures (rows per table, selectivity of each index), sampled, so that a
-- section's rows are found through the person and not by reading a year of the city.
PRAGMA analysis_limit = 1000;
ANALYZE;
