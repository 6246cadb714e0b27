//! The selected record as people read it, and the tab's panel, loaded after every action
//! so that drawing never reads the database.

use super::App;
use super::form::{self, Form};
use crate::domain::Id;
use crate::store::StoreError;

/// What was read for drawing after the last action, so that drawing never reads the
/// database.
#[derive(Default)]
pub struct Shown {
    /// The selected record as (label key, text) pairs.
    pub detail: Vec<(&'static str, String)>,
    /// The tab's own panel (charts, board, lineage).
    pub panel: super::panels::Panel,
    /// Counts and tallies, made off the screen's thread once `off_thread` is on.
    pub answers: super::worker::Answers,
    /// A word after an action (「保存しました」), shown in the status line until the
    /// next key.
    pub notice: Option<String>,
}

impl App {
    /// A session as people name it (`SEC01 2026-06-19`), with the course title.
    pub(super) fn session_text(&self, text: &str) -> Result<String, StoreError> {
        let Some((code, day)) = text.split_once(' ') else {
            return Ok(text.to_string());
        };
        let title = self
            .session
            .db
            .course_by_code(code)?
            .map(|c| c.title)
            .unwrap_or_default();
        let day = day
            .parse()
            .map(|d| self.session.date_style.show(d))
            .unwrap_or_else(|_| day.to_string());
        Ok(format!("{title}（{code}）{day}"))
    }

    pub(super) fn cycle_text(&self, id: &str) -> Result<String, StoreError> {
        let Ok(id) = id.parse::<Id>() else {
            return Ok(id.to_string());
        };
        Ok(
            match self.session.db.find::<crate::domain::pdca::PdcaCycle>(id)? {
                Some(c) => format!(
                    "{} {}",
                    self.session.lang.fiscal_year(c.fiscal_year),
                    c.title
                ),
                None => String::new(),
            },
        )
    }

    /// The selected record's fields as people read them (references by number and name,
    /// codes by label).
    pub(super) fn load_detail(&mut self) -> Result<(), StoreError> {
        self.shown.detail.clear();
        let view = self.view();
        // A worklist of people shows the person of the row.
        let (Some(ed), Some(id)) = (
            view.rows_are().editor(),
            self.list().and_then(|l| l.current()).map(|r| r.id),
        ) else {
            return self.load_panel(None);
        };
        let rec = match ed.load(&self.session.db, id, self.session.actor()) {
            Ok(r) => r,
            // Someone else deleted it: the list catches up instead of complaining forever.
            Err(StoreError::NotFound { .. }) => {
                self.refresh()?;
                return self.load_panel(None);
            }
            Err(e) => return Err(e),
        };
        self.load_panel(Some(&rec))?;
        let eval = ed.evaluation(&rec);
        let withheld = eval.as_ref().and_then(|e| self.withheld(e));
        let deadline = eval.filter(|e| e.response.is_none()).and_then(|e| {
            let rules = self.session.db.eval_rules().ok()?;
            crate::domain::eval_flow::response_deadline(&e, &rules)
        });
        let dates = ed.derived_dates(&self.session.db, &rec)?;
        let post = (view == super::view::View::Posts)
            .then(|| serde_json::from_value::<crate::domain::post::UnitPost>(rec.clone()).ok())
            .flatten();
        let fields = ed.detail_fields_for(&rec);
        let form = Form::new(view, Some(id), rec, fields, &self.session.db);
        for f in form.fields {
            let text = match f.spec.kind {
                form::FieldKind::Code(group, _) | form::FieldKind::OptCode(group, _)
                    if !f.text.is_empty() =>
                {
                    if group == "grade" {
                        f.text
                    } else {
                        self.session.lang.label(group, &f.text).to_string()
                    }
                }
                form::FieldKind::Bool => self
                    .session
                    .lang
                    .t(if f.text == "true" { "ui.yes" } else { "ui.no" })
                    .to_string(),
                // A reference reads as its code and the name the form found for it.
                form::FieldKind::Staff
                | form::FieldKind::OptStaff
                | form::FieldKind::Unit
                | form::FieldKind::OptUnit
                | form::FieldKind::Course
                | form::FieldKind::ExamKind => match &f.shown {
                    Some(name) => format!("{} {name}", f.text),
                    None => f.text,
                },
                // Ids people cannot read become what they point to.
                _ if f.spec.key == "session" => self.session_text(&f.text)?,
                form::FieldKind::StaffList => {
                    let mut names = Vec::new();
                    for no in f.text.split(' ').filter(|x| !x.is_empty()) {
                        if let Some(s) = self.session.db.staff_by_no(no)? {
                            names.push(format!("{} {}", s.staff_no, s.full_name()));
                        }
                    }
                    names.join("、")
                }
                _ if f.spec.key == "prev_id" && !f.text.is_empty() => self.cycle_text(&f.text)?,
                form::FieldKind::FiscalYear => match f.text.parse() {
                    Ok(fy) => self.session.lang.fiscal_year(fy),
                    Err(_) => f.text,
                },
                form::FieldKind::Date | form::FieldKind::OptDate => match f.text.parse() {
                    Ok(d) => self.session.date_style.show(d),
                    Err(_) => f.text,
                },
                _ => f.text,
            };
            self.shown.detail.push((f.spec.key, text));
        }
        for (key, day) in dates {
            self.shown
                .detail
                .push((key, self.session.date_style.show(day)));
        }
        if let Some(p) = post {
            self.add_post_counts(&p)?;
        }
        // A person's posts beside their main one, where the 職員 detail is read.
        if view.rows_are() == super::view::View::Staff {
            self.add_posts_beside(id)?;
        }
        // Until the evaluatee answers, the last day they may.
        if let Some(d) = deadline {
            self.shown
                .detail
                .push(("response_deadline", self.session.date_style.show(d)));
        }
        // A person's leave in effect today, beside their status (which follows it).
        if view.rows_are() == super::view::View::Staff {
            self.show_leave_now(id)?;
        }
        // Said beside the state, where the reader looks for what has been decided.
        if let Some(key) = withheld {
            let at = self
                .shown
                .detail
                .iter()
                .position(|(k, _)| *k == "state")
                .map_or(self.shown.detail.len(), |i| i + 1);
            self.shown
                .detail
                .insert(at, ("withheld", self.session.lang.t(key).to_string()));
        }
        Ok(())
    }

