//! The check of a transfer plan (異動案の点検): what would make the ward impossible (two
//! 課長 in one 課, a person on leave moved, a promotion without its grade …), each problem
//! a named rule with a severity the ward sets — an error refuses the plan, a warning is
//! applied only once someone has accepted it.

use super::staff::JobType;
use super::{Check, Date, Id, Invalid, Validate};
use crate::code_enum;

code_enum! {
    /// The kinds of problem a plan can have; the code is the contract (`transfer check`
    /// prints it, the ward's severity setting names it).
    pub enum PlanRule {
        TwoHeads = "two_heads",
        NoHead = "no_head",
        SupervisorChange = "supervisor_change",
        OnLeave = "on_leave",
        Retiring = "retiring",
        GradeMissing = "promotion_without_grade",
        JobType = "job_type",
        DatePast = "date_past",
        OverPosts = "over_posts",
        NotSelected = "promotion_not_selected",
    }
}

code_enum! {
    /// An error refuses the plan; a warning applies after an explicit confirmation.
    pub enum Severity { Error = "error", Warning = "warning" }
}

impl PlanRule {
    /// The severity a ward has until it sets its own.
    pub fn default_severity(self) -> Severity {
        match self {
            PlanRule::TwoHeads
            | PlanRule::OnLeave
            | PlanRule::Retiring
            | PlanRule::GradeMissing
            | PlanRule::DatePast => Severity::Error,
            PlanRule::NoHead
            | PlanRule::SupervisorChange
            | PlanRule::JobType
            | PlanRule::OverPosts
            | PlanRule::NotSelected => Severity::Warning,
        }
    }

    /// The severity no ward setting changes: a person on leave cannot be moved (issue 20:
    /// the law, not the ward, decides), so the check and apply agree that it is an error.
    pub fn fixed_severity(self) -> Option<Severity> {
        match self {
            PlanRule::OnLeave => Some(Severity::Error),
            _ => None,
        }
    }

    /// The ward setting that holds the rule's severity.
    pub fn setting_key(self) -> &'static str {
        match self {
            PlanRule::TwoHeads => "plan.two_heads",
            PlanRule::NoHead => "plan.no_head",
            PlanRule::SupervisorChange => "plan.supervisor_change",
            PlanRule::OnLeave => "plan.on_leave",
            PlanRule::Retiring => "plan.retiring",
            PlanRule::GradeMissing => "plan.promotion_without_grade",
            PlanRule::JobType => "plan.job_type",
            PlanRule::DatePast => "plan.date_past",
            PlanRule::OverPosts => "plan.over_posts",
            PlanRule::NotSelected => "plan.promotion_not_selected",
        }
    }
}

/// A value named in a problem's sentence, kept typed so that each language says it its
/// own way (a position by its label, a day in the era the screen uses).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum Arg {
    Text(String),
    /// A code of a labelled group (`position`, `job_type`).
    Label(&'static str, &'static str),
    Date(Date),
    Num(i64),
}

/// One problem of a plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PlanProblem {
    /// Who or what it concerns: a staff number, a unit code, or the plan (`#3`).
    pub subject: String,
    /// The person it concerns, when it is a person (to mark their move).
    pub staff_id: Option<Id>,
    pub rule: PlanRule,
    pub severity: Severity,
    /// The values the rule's sentence names (`plan_rule.<code>` in the catalogues).
    pub args: Vec<(&'static str, Arg)>,
}

impl PlanProblem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Errors first; otherwise in the order the rules found them.
pub fn sort_problems(problems: &mut [PlanProblem]) {
    problems.sort_by_key(|p| !p.is_error());
}

/// A row of the ward's table of where each job type works: `job_type` works in the unit
/// and the units below it. A job type with no row works anywhere.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct JobFit {
    pub id: Id,
    pub job_type: JobType,
    pub unit_id: Id,
    pub version: i64,
}

impl Validate for JobFit {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new().id("unit_code", self.unit_id).finish()
    }
}

/// The units and classes a plan would put over their 定数: for each (unit, class) the
/// plan changes, the count after (`now` + arrivals − departures) against `posts`; a unit
/// and class without a 定数 (`None`) is never over. Returns (unit, class, after, posts).
pub fn over_posts<C: Copy + Ord>(
    changes: &std::collections::BTreeMap<(Id, C), i64>,
    now: impl Fn(Id, C) -> i64,
    posts: impl Fn(Id, C) -> Option<i64>,
) -> Vec<(Id, C, i64, i64)> {
    changes
        .iter()
        .filter(|(_, delta)| **delta > 0)
        .filter_map(|(&(unit, class), delta)| {
            let limit = posts(unit, class)?;
            let after = now(unit, class) + delta;
            (after > limit).then_some((unit, class, after, limit))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn over_posts_counts_arrivals_and_departures_against_the_posts() {
        let mut changes = BTreeMap::new();
        // Unit 1: two arrive in 一般, one leaves 係長級; unit 2: one arrives, one leaves.
        changes.insert((1, "general"), 2);
        changes.insert((1, "team_chief"), -1);
        changes.insert((2, "general"), 0);
        // Unit 3 has no 定数: silent, however full.
        changes.insert((3, "general"), 5);
        let now = |u: Id, c: &str| match (u, c) {
            (1, "general") => 4,
            (1, "team_chief") => 2,
            (2, "general") => 9,
            _ => 0,
        };
        let posts = |u: Id, _: &str| match u {
            1 | 2 => Some(5),
            _ => None,
        };
        assert_eq!(over_posts(&changes, now, posts), vec![(1, "general", 6, 5)]);
        // Within the posts: nothing.
        let roomy = |u: Id, _: &str| (u != 3).then_some(6);
        assert!(over_posts(&changes, now, roomy).is_empty());
    }

    #[test]
    fn errors_come_first_and_the_rest_keep_their_order() {
        let p = |s: &str, severity| PlanProblem {
            subject: s.into(),
            staff_id: None,
            rule: PlanRule::NoHead,
            severity,
            args: vec![],
        };
        let mut v = vec![
            p("a", Severity::Warning),
            p("b", Severity::Error),
            p("c", Severity::Warning),
            p("d", Severity::Error),
        ];
        sort_problems(&mut v);
        let order: Vec<_> = v.iter().map(|x| x.subject.as_str()).collect();
        assert_eq!(order, ["b", "d", "a", "c"]);
    }
}
