//! 発令事項 in the ward's words: the catalogue as the store's [`Wording`].

use super::Lang;
use crate::domain::appointment::{Order, Post, Wording};
use crate::domain::post::AssignmentKind;

/// The language 発令 are issued in, whatever the screen's: a 辞令 is an official
/// document of the ward.
pub const WARD: Lang = Lang::Ja;

impl Wording for Lang {
    fn order(&self, order: &Order) -> String {
        let lang = *self;
        match order {
            Order::Hire => lang.t("appoint.hire").to_string(),
            Order::Promotion { position } => {
                let position = lang.label("position", position.code());
                lang.tf("appoint.promotion", &[("position", &position)])
            }
            Order::Grade { grade, up } => {
                let key = if *up {
                    "appoint.grade_up"
                } else {
                    "appoint.grade_set"
                };
                lang.tf(key, &[("grade", grade)])
            }
            Order::Head { unit } => lang.tf("appoint.head_of", &[("unit", unit)]),
            Order::Transfer { unit } => lang.tf("appoint.transfer", &[("unit", unit)]),
            Order::Secondment { unit } => lang.tf("appoint.secondment", &[("unit", unit)]),
            Order::Beside { kind, post } => {
                let key = match kind {
                    AssignmentKind::ActingDuties => "appoint.acting_duties",
                    AssignmentKind::Deputy => "appoint.deputy",
                    AssignmentKind::Main | AssignmentKind::Concurrent => "appoint.concurrent",
                };
                lang.tf(key, &[("post", &post_words(lang, *kind, post))])
            }
            Order::Release { kind, post } => {
                let key = match kind {
                    AssignmentKind::ActingDuties => "appoint.release_acting_duties",
                    AssignmentKind::Deputy => "appoint.release_deputy",
                    AssignmentKind::Main | AssignmentKind::Concurrent => {
                        "appoint.release_concurrent"
                    }
                };
                lang.tf(key, &[("post", &post_words(lang, *kind, post))])
            }
            Order::Retirement => lang.t("appoint.retirement").to_string(),
        }
    }
}

/// ○○係長 for a head; ○○係勤務 for a 兼務 without one; ○○課課長補佐 for the duties of
/// another position.
fn post_words(lang: Lang, kind: AssignmentKind, post: &Post) -> String {
    let unit = post.unit.as_str();
    if post.head {
        lang.tf("appoint.post_head", &[("unit", &unit)])
    } else if matches!(kind, AssignmentKind::Concurrent | AssignmentKind::Main) {
        lang.tf("appoint.post_member", &[("unit", &unit)])
    } else {
        let position = lang.label("position", post.position.code());
        format!("{unit}{position}")
    }
}