    /// 「兼務 庶務係 係長（2026-04-01〜）」, one after another, for the person `id`.
    fn add_posts_beside(&mut self, id: Id) -> Result<(), StoreError> {
        let (lang, today) = (self.session.lang, self.session.today);
        let posts = self.session.db.posts_beside(id, today)?;
        if posts.is_empty() {
            return Ok(());
        }
        let text: Vec<String> = posts
            .iter()
            .map(|(a, u)| {
                format!(
                    "{} {} {}（{}〜）",
                    lang.label("assignment_kind", a.kind.code()),
                    u.name,
                    lang.label("position", a.position.code()),
                    self.session.date_style.show(a.start_date)
                )
            })
            .collect();
        self.shown.detail.push(("posts_beside", text.join("、")));
        Ok(())
    }

    /// 現員, 欠員 and 過員 of a 定数 on the day the view counts on, and who heads its unit
    /// then (or that no one does).
    fn add_post_counts(&mut self, p: &crate::domain::post::UnitPost) -> Result<(), StoreError> {
        let day = self.posts_day();
        let db = &self.session.db;
        let c = db
            .posts_as_of(day, Some(&[p.unit_id]))?
            .into_iter()
            .find(|c| c.class == p.class);
        let (present, vacant, over) = c.map_or((0, p.count, 0), |c| {
            let (vacant, over) = crate::domain::post::vacancies(p.count, c.present);
            (c.present, vacant, over)
        });
        let lang = self.session.lang;
        let headed = db
            .find::<crate::domain::unit::Unit>(p.unit_id)?
            .is_some_and(|u| crate::store::heads::head_position(u.kind).is_some());
        let head = match db.unit_head(p.unit_id, day)? {
            Some(id) => db
                .find::<crate::domain::staff::Staff>(id)?
                .map(|s| format!("{} {}", s.staff_no, s.full_name())),
            None => None,
        };
        let shown_day = self.as_of_text(day);
        let d = &mut self.shown.detail;
        d.push(("as_of", shown_day));
        d.push(("present", present.to_string()));
        d.push(("vacant", vacant.to_string()));
        d.push(("over", over.to_string()));
        if headed {
            let head = head.unwrap_or_else(|| lang.label("head_flag", "missing").to_string());
            d.push(("unit_head", head));
        }
        Ok(())
    }

    /// The leave in effect for person `id` today (kind and period), after the status.
    fn show_leave_now(&mut self, id: Id) -> Result<(), StoreError> {
        let Some(l) = self.session.db.leave_on(id, self.session.today)? else {
            return Ok(());
        };
        let lang = self.session.lang;
        let style = &self.session.date_style;
        let text = lang.tf(
            "detail.leave_period",
            &[
                ("kind", &lang.label("leave_kind", l.kind.code())),
                ("from", &style.show(l.start_date)),
                ("to", &l.end_date.map(|d| style.show(d)).unwrap_or_default()),
            ],
        );
        let at = self
            .shown
            .detail
            .iter()
            .position(|(k, _)| *k == "status")
            .map_or(self.shown.detail.len(), |i| i + 1);
        self.shown.detail.insert(at, ("leave_now", text));
        Ok(())
    }

    /// Why some of an evaluation is not shown to this reader yet (empty fields would read
    /// as "not rated"): the evaluatee waits for disclosure, an evaluator for finalization.
    fn withheld(&self, e: &crate::domain::evaluation::Evaluation) -> Option<&'static str> {
        use crate::domain::disclosure::{Relation, Stage};
        let reader = self.session.visible.reader();
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
