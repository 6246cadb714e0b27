//! What `jinji transfer …` and `jinji reorg …` share: the HR office's session, finding a
//! plan, and the lines that list, create and discard one.

use super::{CmdResult, Ctx, Failure};
use crate::domain::account::{Account, Role};
use crate::store::Db;
use crate::store::flow::Actor;
use crate::store::plans::Plan;
use crate::store::scope::Visibility;

/// The message keys one kind of plan speaks with.
pub(super) struct PlanWords {
    /// A plan id not found.
    pub unknown: &'static str,
    /// One plan in the list.
    pub line: &'static str,
    /// The label group of its states.
    pub state: &'static str,
    pub created: &'static str,
    pub discarded: &'static str,
}

/// The open database and the HR account working on it.
pub(super) struct Desk {
    pub db: Db,
    me: Account,
    visible: Visibility,
}

impl Desk {
    /// Opens the database for an account of the HR office: plans are theirs alone, to
    /// read as to write.
    pub fn open(ctx: &Ctx) -> Result<Desk, Failure> {
        let (db, me, visible) = super::flow::open(ctx)?;
        ctx.require(&me, &[Role::Admin, Role::Hr], "err.hr_only")?;
        Ok(Desk { db, me, visible })
    }

    pub fn who(&self) -> Actor<'_> {
        Actor {
            account: &self.me,
            visible: &self.visible,
        }
    }
}

pub(super) fn find<P: Plan>(ctx: &Ctx, db: &Db, words: &PlanWords, id: i64) -> Result<P, Failure> {
    db.find(id)
        .map_err(|e| ctx.err(e))?
        .ok_or_else(|| Failure::input(ctx.lang.tf(words.unknown, &[("id", &id)])))
}

/// Every plan of the kind, one line each with how many items it holds.
pub(super) fn list<P: Plan>(ctx: &Ctx, db: &Db, words: &PlanWords) -> CmdResult {
    let lang = ctx.lang;
    for p in db.plans::<P>().map_err(|e| ctx.err(e))? {
        let n = db.plan_items::<P>(p.id()).map_err(|e| ctx.err(e))?.len();
        crate::say!(
            "{}",
            lang.tf(
                words.line,
                &[
                    ("id", &p.id()),
                    ("name", &p.name()),
                    ("effective", &p.effective_on()),
                    ("state", &lang.label(words.state, p.state().code())),
                    ("n", &n),
                ]
            )
        );
    }
    Ok(())
}

/// A new draft plan from the command line's name and day.
pub(super) fn create<P: Plan>(
    ctx: &Ctx,
    desk: &Desk,
    words: &PlanWords,
    name: &str,
    effective: &str,
) -> CmdResult {
    let day = super::parse_date(ctx.lang, effective)?;
    let p = desk
        .db
        .new_plan::<P>(name, day, desk.who())
        .map_err(|e| ctx.err(e))?;
    crate::say!(
        "{}",
        ctx.lang.tf(
            words.created,
            &[
                ("id", &p.id()),
                ("name", &p.name()),
                ("effective", &p.effective_on())
            ]
        )
    );
    Ok(())
}

/// Sets a draft plan aside.
pub(super) fn discard<P: Plan>(ctx: &Ctx, desk: &Desk, words: &PlanWords, id: i64) -> CmdResult {
    find::<P>(ctx, &desk.db, words, id)?;
    desk.db
        .discard_plan::<P>(id, desk.who())
        .map_err(|e| ctx.err(e))?;
    crate::say!("{}", ctx.lang.tf(words.discarded, &[("id", &id)]));
    Ok(())
}
