//! 評価シート: one person's year of evaluation laid out as a form.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::{Styles, date_cell, head_row, text};
use crate::domain::evaluation::Grade;
use crate::i18n::Lang;
use crate::store::reports::EvalSheet;

/// 評価シート for one person and year.
pub fn eval_sheet(lang: Lang, sheet: &EvalSheet) -> Result<Vec<u8>, XlsxError> {
    let s = Styles::new();
    // Labels the sheet names its own way (氏名, 所属, 級) before the columns' shared ones.
    let l = |k: &str| lang.try_t(k).unwrap_or_else(|| lang.field(k));
    let code = |g: &str, c: &str| lang.label(g, c).to_string();
    let grade = |g: Option<Grade>| g.map(|g| g.code().to_string()).unwrap_or_default();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(crate::sheet::xlsx::sheet_name(lang.t("report.eval_sheet")))?;
    for (c, w) in [26, 18, 12, 12, 12, 12, 10, 16, 16, 12, 12, 12]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w as f64)?;
    }
    let st = &sheet.staff;
    let title = lang.tf(
        "report.eval_title",
        &[
            ("year", &lang.fiscal_year(sheet.fiscal_year)),
            ("name", &st.full_name()),
        ],
    );
    text(ws, 0, 0, &title, &s.title)?;
    // The person, as a form: label, value, label, value …
    let unit = sheet
        .unit
        .as_ref()
        .map(|u| u.name.clone())
        .unwrap_or_default();
    let grid: [[(&str, String); 3]; 3] = [
        [
            ("staff_no", st.staff_no.clone()),
            ("report.name", st.full_name()),
            ("kana", st.full_kana()),
        ],
        [
            ("report.unit", unit),
            ("position", code("position", st.position.code())),
            ("col.staff.grade", st.grade.to_string()),
        ],
        [
            ("job_type", code("job_type", st.job_type.code())),
            ("hire_date", st.hire_date.iso()),
            (
                "report.training_hours",
                format!("{:.1}", sheet.training_hours),
            ),
        ],
    ];
    for (i, line) in grid.iter().enumerate() {
        let r = 2 + i as u32;
        for (j, (k, v)) in line.iter().enumerate() {
            let c = (j * 2) as u16;
            text(ws, r, c, l(k), &s.label)?;
            if *k == "hire_date" {
                date_cell(ws, r, c + 1, Some(st.hire_date), &s)?;
            } else if *k == "report.training_hours" {
                ws.write_number_with_format(r, c + 1, sheet.training_hours, &s.number)?;
            } else {
                text(ws, r, c + 1, v, &s.cell)?;
            }
        }
    }
    let mut r = 6;
    text(ws, r, 0, lang.t("report.evaluations"), &s.title)?;
    r += 1;
    head_row(
        ws,
        r,
        &[
            l("kind"),
            l("term"),
            l("state"),
            l("self_rating"),
            l("first_rating"),
            l("second_rating"),
            l("grade"),
            l("evaluator1_staff_no"),
            l("evaluator2_staff_no"),
            l("start_interview_on"),
            l("end_interview_on"),
            l("disclosed_on"),
        ],
        &s,
    )?;
    for e in &sheet.evaluations {
        r += 1;
        let v = &e.evaluation;
        let name = |x: &Option<crate::domain::staff::Staff>| {
            x.as_ref().map(|p| p.full_name()).unwrap_or_default()
        };
        let cells = [
            code("eval_kind", e.period.kind.code()),
            code("term", e.period.term.code()),
            code("eval_state", v.state.code()),
            grade(v.self_rating),
            grade(v.first_rating),
            grade(v.second_rating),
            grade(v.grade),
            name(&e.evaluator1),
            name(&e.evaluator2),
        ];
        for (c, t) in cells.iter().enumerate() {
            text(ws, r, c as u16, t, &s.cell)?;
        }
        date_cell(ws, r, 9, v.start_interview_on, &s)?;
        date_cell(ws, r, 10, v.end_interview_on, &s)?;
        date_cell(ws, r, 11, v.disclosed_on, &s)?;
    }
    // The words of each stage, in full.
    for e in &sheet.evaluations {
        let v = &e.evaluation;
        for (k, t) in [
            ("self_comment", &v.self_comment),
            ("first_comment", &v.first_comment),
            ("second_comment", &v.second_comment),
        ] {
            if t.is_empty() {
                continue;
            }
            r += 1;
            let label = format!("{} {}", code("eval_kind", e.period.kind.code()), l(k));
            text(ws, r, 0, &label, &s.label)?;
            ws.merge_range(r, 1, r, 11, t, &s.wrap)?;
            ws.set_row_height(r, row_height(t, 110))?;
        }
    }
    r += 2;
    text(ws, r, 0, lang.t("report.themes"), &s.title)?;
    r += 1;
    head_row(
        ws,
        r,
        &[
            l("title"),
            l("themes.target"),
            l("difficulty"),
            l("weight"),
            l("progress"),
            l("achievement_rate"),
            l("result"),
        ],
        &s,
    )?;
    for t in &sheet.themes {
        r += 1;
        text(ws, r, 0, &t.title, &s.wrap)?;
        text(ws, r, 1, &t.target, &s.wrap)?;
        for (c, n) in [
            (2, Some(t.difficulty)),
            (3, Some(t.weight)),
            (4, Some(t.progress)),
            (5, t.achievement),
        ] {
            match n {
                Some(n) => ws.write_number_with_format(r, c, n as f64, &s.cell)?,
                None => ws.write_blank(r, c, &s.cell)?,
            };
        }
        ws.merge_range(r, 6, r, 11, &t.result, &s.wrap)?;
        ws.set_row_height(r, row_height(&format!("{}{}", t.title, t.result), 60))?;
    }
    r += 2;
    text(ws, r, 0, lang.t("report.pdca"), &s.title)?;
    r += 1;
    head_row(
        ws,
        r,
        &[
            l("title"),
            l("phase"),
            l("progress"),
            l("baseline"),
            l("target"),
            l("result"),
        ],
        &s,
    )?;
    for p in &sheet.pdca {
        r += 1;
        text(ws, r, 0, &p.title, &s.wrap)?;
        text(ws, r, 1, &code("phase", p.phase.code()), &s.cell)?;
        ws.write_number_with_format(r, 2, p.progress as f64, &s.cell)?;
        for (c, n) in [(3, p.baseline), (4, p.target), (5, p.result)] {
            match n {
                Some(n) => ws.write_number_with_format(r, c, n, &s.cell)?,
                None => ws.write_blank(r, c, &s.cell)?,
            };
        }
    }
    r += 2;
    text(ws, r, 0, lang.t("report.training"), &s.title)?;
    r += 1;
    head_row(
        ws,
        r,
        &[l("title"), l("starts_on"), l("state"), l("hours")],
        &s,
    )?;
    for t in &sheet.training {
        r += 1;
        text(ws, r, 0, &t.course, &s.wrap)?;
        date_cell(ws, r, 1, Some(t.starts_on), &s)?;
        text(ws, r, 2, &code("enrolment_state", &t.state), &s.cell)?;
        ws.write_number_with_format(r, 3, t.hours, &s.number)?;
    }
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    book.save_to_buffer()
}

/// Rows tall enough for `t` wrapped at about `chars` half-width columns.
fn row_height(t: &str, chars: usize) -> f64 {
    let w = crate::text::width(t) + t.matches('\n').count() * chars;
    (15.0 * (w / chars.max(1) + 1) as f64).min(300.0)
}
