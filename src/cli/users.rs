//! `jinji users add|list|remove`: accounts, for admins only.

use super::args::{RoleArg, UsersCommand};
use super::{CmdResult, Ctx, Failure};
use crate::domain::account::{Account, Role};
use crate::domain::staff::Staff;
use crate::store::OpenMode;
use crate::text::pad;

pub fn run(ctx: &Ctx, action: UsersCommand) -> CmdResult {
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::Existing)?;
    let me = ctx.account(&mut db)?;
    ctx.require(&me, &[Role::Admin], "err.admin_only")?;
    let lang = ctx.lang;
    match action {
        UsersCommand::Add { login, role, staff } => {
            let role = match role {
                RoleArg::Admin => Role::Admin,
                RoleArg::Hr => Role::Hr,
                RoleArg::Supervisor => Role::Supervisor,
                RoleArg::Staff => Role::Staff,
            };
            let staff_id = match &staff {
                Some(no) => Some(
                    db.staff_by_no(no)
                        .map_err(|e| ctx.err(e))?
                        .ok_or_else(|| {
                            Failure::input(lang.tf("err.unknown_staff", &[("staff_no", no)]))
                        })?
                        .id,
                ),
                None => None,
            };
            let label = lang.label("role", role.code());
            match db.account_by_login(&login).map_err(|e| ctx.err(e))? {
                Some(mut a) => {
                    a.role = role;
                    a.staff_id = staff_id.or(a.staff_id);
                    a.active = true;
                    db.update(&mut a).map_err(|e| ctx.err(e))?;
                    crate::say!(
                        "{}",
                        lang.tf("cli.user_updated", &[("login", &login), ("role", &label)])
                    );
                }
                None => {
                    let mut a = Account {
                        id: 0,
                        login: login.clone(),
                        staff_id,
                        role,
                        active: true,
                        created_on: ctx.today,
                        version: 0,
                    };
                    db.insert(&mut a).map_err(|e| ctx.err(e))?;
                    crate::say!(
                        "{}",
                        lang.tf("cli.user_added", &[("login", &login), ("role", &label)])
                    );
                }
            }
        }
        UsersCommand::List => {
            let accounts = db.accounts().map_err(|e| ctx.err(e))?;
            let rows: Vec<[String; 5]> = accounts
                .iter()
                .map(|a| {
                    let staff: Option<Staff> = a.staff_id.and_then(|id| db.find(id).ok().flatten());
                    [
                        a.login.clone(),
                        lang.label("role", a.role.code()).to_string(),
                        staff
                            .as_ref()
                            .map(|s| s.staff_no.clone())
                            .unwrap_or_default(),
                        staff.as_ref().map(|s| s.full_name()).unwrap_or_default(),
                        if a.active {
                            String::new()
                        } else {
                            lang.t("cli.disabled").to_string()
                        },
                    ]
                })
                .collect();
            let heads = [
                lang.field("login"),
                lang.field("role"),
                lang.field("staff_no"),
                lang.field("name"),
                lang.field("active"),
            ];
            let widths: Vec<usize> = (0..5)
                .map(|i| {
                    rows.iter()
                        .map(|r| crate::text::width(&r[i]))
                        .chain([crate::text::width(heads[i])])
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            let line = |cells: [&str; 5]| {
                let s: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
                crate::say!("{}", s.join("  ").trim_end());
            };
            line(heads);
            for r in &rows {
                line([&r[0], &r[1], &r[2], &r[3], &r[4]]);
            }
        }
        UsersCommand::Remove { login } => {
            let mut a = db
                .account_by_login(&login)
                .map_err(|e| ctx.err(e))?
                .ok_or_else(|| {
                    Failure::input(lang.tf("err.unknown_login", &[("login", &login)]))
                })?;
            let admins = db
                .accounts()
                .map_err(|e| ctx.err(e))?
                .iter()
                .filter(|x| x.active && x.role == Role::Admin)
                .count();
            if a.role == Role::Admin && a.active && admins <= 1 {
                return Err(Failure::input(lang.t("err.last_admin").into()));
            }
            a.active = false;
            db.update(&mut a).map_err(|e| ctx.err(e))?;
            crate::say!("{}", lang.tf("cli.user_removed", &[("login", &login)]));
        }
    }
    Ok(())
}
