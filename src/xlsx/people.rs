//! The full cadre list as a workbook a clerk sends: a title block, a two-row header with merged
//! group cells and a column-number row, borders, Times New Roman, real dates shown dd/mm/yyyy,
//! a frozen header, A4 landscape printing with the header repeated and fitted to the page width,
//! and a total row whose formula carries its value for readers that do not compute.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError};

use super::template::{Column, Template};
use crate::error::{CoreError, Result};
use crate::model::{PartialDate, Person, Precision, Sex};
use crate::store::Store;

/// Optional lines of the title block.
#[derive(Debug, Clone, Default)]
pub struct ExportMeta {
    /// "(Kèm theo Tờ trình số 05-TTr/ĐU ngày … của Ban Thường vụ Đảng ủy phường …)"
    pub attached_to: Option<String>,
}

pub struct ExportReport {
    pub rows: usize,
}

fn xerr(e: XlsxError) -> CoreError {
    CoreError::Io(std::io::Error::other(format!("ghi tệp Excel: {e}")))
}

enum Cell {
    Text(String),
    Date(chrono::NaiveDate),
    Number(f64),
}

fn date_cell(d: &Option<PartialDate>) -> Cell {
    match d {
        Some(d) if d.precision() == Precision::Day => Cell::Date(d.earliest()),
        Some(d) => Cell::Text(d.to_display()),
        None => Cell::Text(String::new()),
    }
}

