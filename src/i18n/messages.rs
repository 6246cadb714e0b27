//! Turning validation problems and store errors into sentences in the user's language.

use super::Lang;
use crate::domain::{FieldError, Invalid, Problem};
use crate::store::StoreError;

pub fn problem_text(lang: Lang, e: &FieldError) -> String {
    let field = lang.field(e.field);
    match &e.problem {
        Problem::Required => lang.tf("problem.required", &[("field", &field)]),
        Problem::TooLong { max } => lang.tf("problem.too_long", &[("field", &field), ("max", max)]),
        Problem::OutOfRange { min, max } => lang.tf(
            "problem.out_of_range",
            &[("field", &field), ("min", min), ("max", max)],
        ),
        Problem::Malformed => lang.tf("problem.malformed", &[("field", &field)]),
        Problem::NoSuchDay => lang.tf("problem.no_such_date", &[("field", &field)]),
        Problem::ControlChars { code, within } if within.is_empty() => lang.tf(
            "problem.control_chars",
            &[("field", &field), ("code", code)],
        ),
        Problem::ControlChars { code, within } => lang.tf(
            "problem.control_in",
            &[("field", &field), ("code", code), ("within", within)],
        ),
        Problem::Emoji { shown } => {
            lang.tf("problem.emoji", &[("field", &field), ("shown", shown)])
        }
        Problem::Digits { digits } => {
            lang.tf("problem.digits", &[("field", &field), ("digits", digits)])
        }
        Problem::Before { other } => lang.tf(
            "problem.before",
            &[("field", &field), ("other", &lang.field(other))],
        ),
        Problem::After { other } => lang.tf(
            "problem.after",
            &[("field", &field), ("other", &lang.field(other))],
        ),
        Problem::Duplicate => lang.tf("problem.duplicate", &[("field", &field)]),
        Problem::Unknown => lang.tf("problem.unknown", &[("field", &field)]),
        Problem::Overlap => lang.tf("problem.overlap", &[("field", &field)]),
        Problem::Sum { expected, actual } => lang.tf(
            "problem.sum",
            &[
                ("field", &field),
                ("expected", expected),
                ("actual", actual),
            ],
        ),
        Problem::Closed { on } => lang.tf("problem.closed", &[("field", &field), ("on", on)]),
        Problem::Rule { rule } => rule_text(lang, e.field, lang.t(&format!("rule.{rule}"))),
        Problem::Threshold { rule, value } => rule_text(
            lang,
            e.field,
            &lang.tf(&format!("rule.{rule}"), &[("n", value)]),
        ),
        Problem::RowRefused { row } => {
            lang.tf("problem.row_refused", &[("field", &field), ("row", row)])
        }
        Problem::NotACode { code } => {
            lang.tf("problem.not_a_code", &[("field", &field), ("code", code)])
        }
    }
}

/// A broken rule, with the field it concerns — unless that is the record itself (its
/// number, its state), which a notice about the record need not name.
fn rule_text(lang: Lang, field: &str, rule: &str) -> String {
    if matches!(field, "id" | "state") {
        // The English rules read as the rest of a sentence; alone, one begins with a capital.
        let mut c = rule.chars();
        return c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
    }
    lang.tf(
        "problem.rule",
        &[("field", &lang.field(field)), ("rule", &rule)],
    )
}

pub fn invalid_text(lang: Lang, inv: &Invalid) -> String {
    inv.0
        .iter()
        .map(|e| problem_text(lang, e))
        .collect::<Vec<_>>()
        .join(if lang == Lang::Ja { "。" } else { "; " })
}

