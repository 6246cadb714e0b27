//! The reports as workbooks: a person's evaluation sheet (評価シート) laid out as a form,
//! and a unit's summary as a table with charts (grades, compliance, training hours,
//! PDCA phases). Every text is written as text, numbers and dates as values.

use rust_xlsxwriter::{
    Chart, ChartType, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use crate::domain::date::fiscal_year_ja;
use crate::domain::evaluation::Grade;
use crate::domain::pdca::Phase;
use crate::domain::{Date, FiscalYear};
use crate::i18n::Lang;
use crate::store::reports::{EvalSheet, SummaryRow, UnitSummary};

/// The fiscal year as people name it: 令和7年度, FY2025.
pub fn year(lang: Lang, fy: FiscalYear) -> String {
    match lang {
        Lang::Ja => fiscal_year_ja(fy),
        Lang::En => format!("FY{fy}"),
    }
}

/// The formats a report uses.
struct Styles {
    title: Format,
    head: Format,
    label: Format,
    cell: Format,
    wrap: Format,
    date: Format,
    number: Format,
    percent: Format,
    total: Format,
}

impl Styles {
    fn new() -> Self {
        let cell = Format::new().set_border(FormatBorder::Thin);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            head: cell
                .clone()
                .set_bold()
                .set_background_color(0xDDEBF7)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            label: cell.clone().set_bold().set_background_color(0xF2F2F2),
            wrap: cell.clone().set_text_wrap().set_align(FormatAlign::Top),
            date: cell.clone().set_num_format("yyyy/mm/dd"),
            number: cell.clone().set_num_format("0.0"),
            percent: cell.clone().set_num_format("0.0%"),
            total: cell.clone().set_bold().set_background_color(0xF2F2F2),
            cell,
        }
    }
}

fn date_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    d: Option<Date>,
    s: &Styles,
) -> Result<(), XlsxError> {
    let Some(d) = d else {
        ws.write_blank(r, c, &s.cell)?;
        return Ok(());
    };
    let iso = d.iso();
    let (y, m, day) = (
        iso[0..4].parse().unwrap_or(1900),
        iso[5..7].parse().unwrap_or(1),
        iso[8..10].parse().unwrap_or(1),
    );
    match ExcelDateTime::from_ymd(y, m, day) {
        Ok(x) => ws.write_datetime_with_format(r, c, x, &s.date)?,
        Err(_) => ws.write_string_with_format(r, c, &iso, &s.cell)?,
    };
    Ok(())
}

/// A header row of `titles` from column 0.
fn head_row(ws: &mut Worksheet, r: u32, titles: &[&str], s: &Styles) -> Result<(), XlsxError> {
    for (c, t) in titles.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *t, &s.head)?;
    }
    Ok(())
}

fn text(ws: &mut Worksheet, r: u32, c: u16, t: &str, f: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(r, c, t, f)?;
    Ok(())
}

