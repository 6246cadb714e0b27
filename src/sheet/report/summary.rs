//! 所属別集計: a unit's figures by the units under it, with four charts.

use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet, XlsxError};

use super::{Styles, head_row, text};
use crate::domain::evaluation::Grade;
use crate::domain::pdca::Phase;
use crate::i18n::Lang;
use crate::store::reports::{SummaryRow, UnitSummary};

/// 所属別集計: the unit's rows, the total, and four charts.
pub fn unit_summary(lang: Lang, sum: &UnitSummary) -> Result<Vec<u8>, XlsxError> {
    let s = Styles::new();
    let name = crate::sheet::xlsx::sheet_name(lang.t("report.unit_summary"));
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(&name)?;
    let title = lang.tf(
        "report.summary_title",
        &[
            ("unit", &sum.unit.name),
            ("year", &lang.fiscal_year(sum.fiscal_year)),
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
