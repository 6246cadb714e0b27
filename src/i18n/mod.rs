//! Message catalogues: every string a person reads comes from `assets/i18n/{ja,en}.txt`.

mod appointments;
mod messages;
mod plan;
mod reorg;

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

pub use appointments::WARD;
pub use messages::{
    error_text, invalid_text, newest_backup, plan_diff_lines, problem_text, sheet_error_text,
};
pub use plan::{plan_problem_line, plan_problem_text, plan_refusal_text, plan_rule_label};
pub use reorg::{reorg_issue_line, reorg_issue_text, reorg_step_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ja,
    En,
}

const JA: &str = include_str!("../../assets/i18n/ja.txt");
const EN: &str = include_str!("../../assets/i18n/en.txt");

fn parse(text: &'static str) -> HashMap<&'static str, &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = ").map(|(k, v)| (k.trim(), v)))
        // `\n` in a text is a line break; such texts are built once and kept.
        .map(|(k, v)| {
            (
                k,
                if v.contains("\\n") {
                    &*Box::leak(v.replace("\\n", "\n").into_boxed_str())
                } else {
                    v
                },
            )
        })
        .collect()
}

fn catalogue(lang: Lang) -> &'static HashMap<&'static str, &'static str> {
    static JA_MAP: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    static EN_MAP: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    match lang {
        Lang::Ja => JA_MAP.get_or_init(|| parse(JA)),
        Lang::En => EN_MAP.get_or_init(|| parse(EN)),
    }
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Japanese when the locale says so (`LC_ALL`, `LC_MESSAGES`, `LANG` starting `ja`).
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return if v.starts_with("ja") {
                    Lang::Ja
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The text for `key`; the key itself if the catalogue lacks it (a test keeps both
    /// catalogues complete).
    pub fn t(self, key: &str) -> &'static str {
        match catalogue(self).get(key) {
            Some(v) => v,
            None => match catalogue(Lang::En).get(key) {
                Some(v) => v,
                None => Box::leak(key.to_string().into_boxed_str()),
            },
        }
    }

    /// The text for `key` if the catalogue has it.
    pub fn try_t(self, key: &str) -> Option<&'static str> {
        catalogue(self).get(key).copied()
    }

    /// The text for `key` with `{name}` placeholders filled in.
    pub fn tf(self, key: &str, args: &[(&str, &dyn Display)]) -> String {
        let mut s = self.t(key).to_string();
        for (name, v) in args {
            s = s.replace(&format!("{{{name}}}"), &v.to_string());
        }
        s
    }

    /// The label of a code enum value, e.g. `label("position", "team_chief")` → 係長.
    pub fn label(self, group: &str, code: &str) -> &'static str {
        self.t(&format!("enum.{group}.{code}"))
    }

    /// Every label of a code group (`enum.<group>.*`): how wide a column of them may get.
    pub fn labels(self, group: &str) -> impl Iterator<Item = &'static str> {
        let prefix = format!("enum.{group}.");
        catalogue(self)
            .iter()
            .filter(move |(k, _)| k.starts_with(&prefix))
            .map(|(_, v)| *v)
    }

    /// The label of a code of `group`, or `text` itself where it is no code of the group
    /// (a name a person gave, beside codes the rules give: the calendar's days).
    pub fn named<'a>(self, group: &str, text: &'a str) -> &'a str {
        self.try_t(&format!("enum.{group}.{text}")).unwrap_or(text)
    }

    /// The label of a field or column (falls back to the snake_case name).
    pub fn field(self, name: &str) -> &'static str {
        self.t(&format!("col.{name}"))
    }

    /// A fiscal year as people name it: 令和8年度 (令和元年度 for 2019), FY2026.
    pub fn fiscal_year(self, fy: crate::domain::FiscalYear) -> String {
        match self {
            Lang::Ja => crate::domain::date::fiscal_year_ja(fy),
            Lang::En => format!("FY{fy}"),
        }
    }

    /// A fiscal year where room is short (a chart's axis): R8年度, FY2026.
    pub fn fiscal_year_short(self, fy: crate::domain::FiscalYear) -> String {
        match self {
            Lang::Ja => crate::domain::date::fiscal_year_ja_short(fy),
            Lang::En => format!("FY{fy}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_have_the_same_keys_and_no_empty_text() {
        let ja = catalogue(Lang::Ja);
        let en = catalogue(Lang::En);
        let mut missing: Vec<_> = ja.keys().filter(|k| !en.contains_key(*k)).collect();
        missing.extend(en.keys().filter(|k| !ja.contains_key(*k)));
        assert!(
            missing.is_empty(),
            "keys in one catalogue only: {missing:?}"
        );
        for (k, v) in ja.iter().chain(en.iter()) {
            assert!(!v.trim().is_empty(), "{k} is empty");
        }
    }

    /// A key written twice says two things, and only the last is heard (a merge of two
    /// catalogues can leave both).
    #[test]
    fn no_key_is_written_twice() {
        for text in [JA, EN] {
            let mut seen = std::collections::HashSet::new();
            for line in text.lines().map(str::trim) {
                if let Some((k, _)) = line.split_once(" = ")
                    && !line.starts_with('#')
                {
                    assert!(seen.insert(k.trim()), "{k} is written twice");
                }
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        let re = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|x| x.0.to_string()))
                .collect();
            v.sort();
            v
        };
        for (k, v) in catalogue(Lang::En) {
            assert_eq!(re(v), re(Lang::Ja.t(k)), "{k}");
        }
    }

    #[test]
    fn every_code_has_a_label() {
        use crate::domain::{
            account, assignment, award, career, compliance, evaluation, pdca, staff, training, unit,
        };
        let groups: Vec<(&str, Vec<&str>)> = vec![
            (
                "role",
                account::Role::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "position",
                staff::Position::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "job_type",
                staff::JobType::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "track",
                staff::Track::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "status",
                staff::StaffStatus::ALL.iter().map(|v| v.code()).collect(),
            ),
            ("sex", staff::Sex::ALL.iter().map(|v| v.code()).collect()),
            (
                "unit_kind",
                unit::UnitKind::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "reason",
                assignment::Reason::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "transfer_wish",
                career::TransferWish::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "eval_kind",
                evaluation::EvalKind::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "term",
                evaluation::Term::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "eval_state",
                evaluation::EvalState::ALL
                    .iter()
                    .map(|v| v.code())
                    .collect(),
            ),
            (
                "response",
                evaluation::Response::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "course_category",
                training::CourseCategory::ALL
                    .iter()
                    .map(|v| v.code())
                    .collect(),
            ),
            (
                "enrolment_state",
                training::EnrolmentState::ALL
                    .iter()
                    .map(|v| v.code())
                    .collect(),
            ),
            (
                "award_kind",
                award::AwardKind::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "award_state",
                award::AwardState::ALL.iter().map(|v| v.code()).collect(),
            ),
            (
                "incident_kind",
                compliance::IncidentKind::ALL
                    .iter()
                    .map(|v| v.code())
                    .collect(),
            ),
            (
                "incident_status",
                compliance::IncidentStatus::ALL
                    .iter()
                    .map(|v| v.code())
                    .collect(),
            ),
            ("phase", pdca::Phase::ALL.iter().map(|v| v.code()).collect()),
            ("table", crate::store::summary::AUDITED.to_vec()),
            (
                "holiday",
                crate::domain::holidays::Holiday::ALL
                    .iter()
                    .map(|v| v.code())
                    .collect(),
            ),
            (
                "closed_kind",
                crate::domain::calendar::ClosedKind::ALL
                    .iter()
                    .map(|v| v.code())
                    .collect(),
            ),
            (
                "weekday",
                vec!["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            ),
        ];
        for lang in [Lang::Ja, Lang::En] {
            for (g, codes) in &groups {
                for c in codes {
                    assert!(
                        lang.try_t(&format!("enum.{g}.{c}")).is_some(),
                        "{lang:?} enum.{g}.{c}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_export_header_has_a_label() {
        for k in crate::store::export::KINDS {
            for h in k.headers {
                assert!(Lang::Ja.try_t(&format!("col.{h}")).is_some(), "col.{h}");
            }
        }
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(Lang::En.tf("cli.rows", &[("count", &3)]), "3");
        assert_eq!(
            Lang::Ja.tf("cli.active_staff", &[("count", &300)]),
            "在職者 300 人"
        );
    }
}
