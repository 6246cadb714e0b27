//! The demo's sources in `assets/demo/`: names with readings, the unit catalogue, courses
//! and the texts a real office would write. Compiled in, parsed strictly.

use crate::domain::staff::{JobType, Position};
use crate::domain::training::{CourseCategory, RequiredPeriod};

macro_rules! asset {
    ($f:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/", $f))
    };
}

/// Rows of a TSV file without its header; every row has the header's column count.
fn rows(name: &str, text: &'static str) -> Vec<Vec<&'static str>> {
    let mut lines = text.lines();
    let cols = lines.next().map(|h| h.split('\t').count()).unwrap_or(0);
    lines
        .enumerate()
        .map(|(i, l)| {
            let r: Vec<&str> = l.split('\t').collect();
            // A broken asset is a bug in the build, found by the tests, never by a user.
            assert_eq!(
                r.len(),
                cols,
                "assets/demo/{name}:{}: wrong column count",
                i + 2
            );
            r
        })
        .collect()
}

pub struct FamilyName {
    pub kanji: &'static str,
    pub kana: &'static str,
    pub weight: u32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    Old,
    Mid,
    Young,
}

impl Generation {
    pub fn of_birth_year(y: i32) -> Generation {
        match y {
            ..=1975 => Generation::Old,
            1976..=1992 => Generation::Mid,
            _ => Generation::Young,
        }
    }
}

pub struct GivenName {
    pub kanji: &'static str,
    pub kana: &'static str,
    pub male: bool,
    pub generation: Generation,
}

pub struct UnitRow {
    pub code: &'static str,
    pub name: &'static str,
    pub kana: &'static str,
    pub parent: &'static str,
    pub kind: &'static str,
    pub jobs: Vec<(JobType, u32)>,
}

pub struct CourseRow {
    pub code: &'static str,
    pub title: &'static str,
    pub category: CourseCategory,
    pub hours: f64,
    pub since: &'static str,
    pub required_for: Vec<Position>,
    /// When the positions of `required_for` are to take it.
    pub period: RequiredPeriod,
    pub months: Option<i64>,
}

pub struct Goal {
    pub goal: &'static str,
    pub metric: &'static str,
    pub unit: &'static str,
    pub lower_is_better: bool,
    /// Catalogue codes of the sections whose work it is; empty: any section.
    pub sections: Vec<&'static str>,
    /// Where a ward usually stands on the metric when it starts.
    pub start: (f64, f64),
}

/// A citizen survey topic and the sections that run it.
pub struct SurveyTopic {
    pub topic: &'static str,
    pub sections: Vec<&'static str>,
}

fn sections(s: &'static str) -> Vec<&'static str> {
    if s == "*" {
        Vec::new()
    } else {
        s.split(',').collect()
    }
}

pub struct QualificationRow {
    pub name: &'static str,
    pub issuer: &'static str,
    pub valid_years: i32,
    /// Empty: anyone.
    pub jobs: Vec<JobType>,
}

pub struct Assets {
    pub family: Vec<FamilyName>,
    pub family_weights: Vec<u32>,
    pub given: Vec<GivenName>,
    pub units: Vec<UnitRow>,
    pub courses: Vec<CourseRow>,
    pub goals: Vec<Goal>,
    pub themes: Vec<(&'static str, &'static str)>,
    pub surveys: Vec<SurveyTopic>,
    /// (kind, text) with kind `merit`, `proposal` or `good_deed`.
    pub achievements: Vec<(&'static str, &'static str)>,
    pub qualifications: Vec<QualificationRow>,
    /// Where seconded (出向) and dispatched (派遣) staff go: (kind, destination).
    pub secondments: Vec<(&'static str, &'static str)>,
    /// Comments, notes and logs by kind (`texts.tsv`).
    pub texts: std::collections::HashMap<&'static str, Vec<&'static str>>,
}

/// The 職種 names used in the asset files.
pub fn job_type_ja(s: &str) -> Option<JobType> {
    Some(match s {
        "事務" => JobType::Office,
        "土木" => JobType::Civil,
        "建築" => JobType::Building,
        "電気" => JobType::Electrical,
        "機械" => JobType::Mechanical,
        "化学" => JobType::Chemical,
        "保健師" => JobType::Nurse,
        "福祉" => JobType::Welfare,
        "栄養士" => JobType::Dietitian,
        "保育士" => JobType::Childcare,
        "獣医師" => JobType::Veterinary,
        "薬剤師" => JobType::Pharmacist,
        _ => return None,
    })
}

/// The 職位 names used in the asset files.
pub fn position_ja(s: &str) -> Option<Position> {
    Some(match s {
        "部長" => Position::Director,
        "課長" => Position::SectionChief,
        "課長補佐" => Position::DeputyChief,
        "係長" => Position::TeamChief,
        "主任" => Position::Senior,
        "主事" => Position::Clerk,
        "技師" => Position::Engineer,
        _ => return None,
    })
}

fn list<T>(s: &str, f: impl Fn(&str) -> Option<T>) -> Vec<T> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(|x| f(x).unwrap_or_else(|| panic!("unknown {x:?} in assets")))
        .collect()
}

impl Assets {
    pub fn load() -> Assets {
        let family: Vec<FamilyName> = rows("family_names.tsv", asset!("family_names.tsv"))
            .into_iter()
            .map(|r| FamilyName {
                kanji: r[0],
                kana: r[1],
                weight: r[2].parse().expect("weight"),
            })
            .collect();
        let family_weights = family.iter().map(|f| f.weight).collect();
        let given = rows("given_names.tsv", asset!("given_names.tsv"))
            .into_iter()
            .map(|r| GivenName {
                kanji: r[0],
                kana: r[1],
                male: r[2] == "M",
                generation: match r[3] {
                    "old" => Generation::Old,
                    "mid" => Generation::Mid,
                    _ => Generation::Young,
                },
            })
            .collect();
        let units = rows("units.tsv", asset!("units.tsv"))
            .into_iter()
            .map(|r| UnitRow {
                code: r[0],
                name: r[1],
                kana: r[2],
                parent: r[3],
                kind: r[4],
                jobs: list(r[5], |j| {
                    let (t, w) = j.split_once(':')?;
                    Some((job_type_ja(t)?, w.parse().ok()?))
                }),
            })
            .collect();
        let courses = rows("courses.tsv", asset!("courses.tsv"))
            .into_iter()
            .map(|r| CourseRow {
                code: r[0],
                title: r[1],
                category: CourseCategory::from_code(r[2]).expect("course category"),
                hours: r[3].parse().expect("hours"),
                since: r[4],
                required_for: list(r[5], position_ja),
                period: RequiredPeriod::from_code(r[6]).unwrap_or(RequiredPeriod::Once),
                months: r[7].parse().ok(),
            })
            .collect();
        let goals = rows("pdca_goals.tsv", asset!("pdca_goals.tsv"))
            .into_iter()
            .map(|r| Goal {
                goal: r[0],
                metric: r[1],
                unit: r[2],
                lower_is_better: r[3] == "1",
                sections: sections(r[4]),
                start: r[5]
                    .split_once('-')
                    .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                    .expect("start range"),
            })
            .collect();
        let themes = rows("themes.tsv", asset!("themes.tsv"))
            .into_iter()
            .map(|r| (r[0], r[1]))
            .collect();
        let surveys = rows("surveys.tsv", asset!("surveys.tsv"))
            .into_iter()
            .map(|r| SurveyTopic {
                topic: r[0],
                sections: sections(r[2]),
            })
            .collect();
        let achievements = rows("achievements.tsv", asset!("achievements.tsv"))
            .into_iter()
            .map(|r| (r[0], r[1]))
            .collect();
        let qualifications = rows("qualifications.tsv", asset!("qualifications.tsv"))
            .into_iter()
            .map(|r| QualificationRow {
                name: r[0],
                issuer: r[1],
                valid_years: r[2].parse().expect("valid_years"),
                jobs: if r[3] == "*" {
                    vec![]
                } else {
                    list(r[3], job_type_ja)
                },
            })
            .collect();
        let secondments = rows("secondments.tsv", asset!("secondments.tsv"))
            .into_iter()
            .map(|r| (r[0], r[1]))
            .collect();
        let mut texts: std::collections::HashMap<&str, Vec<&str>> = Default::default();
        for r in rows("texts.tsv", asset!("texts.tsv")) {
            texts.entry(r[0]).or_default().push(r[1]);
        }
        Assets {
            family,
            family_weights,
            given,
            units,
            courses,
            goals,
            themes,
            surveys,
            achievements,
            qualifications,
            secondments,
            texts,
        }
    }

    /// One text of a kind, chosen by `rng`.
    /// The `n`th text of a kind, round and round (for parts that draw nothing).
    pub fn text_at(&self, kind: &str, n: usize) -> &'static str {
        match self.texts.get(kind) {
            Some(v) if !v.is_empty() => v[n % v.len()],
            _ => "",
        }
    }

    pub fn text(&self, kind: &str, rng: &mut super::rng::Rng) -> &'static str {
        match self.texts.get(kind) {
            Some(v) if !v.is_empty() => v[rng.below(v.len() as u64) as usize],
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn assets_parse_and_hold_enough() {
        let a = super::Assets::load();
        assert!(a.family.len() >= 200);
        assert!(a.given.len() >= 360);
        assert!(a.units.iter().filter(|u| u.kind == "department").count() >= 6);
        assert!(a.courses.iter().any(|c| c.since == "2013-08-01"));
        assert!(a.courses.iter().any(|c| c.since == "2013-09-01"));
        for k in [
            "self_comment",
            "first_comment",
            "ojt_log_mentor",
            "ojt_log_mentee",
            "review",
            "place",
            "action",
            "award_title_merit",
        ] {
            assert!(a.texts.get(k).is_some_and(|v| !v.is_empty()), "{k}");
        }
        for f in &a.family {
            assert!(crate::domain::staff::is_katakana(f.kana), "{}", f.kana);
        }
        for g in &a.given {
            assert!(crate::domain::staff::is_katakana(g.kana), "{}", g.kana);
        }
    }
}
