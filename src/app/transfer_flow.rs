//! The transfer plan's moves from the screens: apply it (発令) on its day, or set it aside.

use super::App;
use super::flow::Move;
use crate::domain::Id;
use crate::domain::staff::Staff;
use crate::domain::transfer::{PlanState, TransferPlan};
use crate::store::StoreError;

impl App {
    /// Apply and discard while the plan is a draft; before its day, why it cannot apply.
    pub(super) fn plan_menu(
        &self,
        id: Id,
        blocked: &mut Vec<(String, String)>,
    ) -> Result<(i64, Vec<(Move, String)>), StoreError> {
        let lang = self.lang;
        let p: TransferPlan = self.db.get(id)?;
        let mut moves = Vec::new();
        if p.state == PlanState::Draft && self.can_write() {
            if self.today >= p.effective_on {
                moves.push((Move::ApplyPlan, Move::ApplyPlan.label(lang).to_string()));
            } else {
                blocked.push((
                    Move::ApplyPlan.label(lang).to_string(),
                    lang.tf(
                        "ui.plan_not_yet",
                        &[("date", &self.date_style.show(p.effective_on))],
                    ),
                ));
            }
            moves.push((Move::DiscardPlan, Move::DiscardPlan.label(lang).to_string()));
        }
        if self.can_write() {
            self.compare_menu(&p, &mut moves)?;
        }
        Ok((p.version, moves))
    }

    /// Applies or discards a plan. A move that cannot be made is named with its person.
    pub(super) fn make_plan_move(&mut self, id: Id, m: Move) -> Result<Id, StoreError> {
        let who = self.actor();
        match m {
            Move::DiscardPlan => self.db.discard_transfer_plan(id, who).map(|p| p.id),
            _ => {
                let mut on = None;
                match self
                    .db
                    .apply_transfer_plan(id, who, self.today, &mut |mv| on = Some(mv.staff_id))
                {
                    Ok(_) => Ok(id),
                    Err(e) => {
                        let person = match on {
                            Some(s) => self.db.find::<Staff>(s)?,
                            None => None,
                        };
                        let text = match person {
                            Some(p) => format!(
                                "{} {}: {}",
                                p.staff_no,
                                p.full_name(),
                                crate::i18n::error_text(self.lang, &e)
                            ),
                            None => crate::i18n::error_text(self.lang, &e),
                        };
                        self.modals.push(super::Modal::Message { text });
                        Ok(id)
                    }
                }
            }
        }
    }
}
