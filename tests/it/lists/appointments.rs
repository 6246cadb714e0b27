//! The appointment worklists (src/store/views/appointments.rs) on a small ward: who
//! retires at 定年 at the end of the year in view, who reaches the post age limit on the
//! 1 April after it, whose 会計年度任用 term ends in it with 更新 or 公募 due by the
//! ward's rule; each within what the account may see.

use crate::support::ward::*;
use crate::support::{d, today};

use jinji::domain::account::Role;
use jinji::domain::employment::EmploymentKind;
use jinji::domain::staff::{Position, Staff, StaffStatus};
use jinji::domain::{Date, FiscalYear, Id};
use jinji::store::Db;
use jinji::store::views::{ViewQuery, view};

fn query(fy: FiscalYear) -> ViewQuery {
    ViewQuery {
        fiscal_year: Some(fy),
        ..ViewQuery::on(today())
    }
}

/// (staff number, the named column) of every row, in the list's first order.
fn listed(db: &Db, name: &str, q: &ViewQuery, key: &str) -> Vec<(String, String)> {
    let v = view(name).unwrap();
    let q = ViewQuery {
        sort: v.default_sort,
        ..q.clone()
    };
    let rows = db.view_rows(v, &q, 0, 1000).unwrap();
    assert_eq!(db.view_count(v, &q).unwrap(), rows.len() as i64, "{name}");
    let at = |k: &str| v.columns.iter().position(|c| c.key == k).unwrap();
    let (a, b) = (at("staff_no"), at(key));
    rows.iter()
        .map(|r| (r.cells[a].as_text(), r.cells[b].as_text()))
        .collect()
}