pub fn error_text(lang: Lang, e: &StoreError) -> String {
    let table = |t: &str| lang.t(&format!("table.{t}"));
    match e {
        StoreError::Invalid(inv) => invalid_text(lang, inv),
        StoreError::Conflict {
            table: t,
            id,
            known_as,
            by,
            at,
        } => lang.tf(
            "err.conflict",
            &[
                ("table", &table(t)),
                // Named by what people know; by its number only where nothing else names it.
                (
                    "record",
                    &if known_as.is_empty() {
                        format!("#{id}")
                    } else {
                        known_as.clone()
                    },
                ),
                ("by", by),
                // Stored UTC; said in the clerk's own time.
                ("at", &crate::text::local_stamp(at)),
            ],
        ),
        StoreError::NotFound { table: t, id } => {
            lang.tf("err.not_found", &[("table", &table(t)), ("id", id)])
        }
        StoreError::Busy => lang.t("err.busy").into(),
        StoreError::DiskFull { path } if path.as_os_str().is_empty() => {
            lang.t("err.disk_full").into()
        }
        StoreError::DiskFull { path } => lang.tf("err.disk_full_at", &[("path", &path.display())]),
        StoreError::NotADatabase { path } => {
            lang.tf("err.not_a_database", &[("path", &path.display())])
        }
        // A damage met while reading, away from the file's name.
        StoreError::Damaged { path } if path.as_os_str().is_empty() => {
            lang.t("err.damaged_here").into()
        }
        StoreError::Damaged { path } => lang.tf("err.damaged", &[("path", &path.display())]),
        StoreError::NewerSchema { path, found, known } => lang.tf(
            "err.newer_schema",
            &[
                ("path", &path.display()),
                ("found", found),
                ("known", known),
            ],
        ),
        StoreError::Empty { path } => lang.tf("err.empty", &[("path", &path.display())]),
        StoreError::Io { path, reason } => {
            lang.tf("err.io", &[("path", &path.display()), ("reason", reason)])
        }
        StoreError::ReadOnly { path } => lang.tf("err.read_only", &[("path", &path.display())]),
        StoreError::Denied(reason) => lang.tf("err.denied", &[("reason", reason)]),
        StoreError::Sql(reason) => lang.tf("err.sql", &[("reason", reason)]),
        StoreError::Cancelled => lang.t("err.cancelled").into(),
        StoreError::PlanProblems(p) => super::plan::plan_refusal_text(lang, p),
    }
}

/// For a damaged database: the line naming its newest backup in `backups_dir`, if any.
pub fn newest_backup(
    lang: Lang,
    backups_dir: &std::path::Path,
    db: &std::path::Path,
) -> Option<String> {
    let newest = crate::store::backups_of(backups_dir, db).pop()?;
    Some(lang.tf("err.newest_backup", &[("path", &newest.display())]))
}

/// A file that could not be read or written, named with its row and column.
pub fn sheet_error_text(lang: Lang, e: &crate::sheet::SheetError) -> String {
    use crate::sheet::SheetError as S;
    match e {
        S::Io { path, reason } => {
            lang.tf("err.io", &[("path", &path.display()), ("reason", reason)])
        }
        S::Full { path } => lang.tf("err.disk_full_at", &[("path", &path.display())]),
        S::Write { path, reason } => lang.tf(
            "err.write",
            &[("path", &path.display()), ("reason", reason)],
        ),
        S::Empty { path } => lang.tf("sheet.empty", &[("path", &path.display())]),
        S::Encoding {
            path,
            row,
            encoding,
        } => lang.tf(
            "sheet.encoding",
            &[
                ("path", &path.display()),
                ("row", row),
                ("encoding", encoding),
            ],
        ),
        S::Unreadable { path, reason } => lang.tf(
            "sheet.unreadable",
            &[("path", &path.display()), ("reason", reason)],
        ),
        S::Csv { path, row, reason } => lang.tf(
            "sheet.csv",
            &[("path", &path.display()), ("row", row), ("reason", reason)],
        ),
        S::CellError {
            path,
            row,
            column,
            reason,
        } => lang.tf(
            "sheet.cell_error",
            &[
                ("path", &path.display()),
                ("row", row),
                ("column", column),
                ("reason", reason),
            ],
        ),
        S::UnknownType { path } => lang.tf("sheet.unknown_type", &[("path", &path.display())]),
    }
}

