//! Promotion selection (昇任選考): the kinds, the rounds and the entries as records, who
//! may sit a round (`exam_rules`), and the figures by sex, job type and age band that a
//! ward reports. The rounds' moves are in `exam_rounds`.

use rusqlite::OptionalExtension;

use super::exam_rules::{candidates, verdict};
use super::machine::record::record;
use super::{Db, Filter, Result};
use crate::domain::exam::{Exam, ExamEntry, ExamKind, ExamState, Verdict};
use crate::domain::{FiscalYear, Id, Invalid, Problem};

record!(
    ExamKind,
    "exam_kinds",
    [
        code,
        name,
        to_position,
        to_grade,
        from_position,
        min_years,
        min_age,
        max_age,
        employment_kind,
        eval_count,
        eval_floor,
        pool_years
    ]
);
record!(
    Exam,
    "exams",
    [
        kind_id,
        fiscal_year,
        base_date,
        applications_close,
        held_on,
        announced_on,
        state,
        note
    ],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            if db.find::<ExamKind>(self.kind_id)?.is_none() {
                return Err(Invalid::one("exam_kind", Problem::Unknown).into());
            }
            let twin: Option<Id> = db
                .conn()
                .query_row(
                    "SELECT id FROM exams WHERE kind_id = ?1 AND fiscal_year = ?2 AND id <> ?3",
                    rusqlite::params![self.kind_id, self.fiscal_year, self.id],
                    |r| r.get(0),
                )
                .optional()?;
            if twin.is_some() {
                return Err(Invalid::one("exam_kind", Problem::Duplicate).into());
            }
            Ok(())
        }
    }
);
record!(
    ExamEntry,
    "exam_entries",
    [
        exam_id,
        staff_id,
        applied_on,
        applied_via,
        written,
        essay,
        interview,
        result,
        pool_until
    ],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            let exam: Exam = db
                .find(self.exam_id)?
                .ok_or_else(|| Invalid::one("exam", Problem::Unknown))?;
            if self.id == 0 {
                if exam.state == ExamState::Announced {
                    return Err(rule("exam", "exam_announced"));
                }
                match db.exam_verdict(self.exam_id, self.staff_id)? {
                    Some(Verdict::Eligible) => {}
                    Some(v) => return Err(rule("staff_no", ineligible(v))),
                    None => return Err(rule("staff_no", "exam_not_of_position")),
                }
            }
            Ok(())
        }
    }
);

pub(super) fn rule(field: &'static str, rule: &'static str) -> super::StoreError {
    Invalid::one(field, Problem::Rule { rule }).into()
}

/// The rule a person who may not sit a round falls short of.
pub fn ineligible(v: Verdict) -> &'static str {
    match v {
        Verdict::Pooled => "exam_pooled",
        Verdict::Employment => "exam_employment",
        Verdict::Years => "exam_years",
        Verdict::Age => "exam_age",
        Verdict::Evaluation => "exam_evaluation",
        Verdict::Eligible => "exam_eligible",
    }
}

/// A person a round is for, and whether they may sit it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: Id,
    pub staff_no: String,
    pub name: String,
    pub verdict: Verdict,
}

/// Applicants and passers of one group of a round's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamTally {
    /// The group's code: a sex, a job type, or an age band (`20`, `30`, `40`, `50`).
    pub group: String,
    pub applicants: i64,
    pub passers: i64,
}

/// A round's figures as wards report them, by sex, job type and age band.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExamFigures {
    pub by_sex: Vec<ExamTally>,
    pub by_job_type: Vec<ExamTally>,
    pub by_age: Vec<ExamTally>,
}

impl ExamFigures {
    pub fn applicants(&self) -> i64 {
        self.by_sex.iter().map(|t| t.applicants).sum()
    }
    pub fn passers(&self) -> i64 {
        self.by_sex.iter().map(|t| t.passers).sum()
    }
}

/// The age band (by decade, 20 for under 30 and 50 for 50 and over) of the person `t` on
/// round `x`'s base date.
const AGE_BAND: &str = concat!(
    "max(20, min(50, ",
    crate::store::exam_rules::whole_years!("x.base_date", "t.birth_date"),
    " / 10 * 10))"
);

impl Db {
    pub fn exam_kinds(&self) -> Result<Vec<ExamKind>> {
        self.all::<ExamKind>(Vec::new(), "code")
    }

    pub fn exam_kind_by_code(&self, code: &str) -> Result<Option<ExamKind>> {
        Ok(self
            .all::<ExamKind>(vec![Filter::eq("code", code)], "code")?
            .into_iter()
            .next())
    }

    /// The round of a kind in a fiscal year.
    pub fn exam_of(&self, kind_id: Id, fy: FiscalYear) -> Result<Option<Exam>> {
        Ok(self
            .all::<Exam>(
                vec![
                    Filter::eq("kind_id", kind_id),
                    Filter::eq("fiscal_year", fy),
                ],
                "id",
            )?
            .into_iter()
            .next())
    }

