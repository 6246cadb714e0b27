//! Promotion selection in the demo ward: a round of every kind in each of its last two
//! fiscal years, only people who may sit a round entered in it, and each round's figures
//! by sex, job type and age band as a count of its entries written here.

use std::collections::BTreeMap;

use crate::support::generated::{date, default_demo};
use jinji::domain::Id;
use jinji::domain::exam::{ExamEntry, ExamResult, ExamState, Verdict, pool_until};
use jinji::store::Filter;

type Tally = BTreeMap<String, (i64, i64)>;

/// A tally as `exam_figures` gives it, group by group in its order.
fn as_rows(t: &[jinji::store::exams::ExamTally]) -> Vec<(String, i64, i64)> {
    t.iter()
        .map(|t| (t.group.clone(), t.applicants, t.passers))
        .collect()
}

fn rows(t: Tally) -> Vec<(String, i64, i64)> {
    t.into_iter().map(|(g, (a, p))| (g, a, p)).collect()
}

#[test]
fn the_figures_of_every_demo_round_count_its_entries_by_sex_job_type_and_age() {
    let f = default_demo();
    let rounds = f.rows("SELECT id FROM exams ORDER BY id", |r| r.get::<_, Id>(0));
    assert!(!rounds.is_empty());
    let mut withdrawn = 0;
    for id in rounds {
        let sql = format!(
            "SELECT en.result, t.sex, t.job_type, t.birth_date, x.base_date
             FROM exam_entries en JOIN exams x ON x.id = en.exam_id
               JOIN staff t ON t.id = en.staff_id WHERE en.exam_id = {id}"
        );
        let (mut sex, mut job, mut age) = (Tally::new(), Tally::new(), Tally::new());
        for (result, s, j, born, base) in f.rows(&sql, |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        }) {
            if result == "withdrawn" {
                withdrawn += 1;
                continue;
            }
            let passed = (result == "passed") as i64;
            let band = (date(&base).years_since(date(&born)) / 10 * 10).clamp(20, 50);
            for (t, g) in [(&mut sex, s), (&mut job, j), (&mut age, band.to_string())] {
                let c = t.entry(g).or_default();
                (c.0, c.1) = (c.0 + 1, c.1 + passed);
            }
        }
        let got = f.db().exam_figures(id).unwrap();
        assert_eq!(as_rows(&got.by_sex), rows(sex), "round {id} by sex");
        assert_eq!(
            as_rows(&got.by_job_type),
            rows(job),
            "round {id} by job type"
        );
        assert_eq!(as_rows(&got.by_age), rows(age), "round {id} by age");
    }
    assert!(withdrawn > 0, "some withdrew, to be left out");
}

#[test]
fn the_demo_holds_every_round_of_its_two_years_and_only_eligible_entrants() {
    let f = default_demo();
    let db = f.db();
    let cur = f.cur_fy();
    for kind in db.exam_kinds().unwrap() {
        for fy in [cur - 1, cur] {
            let exam = db.exam_of(kind.id, fy).unwrap();
            let exam = exam.unwrap_or_else(|| panic!("no {} round of FY{fy}", kind.code));
            let entries: Vec<ExamEntry> =
                db.all(vec![Filter::eq("exam_id", exam.id)], "id").unwrap();
            if kind.code == "team_chief" && fy == cur {
                assert!(entries.len() >= 12, "{} entries", entries.len());
            }
            for e in &entries {
                assert_eq!(
                    db.exam_verdict(exam.id, e.staff_id).unwrap(),
                    Some(Verdict::Eligible),
                    "{} FY{fy}: staff {}",
                    kind.code,
                    e.staff_id
                );
                let pool = (e.result == ExamResult::Passed && exam.state == ExamState::Announced)
                    .then(|| pool_until(fy, kind.pool_years));
                assert_eq!(e.pool_until, pool, "{e:?}");
            }
            // The list of candidates reads the same rule as one person's verdict.
            let candidates = db.exam_candidates(exam.id, false).unwrap();
            for c in &candidates {
                assert_eq!(db.exam_verdict(exam.id, c.id).unwrap(), Some(c.verdict));
            }
            let counted: i64 = db
                .eligibility_counts(exam.id)
                .unwrap()
                .iter()
                .map(|(_, n)| n)
                .sum();
            assert_eq!(counted, candidates.len() as i64);
        }
    }
}