/// Two transfer plans side by side: a line for each person they treat differently.
pub fn plan_diff_lines(
    lang: Lang,
    db: &crate::store::Db,
    a: crate::domain::Id,
    b: crate::domain::Id,
) -> crate::store::Result<Vec<String>> {
    use crate::domain::staff::Staff;
    use crate::domain::transfer::TransferMove;
    use crate::domain::unit::Unit;
    let side = |m: &Option<TransferMove>| -> crate::store::Result<String> {
        Ok(match m {
            Some(m) => format!(
                "{} {}",
                db.find::<Unit>(m.to_unit_id)?
                    .map(|u| u.name)
                    .unwrap_or_default(),
                lang.label("position", m.to_position.code())
            ),
            None => lang.t("cli.plan_none").to_string(),
        })
    };
    let mut out = Vec::new();
    for d in db.compare_transfer_plans(a, b)? {
        let (no, name) = db
            .find::<Staff>(d.staff_id)?
            .map(|s| (s.staff_no.clone(), s.full_name()))
            .unwrap_or_default();
        out.push(lang.tf(
            "cli.plan_diff",
            &[
                ("staff_no", &no),
                ("name", &name),
                ("a", &a),
                ("in_a", &side(&d.a)?),
                ("b", &b),
                ("in_b", &side(&d.b)?),
            ],
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_in_both_languages() {
        let e = FieldError {
            field: "family_name",
            problem: Problem::Required,
        };
        assert_eq!(problem_text(Lang::Ja, &e), "氏を入力してください");
        assert_eq!(problem_text(Lang::En, &e), "Family name is required");
        let e = FieldError {
            field: "mentor_staff_no",
            problem: Problem::Threshold {
                rule: "mentor_service_years",
                value: 5,
            },
        };
        assert_eq!(
            problem_text(Lang::Ja, &e),
            "OJT指導者について、指導者は在職5年以上の職員としてください"
        );
        assert_eq!(
            problem_text(Lang::En, &e),
            "Mentor: a mentor needs at least 5 years of service"
        );
    }

    #[test]
    fn a_refused_row_is_named_by_its_number() {
        let e = FieldError {
            field: "parent_code",
            problem: Problem::RowRefused { row: 3 },
        };
        assert_eq!(
            problem_text(Lang::En, &e),
            "Parent code names row 3 of this file, which was refused"
        );
        assert_eq!(
            problem_text(Lang::Ja, &e),
            "上位所属コードが指すこのファイルの 3 行目が取り込めなかったため、参照できません"
        );
    }

    fn text(lang: Lang, field: &'static str, problem: Problem) -> String {
        problem_text(lang, &FieldError { field, problem })
    }

    #[test]
    fn a_refused_character_is_named() {
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        let emoji = Problem::Emoji {
            shown: family.into(),
        };
        assert_eq!(
            text(Lang::Ja, "family_name", emoji.clone()),
            format!("氏に使えない文字「{family}」が含まれています（絵文字）")
        );
        assert_eq!(
            text(Lang::En, "family_name", emoji),
            format!("Family name contains \"{family}\", an emoji, which a name cannot hold")
        );
        let bidi = Problem::ControlChars {
            code: "U+202E".into(),
            within: String::new(),
        };
        assert_eq!(
            text(Lang::Ja, "note", bidi),
            "備考に使えない制御文字（U+202E）が含まれています"
        );
        assert_eq!(
            text(Lang::Ja, "staff_no", Problem::Digits { digits: 7 }),
            "職員番号は7桁の数字で入力してください"
        );
        assert_eq!(
            text(Lang::En, "staff_no", Problem::Digits { digits: 7 }),
            "Staff no. must be 7 digits"
        );
    }

    #[test]
    fn a_notice_names_no_field_by_a_prefix() {
        // The record itself (its number, its state) is not named before the rule.
        let referenced = Problem::Rule {
            rule: "still_referenced",
        };
        assert_eq!(
            text(Lang::Ja, "id", referenced.clone()),
            "他の記録から参照されているため削除できません"
        );
        assert_eq!(
            text(Lang::En, "id", referenced),
            "Other records still refer to it"
        );
        let hr_only = Problem::Rule {
            rule: "eval_hr_only",
        };
        assert_eq!(text(Lang::Ja, "state", hr_only), "人事担当のみ行えます");
        // A field a person fills in is named in words, in a sentence.
        let e = text(Lang::Ja, "effective_on", Problem::Overlap);
        assert!(!e.contains(':') && !e.contains('：'), "{e}");
        assert!(e.starts_with("発令日の"), "{e}");
        let e = text(
            Lang::Ja,
            "supervisor",
            Problem::Rule {
                rule: "own_supervisor",
            },
        );
        assert!(!e.contains(':') && !e.contains('：'), "{e}");
    }
}
