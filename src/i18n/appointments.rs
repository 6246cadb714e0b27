//! 発令事項 in the ward's words: the catalogue as the store's [`Wording`].

use super::Lang;
use crate::domain::appointment::{Order, Wording};

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
        }
    }
}