fn value(p: &Person, key: &str, n: usize) -> Cell {
    let text = |s: &str| Cell::Text(s.to_string());
    match key {
        "stt" => Cell::Number(n as f64),
        "full_name" => text(&p.full_name),
        "other_name" => text(&p.other_name),
        "sex" => text(p.sex.label()),
        "birth_date" => date_cell(&Some(p.birth_date)),
        "birth_male" if p.sex == Sex::Male => date_cell(&Some(p.birth_date)),
        "birth_female" if p.sex == Sex::Female => date_cell(&Some(p.birth_date)),
        "ethnicity" => text(&p.ethnicity),
        "religion" => text(&p.religion),
        "home_town" => text(&p.home_town),
        "birthplace" => text(&p.birthplace),
        "residence" => text(&p.residence),
        "cccd" => text(p.cccd.as_deref().unwrap_or("")),
        "positions" => Cell::Text(
            p.current_positions()
                .map(|h| {
                    if h.organisation.is_empty() {
                        h.title.clone()
                    } else {
                        format!("{}, {}", h.title, h.organisation)
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        "party_admission_date" => date_cell(&p.party_admission_date),
        "party_official_date" => date_cell(&p.party_official_date),
        "general_education" => text(&p.general_education),
        "professional" => Cell::Text(
            [
                p.professional_level
                    .map(|l| l.label().to_string())
                    .unwrap_or_default(),
                p.professional_field.clone(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        ),
        "political_theory" => text(p.political_theory.map(|l| l.label()).unwrap_or("")),
        "state_management" => text(p.state_management.map(|l| l.label()).unwrap_or("")),
        "foreign_language" => {
            Cell::Text(join2(&p.foreign_language.note, &p.foreign_language.level))
        }
        "it" => Cell::Text(join2(&p.it.level, &p.it.note)),
        "status" => text(p.status.label()),
        _ => Cell::Text(String::new()),
    }
}

fn join2(a: &str, b: &str) -> String {
    [a, b]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

struct Formats {
    title: Format,
    unit: Format,
    unit_bold: Format,
    italic: Format,
    header: Format,
    number: Format,
    text: Format,
    center: Format,
    date: Format,
    total: Format,
}

fn formats() -> Formats {
    let base = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12);
    let cell = base
        .clone()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    Formats {
        title: base
            .clone()
            .set_bold()
            .set_font_size(14)
            .set_align(FormatAlign::Center),
        unit: base.clone().set_align(FormatAlign::Center),
        unit_bold: base.clone().set_bold().set_align(FormatAlign::Center),
        italic: base.clone().set_italic().set_align(FormatAlign::Center),
        header: cell.clone().set_bold().set_align(FormatAlign::Center),
        number: cell.clone().set_italic().set_align(FormatAlign::Center),
        text: cell.clone(),
        center: cell.clone().set_align(FormatAlign::Center),
        date: cell
            .clone()
            .set_align(FormatAlign::Center)
            .set_num_format("dd/mm/yyyy"),
        total: cell.set_bold(),
    }
}

/// Header rows: a group over consecutive columns is merged across them on the first row;
/// a column without a group is merged down over both rows.
fn write_header(
    ws: &mut Worksheet,
    row: u32,
    cols: &[Column],
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    let mut c = 0usize;
    while c < cols.len() {
        let col = c as u16;
        match &cols[c].group {
            Some(g) => {
                let mut end = c;
                while end + 1 < cols.len() && cols[end + 1].group.as_deref() == Some(g.as_str()) {
                    end += 1;
                }
                if end > c {
                    ws.merge_range(row, col, row, end as u16, g, &f.header)?;
                } else {
                    ws.write_string_with_format(row, col, g, &f.header)?;
                }
                for (i, sub) in cols.iter().enumerate().take(end + 1).skip(c) {
                    ws.write_string_with_format(row + 1, i as u16, &sub.header, &f.header)?;
                }
                c = end + 1;
            }
            None => {
                ws.merge_range(row, col, row + 1, col, &cols[c].header, &f.header)?;
                c += 1;
            }
        }
    }
    for (i, _) in cols.iter().enumerate() {
        ws.write_number_with_format(row + 2, i as u16, (i + 1) as f64, &f.number)?;
    }
    Ok(())
}

fn column_letter(mut c: u16) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

impl Store {
    /// Writes everyone (list order) into a new workbook at `out`; refuses to overwrite a file.
    pub fn export_people(
        &self,
        out: &Path,
        template: &Template,
        meta: &ExportMeta,
    ) -> Result<ExportReport> {
        if out.exists() {
            return Err(CoreError::FileExists(out.to_path_buf()));
        }
        let unit = self.unit()?;
        let people: Vec<Person> = self
            .list_people()?
            .iter()
            .map(|s| self.person(s.id))
            .collect::<Result<_>>()?;
        let cols = &template.columns;
        let last_col = cols.len().saturating_sub(1) as u16;
        let f = formats();
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        (|| -> std::result::Result<(), XlsxError> {
            ws.set_name(&template.sheet)?;
            let half = (last_col / 2).max(1);
            ws.merge_range(
                0,
                0,
                0,
                half.min(last_col),
                &unit.superior_body.to_uppercase(),
                &f.unit,
            )?;
            ws.merge_range(
                1,
                0,
                1,
                half.min(last_col),
                &unit.name.to_uppercase(),
                &f.unit_bold,
            )?;
            ws.merge_range(3, 0, 3, last_col, &template.title, &f.title)?;
            if let Some(a) = &meta.attached_to {
                ws.merge_range(4, 0, 4, last_col, a, &f.italic)?;
            }
            let header = 6u32;
            write_header(ws, header, cols, &f)?;
            let first = header + 3;
            for (n, p) in people.iter().enumerate() {
                let row = first + n as u32;
                for (c, col) in cols.iter().enumerate() {
                    match value(p, &col.key, n + 1) {
                        Cell::Text(t) => ws.write_string_with_format(row, c as u16, &t, &f.text)?,
                        Cell::Date(d) => ws.write_date_with_format(row, c as u16, d, &f.date)?,
                        Cell::Number(x) => {
                            ws.write_number_with_format(row, c as u16, x, &f.center)?
                        }
                    };
                }
            }
            // Total row: counts names with a formula whose value is cached.
            let total_row = first + people.len() as u32;
            let name_col = cols.iter().position(|c| c.key == "full_name").unwrap_or(0) as u16;
            ws.write_string_with_format(total_row, 0, "Tổng số", &f.total)?;
            let letter = column_letter(name_col);
            let formula = Formula::new(format!(
                "=COUNTA({letter}{}:{letter}{})",
                first + 1,
                (total_row).max(first + 1)
            ))
            .set_result(people.len().to_string());
            if name_col == 0 {
                ws.write_formula_with_format(total_row, 1.min(last_col), formula, &f.total)?;
            } else {
                ws.write_formula_with_format(total_row, name_col, formula, &f.total)?;
            }
            for (c, col) in cols.iter().enumerate() {
                ws.set_column_width(c as u16, col.width)?;
            }
            ws.set_freeze_panes(first, 0)?;
            ws.set_paper_size(9); // A4
            ws.set_landscape();
            ws.set_repeat_rows(header, header + 2)?;
            ws.set_print_fit_to_pages(1, 0);
            ws.set_margins(0.5, 0.4, 0.6, 0.5, 0.3, 0.3);
            ws.set_footer("&CTrang &P/&N");
            Ok(())
        })()
        .map_err(xerr)?;
        // Write beside the target, then rename: a failure never leaves half a workbook.
        let tmp = out.with_extension("dang-ghi.xlsx");
        if let Err(e) = wb
            .save(&tmp)
            .map_err(xerr)
            .and_then(|()| Ok(std::fs::rename(&tmp, out)?))
        {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        Ok(ExportReport { rows: people.len() })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn column_letters() {
        assert_eq!(super::column_letter(0), "A");
        assert_eq!(super::column_letter(25), "Z");
        assert_eq!(super::column_letter(26), "AA");
        assert_eq!(super::column_letter(27), "AB");
    }
}
