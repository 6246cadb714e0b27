//! `a` on 定数・現員: the day it counts on. A prompt of one date field (ISO or era, as
//! every date field reads); an empty answer goes back to the default day (today, or 1
//! April of another year). The year in view follows the day chosen, and the list's query
//! carries the day: drawing computes nothing.

use serde_json::json;

use super::form::{FieldKind, FieldSpec, Form, field};
use super::view::View;
use super::{App, Modal};
use crate::domain::Date;
use crate::store::StoreError;

static AS_OF: &[FieldSpec] = &[field("as_of", "as_of", FieldKind::OptDate)];

impl App {
    /// The day the 定数・現員 view counts on now.
    pub fn posts_day(&self) -> Date {
        self.nav.as_of.unwrap_or_else(|| {
            crate::store::staffing::day_in_view(self.session.today, self.nav.fiscal_year)
        })
    }

    /// Opens the prompt, holding the day counted on now.
    pub(super) fn ask_as_of(&mut self) {
        let base = json!({ "as_of": self.nav.as_of.map(|d| d.iso()) });
        let mut form = Form::new(View::Posts, None, base, AS_OF, &self.session.db);
        form.note = Some(self.session.lang.t("ui.as_of_note").to_string());
        self.modals.push(Modal::AsOf(form));
    }

    /// Takes the prompt's answer: a day (its year now in view), or none (back to the
    /// default day); a date that cannot be read stays in the prompt with its problem.
    pub(super) fn choose_as_of(&mut self) -> Result<(), StoreError> {
        let lang = self.session.lang;
        let Some(Modal::AsOf(form)) = self.modals.last_mut() else {
            return Ok(());
        };
        let f = &mut form.fields[0];
        let text = f.text.trim().to_string();
        let day = if text.is_empty() {
            None
        } else {
            match Date::read(&text) {
                Ok(d) => Some(d),
                Err(_) => {
                    f.error = Some(lang.tf("err.bad_date", &[("value", &text)]));
                    return Ok(());
                }
            }
        };
        self.modals.pop();
        self.nav.as_of = day;
        self.nav.fiscal_year = day.unwrap_or(self.session.today).fiscal_year();
        self.refresh()?;
        let shown = self.as_of_text(self.posts_day());
        self.shown.notice = Some(lang.tf("ui.as_of_chosen", &[("day", &shown)]));
        Ok(())
    }

    /// A day as the header shows it: the era in Japanese, ISO in English.
    pub fn as_of_text(&self, d: Date) -> String {
        match self.session.lang {
            crate::i18n::Lang::Ja => crate::domain::date::era_long(d),
            _ => d.iso(),
        }
    }
}