fn nos(db: &Db, name: &str, fy: FiscalYear) -> Vec<String> {
    listed(db, name, &query(fy), "staff_no")
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// A person of the ward in a unit, born on `birth`, changed as the test needs.
fn person(w: &Ward, no: &str, unit: Id, birth: Date, f: impl FnOnce(&mut Staff)) -> Staff {
    let mut s = staff(no, unit, birth.add_years(23));
    s.birth_date = birth;
    f(&mut s);
    w.db.insert(&mut s).expect("person");
    s
}

#[test]
fn the_retirement_list_of_a_year_is_whoever_retires_on_its_last_day() {
    let w = Ward::new();
    let t = w.team_hr;
    person(&w, "B0001", t, d(1964, 6, 1), |_| {});
    person(&w, "B0002", t, d(1965, 4, 1), |_| {});
    person(&w, "B0003", t, d(1965, 4, 2), |_| {});
    person(&w, "B0004", t, d(1963, 6, 1), |_| {});
    // 再任用 ends with its term, not at 定年; 定年前再任用短時間勤務 at 定年.
    person(&w, "B0005", t, d(1964, 7, 1), |s| {
        s.employment_kind = EmploymentKind::ReappointedFull;
        s.term_end = Some(d(2027, 3, 31));
    });
    person(&w, "B0006", t, d(1964, 8, 1), |s| {
        s.employment_kind = EmploymentKind::PreRetirementShort;
        s.weekly_hours = 31.0;
    });
    // Retired at 定年 on the day by the April round: still on the year's list; retired
    // earlier for another reason: not.
    person(&w, "B0007", t, d(1963, 9, 1), |s| {
        s.status = StaffStatus::Retired;
        s.retire_date = Some(d(2025, 3, 31));
    });
    person(&w, "B0008", t, d(1963, 10, 1), |s| {
        s.status = StaffStatus::Retired;
        s.retire_date = Some(d(2020, 3, 31));
    });
    // Oldest first.
    assert_eq!(
        nos(&w.db, "retirements_due", 2026),
        ["B0001", "B0006", "B0002"]
    );
    assert_eq!(nos(&w.db, "retirements_due", 2024), ["B0004", "B0007"]);
    // Nobody retires at 定年 on 31 March 2026.
    assert!(nos(&w.db, "retirements_due", 2025).is_empty());
    assert_eq!(nos(&w.db, "retirements_due", 2028), ["B0003"]);
    let ages = listed(&w.db, "retirements_due", &query(2026), "retirement_age");
    assert_eq!(ages[0], ("B0001".into(), "62".into()));
    assert_eq!(
        ages[2],
        ("B0002".into(), "62".into()),
        "born 1 April: a year ahead"
    );
}

#[test]
fn a_changed_birth_date_moves_the_person_to_their_new_year() {
    let w = Ward::new();
    let mut s = person(&w, "B0001", w.team_hr, d(1964, 6, 1), |_| {});
    assert_eq!(nos(&w.db, "retirements_due", 2026), ["B0001"]);
    s = w.db.get(s.id).unwrap();
    s.birth_date = d(1966, 6, 1);
    w.db.update(&mut s).unwrap();
    assert!(nos(&w.db, "retirements_due", 2026).is_empty());
    assert_eq!(nos(&w.db, "retirements_due", 2030), ["B0001"]);
}

#[test]
fn managers_reaching_60_in_the_year_leave_their_post_the_april_after() {
    let w = Ward::new();
    let s = w.sec_hr;
    let chief = |no, birth, pos, until| {
        person(&w, no, s, birth, |p: &mut Staff| {
            p.position = pos;
            p.grade = 6;
            p.post_limit_exception = until;
        })
    };
    chief("C0001", d(1966, 6, 1), Position::SectionChief, None);
    chief("C0002", d(1966, 4, 1), Position::Director, None);
    chief("C0003", d(1966, 4, 2), Position::Director, None);
    chief("C0004", d(1966, 7, 1), Position::DeputyChief, None);
    chief(
        "C0005",
        d(1966, 8, 1),
        Position::SectionChief,
        Some(d(2028, 3, 31)),
    );
    chief(
        "C0006",
        d(1966, 9, 1),
        Position::SectionChief,
        Some(d(2027, 3, 31)),
    );
    assert_eq!(
        listed(&w.db, "post_limit_due", &query(2026), "post_limit_date"),
        [
            ("C0003".into(), "2027-04-01".into()),
            ("C0001".into(), "2027-04-01".into()),
            ("C0006".into(), "2027-04-01".into()),
        ]
    );
    // Born 1 April 1966: 60 in law on 31 March 2026, so the April of 2026.
    assert_eq!(nos(&w.db, "post_limit_due", 2025), ["C0002"]);
    // The ward's rule may reach 課長補佐級.
    w.db.set_rule("post_age_limit_position", "2").unwrap();
    assert_eq!(
        nos(&w.db, "post_limit_due", 2026),
        ["C0003", "C0001", "C0004", "C0006"]
    );
    // Before the rule's first April (2023-04-01) nobody is due.
    chief("C0007", d(1961, 6, 1), Position::Director, None);
    assert!(nos(&w.db, "post_limit_due", 2021).is_empty());
}

#[test]
fn a_fiscal_year_term_ending_in_the_year_is_renewed_until_the_wards_number_then_called() {
    let w = Ward::new();
    let t = w.team_res;
    let fiscal = |no, renewals, end: Date| {
        person(&w, no, t, d(1980, 5, 5), |s: &mut Staff| {
            s.employment_kind = EmploymentKind::FiscalPart;
            s.weekly_hours = 29.0;
            s.term_start = Some(d(end.fiscal_year(), 4, 1));
            s.term_end = Some(end);
            s.renewals = renewals;
        })
    };
    fiscal("F0001", 0, d(2027, 3, 31));
    fiscal("F0002", 2, d(2027, 3, 31));
    fiscal("F0003", 1, d(2026, 9, 30));
    fiscal("F0004", 4, d(2026, 3, 31));
    let got = listed(&w.db, "fiscal_terms_ending", &query(2026), "next_term");
    assert_eq!(
        got,
        [
            ("F0003".into(), "renewal".into()),
            ("F0001".into(), "renewal".into()),
            ("F0002".into(), "open_call".into()),
        ]
    );
    assert_eq!(nos(&w.db, "fiscal_terms_ending", 2025), ["F0004"]);
    w.db.set_rule("fiscal_renewals_before_open_call", "3")
        .unwrap();
    let got = listed(&w.db, "fiscal_terms_ending", &query(2026), "next_term");
    assert_eq!(got[2], ("F0002".into(), "renewal".into()));
}

#[test]
fn a_supervisor_sees_on_the_appointment_lists_only_the_people_of_their_units() {
    let w = Ward::new();
    person(&w, "B0001", w.team_hr, d(1964, 6, 1), |_| {});
    person(&w, "B0002", w.team_res, d(1964, 6, 2), |_| {});
    let chief = Who::new(&w.db, "chief", Role::Supervisor, Some(w.chief.id));
    let q = ViewQuery {
        visible: chief.visible.clone(),
        ..query(2026)
    };
    let seen: Vec<String> = listed(&w.db, "retirements_due", &q, "staff_no")
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(seen, ["B0001"]);
}
