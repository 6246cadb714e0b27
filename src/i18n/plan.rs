//! A transfer plan's problems said in the user's language: one sentence per problem from
//! the catalogue (`plan_rule.<code>`), and the refusal of a plan that has them.

use super::Lang;
use crate::config::DateStyle;
use crate::domain::plan_check::{Arg, PlanProblem};

/// The problem's sentence, its days in `style`.
pub fn plan_problem_text(lang: Lang, p: &PlanProblem, style: DateStyle) -> String {
    let values: Vec<(&str, String)> = p
        .args
        .iter()
        .map(|(name, a)| {
            let v = match a {
                Arg::Text(t) => t.clone(),
                Arg::Label(group, code) => lang.label(group, code).to_string(),
                Arg::Date(d) => style.show(*d),
                Arg::Num(n) => n.to_string(),
            };
            (*name, v)
        })
        .collect();
    let args: Vec<(&str, &dyn std::fmt::Display)> = values
        .iter()
        .map(|(n, v)| (*n, v as &dyn std::fmt::Display))
        .collect();
    lang.tf(&format!("plan_rule.{}", p.rule.code()), &args)
}

/// The rule's name as people read it (`二重の長`, `two heads`).
pub fn plan_rule_label(lang: Lang, p: &PlanProblem) -> &'static str {
    lang.label("plan_rule", p.rule.code())
}

/// One line: `SUBJECT: rule: what` (the command line's contract uses the rule's code).
pub fn plan_problem_line(lang: Lang, p: &PlanProblem, style: DateStyle) -> String {
    format!(
        "{}: {}: {}",
        p.subject,
        p.rule.code(),
        plan_problem_text(lang, p, style)
    )
}

/// Why a plan was not applied: its first error and how many more, or — with warnings
/// only — that they must be accepted first.
pub fn plan_refusal_text(lang: Lang, problems: &[PlanProblem]) -> String {
    let Some(first) = problems.first() else {
        return String::new();
    };
    let line = plan_problem_line(lang, first, DateStyle::Iso);
    let more = problems.len() - 1;
    let key = match (first.is_error(), more) {
        (true, 0) => "err.plan_refused_one",
        (true, _) => "err.plan_refused",
        (false, _) => "err.plan_warnings",
    };
    lang.tf(
        key,
        &[("first", &line), ("more", &more), ("n", &problems.len())],
    )
}
