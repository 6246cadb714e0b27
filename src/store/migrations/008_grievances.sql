-- Interviews and grievances as records: what was discussed at the 期首面談 and 期末面談
-- (by the first evaluator, read by the evaluatee), the review board's decision on a
-- formal complaint (苦情処理: the evaluatee's appeal after disclosure), and the HR office's
-- register of informal consultations (苦情相談).
ALTER TABLE evaluations ADD COLUMN start_interview_note TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN end_interview_note TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN board_decision TEXT
    CHECK (board_decision IN ('upheld','partly_upheld','dismissed'));
ALTER TABLE evaluations ADD COLUMN board_decided_on TEXT;
CREATE INDEX evaluations_appealed ON evaluations(response_on) WHERE response = 'appealed';

CREATE TABLE grievance_consultations (
    id            INTEGER PRIMARY KEY,
    staff_id      INTEGER NOT NULL REFERENCES staff(id),
    consulted_on  TEXT NOT NULL,
    counsellor_id INTEGER REFERENCES staff(id),
    subject       TEXT NOT NULL,
    reply         TEXT NOT NULL DEFAULT '',
    ending        TEXT NOT NULL CHECK (ending IN ('ongoing','explained','resolved','complaint','withdrawn')),
    version       INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX grievance_consultations_on ON grievance_consultations(consulted_on);
CREATE INDEX grievance_consultations_staff ON grievance_consultations(staff_id, consulted_on);
