//! The selected record as people read it, and the tab's panel, loaded after every action
//! so that drawing never reads the database.

use super::App;
use super::form::{self, Form};
use super::view::Workflow;
use crate::domain::Id;
use crate::store::StoreError;

impl App {
    /// A session as people name it (`SEC01 2026-06-19`), with the course title.
    pub(super) fn session_text(&self, text: &str) -> Result<String, StoreError> {
        let Some((code, day)) = text.split_once(' ') else {
            return Ok(text.to_string());
        };
        let title = self
            .db
            .course_by_code(code)?
            .map(|c| c.title)
            .unwrap_or_default();
        let day = day
            .parse()
            .map(|d| self.date_style.show(d))
            .unwrap_or_else(|_| day.to_string());
        Ok(format!("{title}（{code}）{day}"))
    }

    pub(super) fn cycle_text(&self, id: &str) -> Result<String, StoreError> {
        let Ok(id) = id.parse::<Id>() else {
            return Ok(id.to_string());
        };
        Ok(match self.db.find::<crate::domain::pdca::PdcaCycle>(id)? {
            Some(c) => format!("{} {}", self.lang.fiscal_year(c.fiscal_year), c.title),
            None => String::new(),
        })
    }

    /// The selected record's fields as people read them (references by number and name,
    /// codes by label).
    pub(super) fn load_detail(&mut self) -> Result<(), StoreError> {
        self.detail.clear();
        let view = self.view();
        // A worklist of people shows the person of the row.
        let (Some(ed), Some(id)) = (
            view.rows_are().editor(),
            self.list().and_then(|l| l.current()).map(|r| r.id),
        ) else {
            return self.load_panel(None);
        };
        let rec = match ed.load(&self.db, id, self.actor()) {
            Ok(r) => r,
            // Someone else deleted it: the list catches up instead of complaining forever.
            Err(StoreError::NotFound { .. }) => {
                self.refresh()?;
                return self.load_panel(None);
            }
            Err(e) => return Err(e),
        };
        self.load_panel(Some(&rec))?;
        let eval = (view.spec().workflow == Some(Workflow::Evaluation))
            .then(|| serde_json::from_value::<crate::domain::evaluation::Evaluation>(rec.clone()))
            .and_then(Result::ok);
        let withheld = eval.as_ref().and_then(|e| self.withheld(e));
        let deadline = eval.filter(|e| e.response.is_none()).and_then(|e| {
            let rules = self.db.eval_rules().ok()?;
            crate::domain::eval_flow::response_deadline(&e, &rules)
        });
        let fields = ed.detail_fields_for(&rec);
        let form = Form::new(view, Some(id), rec, fields, &self.db);
        for f in form.fields {
            let text = match f.spec.kind {
                form::FieldKind::Code(group, _) | form::FieldKind::OptCode(group, _)
                    if !f.text.is_empty() =>
                {
                    if group == "grade" {
                        f.text
                    } else {
                        self.lang.label(group, &f.text).to_string()
                    }
                }
                form::FieldKind::Bool => self
                    .lang
                    .t(if f.text == "true" { "ui.yes" } else { "ui.no" })
                    .to_string(),
                form::FieldKind::Staff | form::FieldKind::OptStaff if !f.text.is_empty() => {
                    match self.db.staff_by_no(&f.text)? {
                        Some(s) => format!("{} {}", s.staff_no, s.full_name()),
                        None => f.text,
                    }
                }
                form::FieldKind::Unit | form::FieldKind::OptUnit if !f.text.is_empty() => {
                    match self.db.unit_by_code(&f.text)? {
                        Some(u) => format!("{} {}", u.code, u.name),
                        None => f.text,
                    }
                }
                form::FieldKind::Course if !f.text.is_empty() => {
                    match self.db.course_by_code(&f.text)? {
                        Some(c) => format!("{} {}", c.code, c.title),
                        None => f.text,
                    }
                }
                // Ids people cannot read become what they point to.
                _ if f.spec.key == "session" => self.session_text(&f.text)?,
                form::FieldKind::StaffList => {
                    let mut names = Vec::new();
                    for no in f.text.split(' ').filter(|x| !x.is_empty()) {
                        if let Some(s) = self.db.staff_by_no(no)? {
                            names.push(format!("{} {}", s.staff_no, s.full_name()));
                        }
                    }
                    names.join("、")
                }
                _ if f.spec.key == "prev_id" && !f.text.is_empty() => self.cycle_text(&f.text)?,
                form::FieldKind::FiscalYear => match f.text.parse() {
                    Ok(fy) => self.lang.fiscal_year(fy),
                    Err(_) => f.text,
                },
                form::FieldKind::Date | form::FieldKind::OptDate => match f.text.parse() {
                    Ok(d) => self.date_style.show(d),
                    Err(_) => f.text,
                },
                _ => f.text,
            };
            self.detail.push((f.spec.key, text));
        }
        // Until the evaluatee answers, the last day they may.
        if let Some(d) = deadline {
            self.detail
                .push(("response_deadline", self.date_style.show(d)));
        }
        // Said beside the state, where the reader looks for what has been decided.
        if let Some(key) = withheld {
            let at = self
                .detail
                .iter()
                .position(|(k, _)| *k == "state")
                .map_or(self.detail.len(), |i| i + 1);
            self.detail
                .insert(at, ("withheld", self.lang.t(key).to_string()));
        }
        Ok(())
    }

    /// Why some of an evaluation is not shown to this reader yet (empty fields would read
    /// as "not rated"): the evaluatee waits for disclosure, an evaluator for finalization.
    fn withheld(&self, e: &crate::domain::evaluation::Evaluation) -> Option<&'static str> {
        use crate::domain::disclosure::{Relation, Stage};
        let reader = self.visible.reader();
        // A self-assessment not yet handed in is simply not there for the evaluators.
        if [Stage::First, Stage::Second, Stage::Final]
            .iter()
            .all(|&s| reader.sees(e, s))
        {
            return None;
        }
        let crate::domain::disclosure::Reader::Person(me) = reader else {
            return None;
        };
        Some(match Relation::of(e, me) {
            Relation::Evaluatee => "ui.withheld_disclosure",
            _ => "ui.withheld_final",
        })
    }
}