    /// The rounds of a fiscal year.
    pub fn exams_of_year(&self, fy: FiscalYear) -> Result<Vec<Exam>> {
        self.all::<Exam>(vec![Filter::eq("fiscal_year", fy)], "kind_id")
    }

    /// Whether a person may sit a round, and if not why; `None` when their position is
    /// none the round's kind takes.
    pub fn exam_verdict(&self, exam_id: Id, staff_id: Id) -> Result<Option<Verdict>> {
        let sql = concat!(
            "SELECT ",
            verdict!(),
            " FROM ",
            candidates!(),
            " WHERE x.id = ?1 AND t.id = ?2"
        );
        let code: Option<String> = self
            .conn()
            .prepare_cached(sql)?
            .query_row([exam_id, staff_id], |r| r.get(0))
            .optional()?;
        Ok(code.as_deref().and_then(Verdict::from_code))
    }

    /// How many of a round's candidates each verdict holds, in the verdict's order.
    pub fn eligibility_counts(&self, exam_id: Id) -> Result<Vec<(Verdict, i64)>> {
        let sql = concat!(
            "SELECT v, count(*) FROM (SELECT ",
            verdict!(),
            " AS v FROM ",
            candidates!(),
            " WHERE x.id = ?1) GROUP BY v"
        );
        let mut st = self.conn().prepare_cached(sql)?;
        let rows = st.query_map([exam_id], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
        let mut out: Vec<(Verdict, i64)> = Vec::new();
        for row in rows {
            let (code, n) = row?;
            if let Some(v) = Verdict::from_code(&code) {
                out.push((v, n));
            }
        }
        out.sort_by_key(|(v, _)| *v);
        Ok(out)
    }

    /// A round's candidates with their verdicts, by staff number (`eligible_only`: those
    /// who may sit it).
    pub fn exam_candidates(&self, exam_id: Id, eligible_only: bool) -> Result<Vec<Candidate>> {
        let sql = concat!(
            "SELECT t.id, t.staff_no, t.family_name || ' ' || t.given_name, v
             FROM (SELECT t.id AS id, ",
            verdict!(),
            " AS v FROM ",
            candidates!(),
            " WHERE x.id = ?1) c JOIN staff t ON t.id = c.id
             WHERE ?2 = 0 OR v = 'eligible' ORDER BY t.staff_no"
        );
        let mut st = self.conn().prepare_cached(sql)?;
        let rows = st.query_map(rusqlite::params![exam_id, eligible_only], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, staff_no, name, code) = row?;
            if let Some(verdict) = Verdict::from_code(&code) {
                out.push(Candidate {
                    id,
                    staff_no,
                    name,
                    verdict,
                });
            }
        }
        Ok(out)
    }

    /// Who wished to sit a promotion selection in their self-report of the year, handed in.
    pub fn promotion_wishes(&self, fy: FiscalYear) -> Result<Vec<Id>> {
        let mut st = self.conn().prepare_cached(
            "SELECT staff_id FROM self_reports WHERE fiscal_year = ?1 AND promotion_exam = 1
               AND submitted_on IS NOT NULL ORDER BY staff_id",
        )?;
        let ids = st.query_map([fy], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether a person has an entry in a round (whatever its result).
    pub fn exam_entered(&self, exam_id: Id, staff_id: Id) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached("SELECT 1 FROM exam_entries WHERE exam_id = ?1 AND staff_id = ?2")?
            .exists([exam_id, staff_id])?)
    }

    /// A round's applicants (withdrawn left out) and passers, by sex, job type and age
    /// band on its base date: one pass over the round's entries, folded three ways.
    pub fn exam_figures(&self, exam_id: Id) -> Result<ExamFigures> {
        let sql = format!(
            "SELECT t.sex, t.job_type, {AGE_BAND}, count(*), sum(en.result = 'passed')
             FROM exam_entries en JOIN exams x ON x.id = en.exam_id
               JOIN staff t ON t.id = en.staff_id
             WHERE en.exam_id = ?1 AND en.result <> 'withdrawn'
             GROUP BY 1, 2, 3"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([exam_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let mut f = ExamFigures::default();
        for row in rows {
            let (sex, job, band, applicants, passers) = row?;
            for (tallies, group) in [
                (&mut f.by_sex, sex),
                (&mut f.by_job_type, job),
                (&mut f.by_age, band.to_string()),
            ] {
                match tallies.iter_mut().find(|t| t.group == group) {
                    Some(t) => {
                        t.applicants += applicants;
                        t.passers += passers;
                    }
                    None => tallies.push(ExamTally {
                        group,
                        applicants,
                        passers,
                    }),
                }
            }
        }
        for tallies in [&mut f.by_sex, &mut f.by_job_type, &mut f.by_age] {
            tallies.sort_by(|a, b| a.group.cmp(&b.group));
        }
        Ok(f)
    }
}
