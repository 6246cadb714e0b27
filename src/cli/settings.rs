//! `jinji settings [KEY VALUE]`: the ward's rules, listed for anyone, set by admins.

use super::{CmdResult, Ctx, Failure};
use crate::domain::account::Role;
use crate::domain::plan_check::PlanRule;
use crate::store::OpenMode;
use crate::store::settings::{LIST_RULES, RULES};
use crate::text::pad;

pub fn run(ctx: &Ctx, key: Option<String>, value: Option<String>) -> CmdResult {
    let lang = ctx.lang;
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::Existing)?;
    let me = ctx.account(&mut db)?;
    match (key, value) {
        (Some(k), Some(v)) => {
            ctx.require(&me, &[Role::Admin], "err.admin_only")?;
            db.set_rule(&k, &v).map_err(|e| match e {
                crate::store::StoreError::Invalid(_)
                    if !RULES.iter().any(|r| r.key == k)
                        && !PlanRule::ALL.iter().any(|r| r.setting_key() == k)
                        && !LIST_RULES.iter().any(|r| r.key == k) =>
                {
                    Failure::input(
                        lang.tf(
                            "err.unknown_setting",
                            &[
                                ("key", &k),
                                (
                                    "keys",
                                    &RULES
                                        .iter()
                                        .map(|r| r.key)
                                        .chain(LIST_RULES.iter().map(|r| r.key))
                                        .chain(PlanRule::ALL.iter().map(|r| r.setting_key()))
                                        .collect::<Vec<_>>()
                                        .join(" "),
                                ),
                            ],
                        ),
                    )
                }
                e => ctx.err(e),
            })?;
            crate::say!(
                "{}",
                lang.tf("cli.setting_set", &[("key", &k), ("value", &v.trim())])
            );
        }
        (Some(_), None) => return Err(Failure::input(lang.t("err.setting_value").into())),
        _ => {
            for r in RULES {
                let v = db.rule_value(r.key).map_err(|e| ctx.err(e))?;
                crate::say!(
                    "{} {} {}",
                    pad(r.key, 20),
                    pad(&v.to_string(), 5),
                    lang.tf(
                        "cli.setting_line",
                        &[
                            ("what", &lang.field(r.key)),
                            ("default", &r.default),
                            ("min", &r.min),
                            ("max", &r.max),
                        ]
                    )
                );
            }
            // How each kind of transfer-plan problem counts: error or warning.
            let severities = db.plan_severities().map_err(|e| ctx.err(e))?;
            let key_w = PlanRule::ALL
                .iter()
                .map(|r| r.setting_key().len())
                .max()
                .unwrap_or(20);
            for (rule, s) in severities {
                crate::say!(
                    "{} {} {}",
                    pad(rule.setting_key(), key_w),
                    pad(s.code(), 7),
                    lang.tf(
                        if rule.fixed_severity().is_some() {
                            "cli.severity_fixed_line"
                        } else {
                            "cli.severity_line"
                        },
                        &[
                            ("what", &lang.field(rule.setting_key())),
                            ("default", &rule.default_severity().code()),
                        ]
                    )
                );
            }
            // The rules that are lists of codes: the value, then what it is and its default.
            for r in LIST_RULES {
                let v = db.list_rule(r.key).map_err(|e| ctx.err(e))?;
                let v = if v.is_empty() {
                    "-".into()
                } else {
                    v.join(",")
                };
                crate::say!("{} {}", pad(r.key, 20), v);
                crate::say!(
                    "{} {}",
                    pad("", 20),
                    lang.tf(
                        "cli.setting_list_line",
                        &[
                            ("what", &lang.field(r.key)),
                            ("default", &r.default.join(","))
                        ]
                    )
                );
            }
        }
    }
    Ok(())
}
