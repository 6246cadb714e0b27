//! The reports as workbooks: a person's evaluation sheet (評価シート) laid out as a form,
//! and a unit's summary as a table with charts (grades, compliance, training hours,
//! PDCA phases). Every text is written as text, numbers and dates as values.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

mod eval;
pub mod notice;
mod summary;

pub use eval::eval_sheet;
pub use summary::unit_summary;

use crate::domain::Date;

/// The formats a report uses.
pub(super) struct Styles {
    pub(super) title: Format,
    pub(super) head: Format,
    pub(super) label: Format,
    pub(super) cell: Format,
    pub(super) wrap: Format,
    pub(super) date: Format,
    pub(super) number: Format,
    pub(super) percent: Format,
    pub(super) total: Format,
}

impl Styles {
    pub(super) fn new() -> Self {
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

pub(super) fn date_cell(
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
pub(super) fn head_row(
    ws: &mut Worksheet,
    r: u32,
    titles: &[&str],
    s: &Styles,
) -> Result<(), XlsxError> {
    for (c, t) in titles.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *t, &s.head)?;
    }
    Ok(())
}

pub(super) fn text(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    t: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(r, c, t, f)?;
    Ok(())
}
