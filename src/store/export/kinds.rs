//! The exportable kinds: each one SQL query whose columns are its headers, with whose
//! rows they are (see `Access`). What a kind is made of is in `mod.rs`.

use super::{Access, ExportKind, person, unit};

/// Every kind, in the order `jinji export` lists them.
#[rustfmt::skip]
pub const KINDS: &[ExportKind] = &[
    ExportKind {
        name: "units",
        access: Access::Whole,
        headers: &[
            "unit_code", "name", "parent_code", "kind", "kana", "valid_from", "valid_to",
        ],
        sql: "SELECT u.code, u.name, p.code, u.kind, u.kana, u.valid_from, u.valid_to
              FROM units u LEFT JOIN units p ON p.id = u.parent_id
              ORDER BY u.code",
    },
    ExportKind {
        name: "staff",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "family_name", "given_name", "family_kana", "given_kana", "birth_date",
            "hire_date", "unit_code", "position", "grade", "job_type", "track", "status", "sex",
            "retire_date", "supervisor_staff_no", "email", "phone",
            "employment_kind", "weekly_hours", "term_start", "term_end", "renewals",
            "post_limit_exception", "retirement_date",
        ],
        sql: "SELECT s.staff_no, s.family_name, s.given_name, s.family_kana, s.given_kana,
                     s.birth_date, s.hire_date, u.code, s.position, s.grade, s.job_type, s.track,
                     s.status, s.sex, s.retire_date, sup.staff_no, s.email, s.phone,
                     s.employment_kind, s.weekly_hours, s.term_start, s.term_end, s.renewals,
                     s.post_limit_exception, s.retirement_date
              FROM staff s JOIN units u ON u.id = s.unit_id
              LEFT JOIN staff sup ON sup.id = s.supervisor_id
              WHERE ?SCOPE
              ORDER BY s.staff_no",
    },
    ExportKind {
        name: "accounts",
        access: Access::Admin,
        headers: &["login", "staff_no", "role", "active", "created_on"],
        sql: "SELECT a.login, s.staff_no, a.role, a.active, a.created_on
              FROM accounts a LEFT JOIN staff s ON s.id = a.staff_id
              ORDER BY a.login",
    },
    ExportKind {
        name: "self_reports",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "fiscal_year", "submitted", "transfer_wish", "wish_unit_1",
            "wish_unit_2", "wish_unit_3", "submitted_on", "promotion_exam", "career_goal",
            "wished_fields", "self_dev_plan",
        ],
        sql: "SELECT s.staff_no, r.fiscal_year, (r.submitted_on IS NOT NULL), r.transfer_wish,
                     w1.code, w2.code, w3.code, r.submitted_on, r.promotion_exam, r.career_goal,
                     r.wished_fields, r.self_dev_plan
              FROM self_reports r JOIN staff s ON s.id = r.staff_id
              LEFT JOIN units w1 ON w1.id = r.wish_unit1_id
              LEFT JOIN units w2 ON w2.id = r.wish_unit2_id
              LEFT JOIN units w3 ON w3.id = r.wish_unit3_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, r.fiscal_year",
    },
    ExportKind {
        name: "qualifications",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &["staff_no", "name", "acquired_on", "expires_on", "issuer"],
        sql: "SELECT s.staff_no, q.name, q.acquired_on, q.expires_on, q.issuer
              FROM qualifications q JOIN staff s ON s.id = q.staff_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, q.acquired_on, q.name, q.id",
    },
    ExportKind {
        name: "interviews",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &["staff_no", "held_on", "interviewer_staff_no", "notes"],
        sql: "SELECT s.staff_no, c.held_on, i.staff_no, c.notes
              FROM career_interviews c JOIN staff s ON s.id = c.staff_id
              LEFT JOIN staff i ON i.id = c.interviewer_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, c.held_on, c.id",
    },
    ExportKind {
        name: "evaluations",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "fiscal_year", "kind", "staff_no", "evaluator1_staff_no", "evaluator2_staff_no",
            "state", "grade", "term", "self_rating", "first_rating", "second_rating",
            "start_interview_on", "end_interview_on", "disclosed_on", "response",
        ],
        // Each stage as far as the reader may see it before disclosure.
        sql: "SELECT p.fiscal_year, p.kind, s.staff_no, e1.staff_no, e2.staff_no, e.state,
                     CASE WHEN {seen:final:e} THEN e.grade END, p.term,
                     CASE WHEN {seen:own:e} THEN e.self_rating END,
                     CASE WHEN {seen:first:e} THEN e.first_rating END,
                     CASE WHEN {seen:second:e} THEN e.second_rating END,
                     e.start_interview_on, e.end_interview_on, e.disclosed_on,
                     CASE WHEN {seen:response:e} THEN e.response END
              FROM evaluations e JOIN eval_periods p ON p.id = e.period_id
              JOIN staff s ON s.id = e.staff_id
              LEFT JOIN staff e1 ON e1.id = e.evaluator1_id
              LEFT JOIN staff e2 ON e2.id = e.evaluator2_id
              WHERE ?SCOPE
              ORDER BY p.fiscal_year, p.kind, p.term, s.staff_no",
    },
    ExportKind {
        name: "themes",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "fiscal_year", "title", "target", "difficulty", "weight", "progress",
            "achievement", "midterm_on",
        ],
        sql: "SELECT s.staff_no, t.fiscal_year, t.title, t.target, t.difficulty, t.weight,
                     t.progress, CASE WHEN {theme_seen:t} THEN t.achievement END, t.midterm_on
              FROM themes t JOIN staff s ON s.id = t.staff_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, t.fiscal_year, t.id",
    },
    ExportKind {
        name: "assignments",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "unit_code", "position", "start_date", "end_date", "reason", "kind",
        ],
        sql: "SELECT s.staff_no, u.code, a.position, a.start_date, a.end_date, a.reason, a.kind
              FROM assignments a JOIN staff s ON s.id = a.staff_id
              JOIN units u ON u.id = a.unit_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, a.start_date, a.id",
    },
    ExportKind {
        name: "courses",
        access: Access::Whole,
        headers: &[
            "course_code", "title", "category", "hours", "provider", "since", "until",
            "required_for", "required_when", "within_months",
        ],
        // required_for: position codes in rank order (most senior first), then code order;
        // when they are to take it, as the most senior position's requirement says (one
        // period a course, as the import reads it back).
        sql: "SELECT c.code, c.title, c.category, c.hours, c.provider, c.since, c.until,
                     (SELECT group_concat(r.position, ';' ORDER BY CASE r.position
                         WHEN 'director' THEN 0 WHEN 'section_chief' THEN 1
                         WHEN 'deputy_chief' THEN 2 WHEN 'team_chief' THEN 3
                         WHEN 'senior' THEN 4 ELSE 5 END, r.position)
                      FROM course_requirements r WHERE r.course_id = c.id),
                     q.period, q.months
              FROM courses c
              LEFT JOIN course_requirements q ON q.id = (
                  SELECT r.id FROM course_requirements r WHERE r.course_id = c.id
                  ORDER BY CASE r.position
                      WHEN 'director' THEN 0 WHEN 'section_chief' THEN 1
                      WHEN 'deputy_chief' THEN 2 WHEN 'team_chief' THEN 3
                      WHEN 'senior' THEN 4 ELSE 5 END, r.position LIMIT 1)
              ORDER BY c.code",
    },
    ExportKind {
        name: "sessions",
        access: Access::Whole,
        headers: &[
            "course_code", "fiscal_year", "starts_on", "ends_on", "place", "capacity",
            "enrolled",
        ],
        sql: "SELECT c.code, t.fiscal_year, t.starts_on, t.ends_on, t.place, t.capacity,
                     (SELECT count(*) FROM enrolments e
                      WHERE e.session_id = t.id AND e.state <> 'cancelled')
              FROM training_sessions t JOIN courses c ON c.id = t.course_id
              ORDER BY c.code, t.starts_on, t.id",
    },
    ExportKind {
        name: "enrolments",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "course_code", "fiscal_year", "state", "hours", "starts_on",
            "applied_on", "completed_on",
        ],
        sql: "SELECT s.staff_no, c.code, t.fiscal_year, e.state, e.hours, t.starts_on,
                     e.applied_on, e.completed_on
              FROM enrolments e JOIN staff s ON s.id = e.staff_id
              JOIN training_sessions t ON t.id = e.session_id
              JOIN courses c ON c.id = t.course_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, t.starts_on, c.code, e.id",
    },
    ExportKind {
        name: "ojt",
        access: Access::Owned(&[person("m.id", "m.unit_id"), person("n.id", "n.unit_id")]),
        headers: &[
            "mentor_staff_no", "mentee_staff_no", "start_date", "end_date", "fiscal_year",
            "goal", "logs",
        ],
        sql: "SELECT m.staff_no, n.staff_no, o.start_date, o.end_date, o.fiscal_year, o.goal,
                     (SELECT count(*) FROM ojt_logs l WHERE l.pair_id = o.id)
              FROM ojt_pairs o JOIN staff m ON m.id = o.mentor_id
              JOIN staff n ON n.id = o.mentee_id
              WHERE ?SCOPE
              ORDER BY o.fiscal_year, m.staff_no, n.staff_no, o.start_date, o.id",
    },
    ExportKind {
        name: "awards",
        access: Access::Owned(&[person("s.id", "s.unit_id"), unit("a.unit_id")]),
        headers: &[
            "id", "kind", "staff_no", "state", "decided_on", "fiscal_year", "title",
            "group_name", "unit_code", "nominated_on", "awarded_on",
        ],
        // One row per recipient; an award nobody has been named for yet gives one row.
        sql: "SELECT a.id, a.kind, s.staff_no, a.state, a.decided_on, a.fiscal_year, a.title,
                     a.group_name, u.code, a.nominated_on, a.awarded_on
              FROM awards a LEFT JOIN award_recipients r ON r.award_id = a.id
              LEFT JOIN staff s ON s.id = r.staff_id
              LEFT JOIN units u ON u.id = a.unit_id
              WHERE ?SCOPE
              ORDER BY a.id, s.staff_no",
    },
    ExportKind {
        name: "compliance",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "fiscal_year", "training_done", "self_check_done", "due_on",
            "training_done_on", "self_check_done_on",
        ],
        // The training is the year's completion of a compliance course (see
        // `training_rules`).
        sql: concat!(
            "SELECT staff_no, fiscal_year, (done IS NOT NULL), (self_check_done_on IS NOT NULL),
                    due_on, done, self_check_done_on
              FROM (SELECT s.staff_no, c.fiscal_year, c.due_on, c.self_check_done_on, ",
            crate::store::training_rules::compliance_training_done!("c"),
            " AS done
              FROM compliance_records c JOIN staff s ON s.id = c.staff_id
              WHERE ?SCOPE
              ) ORDER BY staff_no, fiscal_year"
        ),
    },
    // The 内示 list: each move of each plan, where the person is before it, where the
    // plan sends them, and what they wished for in the year before.
    ExportKind {
        name: "transfer_moves",
        access: Access::Hr,
        headers: &[
            "plan_id", "plan_name", "effective_on", "plan_state", "staff_no", "family_name",
            "given_name", "from_unit_code", "from_position", "to_unit_code", "to_unit_name",
            "to_position", "reason", "transfer_wish", "wish_unit_1", "wish_unit_2",
            "wish_unit_3", "note",
        ],
        sql: "SELECT p.id, p.name, p.effective_on, p.state, s.staff_no, s.family_name,
                     s.given_name, fu.code, fa.position, tu.code, tu.name, m.to_position,
                     m.reason, r.transfer_wish, w1.code, w2.code, w3.code, m.note
              FROM transfer_moves m JOIN transfer_plans p ON p.id = m.plan_id
              JOIN staff s ON s.id = m.staff_id
              JOIN units tu ON tu.id = m.to_unit_id
              LEFT JOIN assignments fa ON fa.id = (
                  SELECT a.id FROM assignments a WHERE a.staff_id = s.id
                  AND a.start_date < p.effective_on ORDER BY a.start_date DESC LIMIT 1)
              LEFT JOIN units fu ON fu.id = fa.unit_id
              LEFT JOIN self_reports r ON r.staff_id = s.id AND r.fiscal_year =
                  CAST(substr(p.effective_on, 1, 4) AS INTEGER)
                  - CASE WHEN substr(p.effective_on, 6, 2) < '04' THEN 2 ELSE 1 END
              LEFT JOIN units w1 ON w1.id = r.wish_unit1_id
              LEFT JOIN units w2 ON w2.id = r.wish_unit2_id
              LEFT JOIN units w3 ON w3.id = r.wish_unit3_id
              ORDER BY p.id, tu.code, s.staff_no, m.id",
    },
    ExportKind {
        name: "incidents",
        access: Access::Hr,
        headers: &[
            "id", "kind", "occurred_on", "reported_on", "unit_code", "staff_no", "status",
            "summary", "outcome",
        ],
        sql: "SELECT i.id, i.kind, i.occurred_on, i.reported_on, u.code, s.staff_no, i.status,
                     i.summary, i.outcome
              FROM incidents i LEFT JOIN units u ON u.id = i.unit_id
              LEFT JOIN staff s ON s.id = i.staff_id
              ORDER BY i.id",
    },
    ExportKind {
        name: "consultations",
        access: Access::Hr,
        headers: &[
            "id", "staff_no", "consulted_on", "counsellor_staff_no", "ending", "subject",
            "reply",
        ],
        sql: "SELECT g.id, s.staff_no, g.consulted_on, c.staff_no, g.ending, g.subject, g.reply
              FROM grievance_consultations g JOIN staff s ON s.id = g.staff_id
              LEFT JOIN staff c ON c.id = g.counsellor_id
              ORDER BY g.consulted_on, g.id",
    },
    ExportKind {
        name: "complaints",
        access: Access::Hr,
        headers: &[
            "fiscal_year", "kind", "staff_no", "response_on", "grounds", "board_decision",
            "board_decided_on", "outcome", "grade",
        ],
        sql: "SELECT p.fiscal_year, p.kind, s.staff_no, e.response_on, e.response_note,
                     e.board_decision, e.board_decided_on, e.appeal_outcome, e.grade
              FROM evaluations e JOIN eval_periods p ON p.id = e.period_id
              JOIN staff s ON s.id = e.staff_id
              WHERE e.response = 'appealed'
              ORDER BY p.fiscal_year, e.response_on, s.staff_no",
    },
    ExportKind {
        name: "pdca",
        access: Access::Owned(&[person("s.id", "s.unit_id"), unit("p.owner_unit_id")]),
        headers: &[
            "id", "owner_staff_no", "owner_unit_code", "fiscal_year", "phase", "prev_id",
            "progress", "title", "metric", "metric_unit", "baseline", "target", "result",
        ],
        sql: "SELECT p.id, s.staff_no, u.code, p.fiscal_year, p.phase, p.prev_id, p.progress,
                     p.title, p.metric, p.metric_unit, p.baseline, p.target, p.result
              FROM pdca_cycles p LEFT JOIN staff s ON s.id = p.owner_staff_id
              LEFT JOIN units u ON u.id = p.owner_unit_id
              WHERE ?SCOPE
              ORDER BY p.id",
    },
    ExportKind {
        name: "surveys",
        access: Access::Whole,
        headers: &["unit_code", "conducted_on", "topic", "score", "responses", "note"],
        sql: "SELECT u.code, v.conducted_on, v.topic, v.score, v.responses, v.note
              FROM surveys v JOIN units u ON u.id = v.unit_id
              ORDER BY u.code, v.conducted_on, v.topic, v.id",
    },
    super::placement::APPOINTMENTS,
    super::placement::JOB_FITS,
    super::placement::LEAVES,
    super::exams::EXAMS,
    super::exams::EXAM_RESULTS,
    ExportKind {
        name: "audit",
        access: Access::Admin,
        headers: &[
            "id", "at", "actor", "action", "table_name", "row_id", "before", "after",
        ],
        sql: "SELECT id, at, actor, action, table_name, row_id, \"before\", \"after\"
              FROM audit_log ORDER BY id",
    },
    super::placement::POSTS,
];

/// The kind named `name` (as typed on the command line), if there is one.
pub fn kind(name: &str) -> Option<&'static ExportKind> {
    KINDS.iter().find(|k| k.name == name)
}

/// Every kind's name, in `KINDS` order (for usage messages).
pub fn kind_names() -> Vec<&'static str> {
    KINDS.iter().map(|k| k.name).collect()
}