/// 評価シート for one person and year.
pub fn eval_sheet(lang: Lang, sheet: &EvalSheet) -> Result<Vec<u8>, XlsxError> {
    let s = Styles::new();
    // Labels the sheet names its own way (氏名, 所属, 級) before the columns' shared ones.
    let l = |k: &str| lang.try_t(k).unwrap_or_else(|| lang.field(k));
    let code = |g: &str, c: &str| lang.label(g, c).to_string();
    let grade = |g: Option<Grade>| g.map(|g| g.code().to_string()).unwrap_or_default();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(crate::sheet::write::sheet_name(lang.t("report.eval_sheet")))?;
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
            ("year", &year(lang, sheet.fiscal_year)),
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
            l("target"),
            l("difficulty"),
            l("weight"),
            l("progress"),
            l("achievement"),
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

/// 所属別集計: the unit's rows, the total, and four charts.
pub fn unit_summary(lang: Lang, sum: &UnitSummary) -> Result<Vec<u8>, XlsxError> {
    let s = Styles::new();
    let name = crate::sheet::write::sheet_name(lang.t("report.unit_summary"));
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(&name)?;
    let title = lang.tf(
        "report.summary_title",
        &[
            ("unit", &sum.unit.name),
            ("year", &year(lang, sum.fiscal_year)),
        ],
    );
    text(ws, 0, 0, &title, &s.title)?;
    let grades: Vec<String> = Grade::ALL
        .iter()
        .map(|g| g.code().to_string())
        .chain([lang.t("report.ungraded").to_string()])
        .collect();
    let kinds = [
        lang.label("eval_kind", "competency"),
        lang.label("eval_kind", "performance"),
    ];
    let mut titles: Vec<String> =
        vec![lang.t("report.unit").into(), lang.t("report.people").into()];
    for k in kinds {
        titles.extend(grades.iter().map(|g| format!("{k} {g}")));
    }
    titles.extend(
        Phase::ALL
            .iter()
            .map(|p| format!("PDCA {}", lang.label("phase", p.code()))),
    );
    titles.extend(
        [
            "report.pdca_progress",
            "report.hours",
            "report.hours_per_person",
            "report.compliance_rate",
        ]
        .iter()
        .map(|k| lang.t(k).to_string()),
    );
    let heads: Vec<&str> = titles.iter().map(String::as_str).collect();
    head_row(ws, 2, &heads, &s)?;
    ws.set_row_height(2, 45)?;
    ws.set_column_width(0, 22)?;
    for c in 1..heads.len() as u16 {
        ws.set_column_width(c, 9)?;
    }
    ws.set_freeze_panes(3, 1)?;
    let mut r = 2;
    for row in &sum.rows {
        r += 1;
        let mut row = row.clone();
        if row.own_staff {
            row.unit = lang.tf("report.direct", &[("unit", &row.unit)]);
        }
        summary_line(ws, r, &row, &s.cell, &s)?;
    }
    let first = 3;
    let last = r;
    r += 1;
    summary_line(ws, r, &sum.total, &s.total, &s)?;
    let cols = heads.len() as u16;
    let (c_rate, c_per) = (cols - 1, cols - 2);

    // Small tables the charts read from: grades by kind, phases.
    let mut t = r + 2;
    text(ws, t, 0, lang.t("report.grade_distribution"), &s.title)?;
    head_row(ws, t + 1, &[lang.t("col.grade"), kinds[0], kinds[1]], &s)?;
    for (i, g) in grades.iter().enumerate().take(5) {
        let rr = t + 2 + i as u32;
        text(ws, rr, 0, g, &s.cell)?;
        ws.write_number_with_format(rr, 1, sum.total.grades[0][i] as f64, &s.cell)?;
        ws.write_number_with_format(rr, 2, sum.total.grades[1][i] as f64, &s.cell)?;
    }
    let grade_rows = (t + 2, t + 6);
    t += 9;
    text(ws, t, 0, lang.t("report.pdca_phases"), &s.title)?;
    for (i, p) in Phase::ALL.iter().enumerate() {
        let rr = t + 1 + i as u32;
        text(ws, rr, 0, lang.label("phase", p.code()), &s.cell)?;
        ws.write_number_with_format(rr, 1, sum.total.phases[i] as f64, &s.cell)?;
    }
    let phase_rows = (t + 1, t + 5);

    let chart_row = r + 2;
    let mut c1 = Chart::new(ChartType::Column);
    c1.title().set_name(lang.t("report.grade_distribution"));
    for k in 0..2u16 {
        c1.add_series()
            .set_name((name.as_str(), grade_rows.0 - 1, 1 + k))
            .set_categories((name.as_str(), grade_rows.0, 0, grade_rows.1, 0))
            .set_values((name.as_str(), grade_rows.0, 1 + k, grade_rows.1, 1 + k));
    }
    ws.insert_chart(chart_row, 4, &c1)?;
    let mut c2 = Chart::new(ChartType::Bar);
    c2.title().set_name(lang.t("report.compliance_rate"));
    c2.add_series()
        .set_categories((name.as_str(), first, 0, last, 0))
        .set_values((name.as_str(), first, c_rate, last, c_rate));
    c2.x_axis().set_num_format("0%").set_min(0.0).set_max(1.0);
    c2.legend().set_hidden();
    ws.insert_chart(chart_row, 12, &c2)?;
    let mut c3 = Chart::new(ChartType::Column);
    c3.title().set_name(lang.t("report.hours_per_person"));
    c3.add_series()
        .set_categories((name.as_str(), first, 0, last, 0))
        .set_values((name.as_str(), first, c_per, last, c_per));
    c3.legend().set_hidden();
    ws.insert_chart(chart_row + 16, 4, &c3)?;
    let mut c4 = Chart::new(ChartType::Column);
    c4.title().set_name(lang.t("report.pdca_phases"));
    c4.add_series()
        .set_categories((name.as_str(), phase_rows.0, 0, phase_rows.1, 0))
        .set_values((name.as_str(), phase_rows.0, 1, phase_rows.1, 1));
    c4.legend().set_hidden();
    ws.insert_chart(chart_row + 16, 12, &c4)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    book.save_to_buffer()
}

fn summary_line(
    ws: &mut Worksheet,
    r: u32,
    row: &SummaryRow,
    f: &Format,
    s: &Styles,
) -> Result<(), XlsxError> {
    text(ws, r, 0, &row.unit, f)?;
    let mut c = 1u16;
    let mut num = |ws: &mut Worksheet, v: f64, fmt: &Format| -> Result<(), XlsxError> {
        ws.write_number_with_format(r, c, v, fmt)?;
        c += 1;
        Ok(())
    };
    num(ws, row.people as f64, f)?;
    for k in 0..2 {
        for n in row.grades[k] {
            num(ws, n as f64, f)?;
        }
    }
    for n in row.phases {
        num(ws, n as f64, f)?;
    }
    num(ws, row.pdca_progress.unwrap_or(0.0), &s.number)?;
    num(ws, row.training_hours, &s.number)?;
    num(ws, row.hours_per_person(), &s.number)?;
    match row.compliance_rate() {
        Some(v) => num(ws, v, &s.percent)?,
        None => {
            ws.write_blank(r, c, f)?;
        }
    }
    Ok(())
}
