//! The frame every exported workbook shares: a title block (superior body, issuing body, title,
//! "kèm theo …" line), a two-row header with merged group cells and a column-number row, borders,
//! Times New Roman, real dates shown dd/mm/yyyy, section rows, formulas with cached values, a frozen
//! header, A4 landscape printing with the header repeated and fitted to the page width. The file is
//! written beside the target and renamed, so a failure never leaves half a workbook.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError};

use crate::error::{CoreError, Result};
use crate::model::Unit;
use crate::report::table::{Column, ReportTable};

use crate::report::table::{Cell, Row};

/// Title-block lines set by the clerk.
#[derive(Debug, Clone, Default)]
pub struct ExportMeta {
    /// "(Kèm theo Tờ trình số 05-TTr/ĐU ngày … của Ban Thường vụ Đảng ủy phường …)"
    pub attached_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExportReport {
    /// Data rows written (sections and totals not counted).
    pub rows: usize,
}

pub(crate) fn xerr(e: XlsxError) -> CoreError {
    CoreError::Io(std::io::Error::other(format!("ghi tệp Excel: {e}")))
}

struct Formats {
    title: Format,
    unit: Format,
    unit_bold: Format,
    italic: Format,
    header: Format,
    number_row: Format,
    text: Format,
    center: Format,
    date: Format,
    percent: Format,
    section: Format,
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
        header: cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        number_row: cell.clone().set_italic().set_align(FormatAlign::Center),
        text: cell.clone(),
        center: cell.clone().set_align(FormatAlign::Center),
        date: cell
            .clone()
            .set_align(FormatAlign::Center)
            .set_num_format("dd/mm/yyyy"),
        percent: cell
            .clone()
            .set_align(FormatAlign::Center)
            .set_num_format("0.0%"),
        section: cell.set_bold(),
    }
}

/// Header rows: a group over consecutive columns is merged across them on the first row; a column
/// without a group is merged down over both rows. The column numbers follow on the third row.
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
        ws.write_number_with_format(row + 2, i as u16, (i + 1) as f64, &f.number_row)?;
    }
    Ok(())
}

/// Lines the two header rows need: the group row (groups over their merged widths, headers
/// merged down over both rows share the two rows' height) and the sub-header row.
fn header_lines(cols: &[Column], widths: &[f32]) -> (usize, usize) {
    let mut group = 1;
    let mut sub = 1;
    let mut down = 1;
    let mut c = 0;
    while c < cols.len() {
        match &cols[c].group {
            Some(g) => {
                let mut end = c;
                while end + 1 < cols.len() && cols[end + 1].group.as_deref() == Some(g.as_str()) {
                    end += 1;
                }
                let w: f32 = widths[c..=end].iter().sum();
                group = group.max(wrapped_lines(g, w, 12.0, true));
                for i in c..=end {
                    sub = sub.max(wrapped_lines(&cols[i].header, widths[i], 12.0, true));
                }
                c = end + 1;
            }
            None => {
                down = down.max(wrapped_lines(&cols[c].header, widths[c], 12.0, true));
                c += 1;
            }
        }
    }
    // A header merged over both rows needs their sum.
    if down > group + sub {
        sub = down - group;
    }
    (group, sub)
}

/// Excel's width of a column of `chars` characters, in points, less the cell's inner padding.
/// (A character is the widest digit of the default font, 7 px; 5 px of padding; 96 px per inch.)
fn column_points(chars: f64) -> f32 {
    let px = (chars * 7.0 + 5.0).floor();
    ((px - 6.0).max(7.0) * 0.75) as f32
}

/// How many lines `text` takes when wrapped in `width` points, in Times New Roman's metrics (the
/// bundled Liberation Serif has the same widths), as Excel, LibreOffice and WPS wrap: at spaces,
/// and inside a word longer than the line.
pub(crate) fn wrapped_lines(text: &str, width: f32, size: f32, bold: bool) -> usize {
    let fonts = crate::pdf::fonts::fonts();
    let face = if bold {
        crate::pdf::fonts::Face::BOLD
    } else {
        crate::pdf::fonts::Face::REGULAR
    };
    // A margin for the small differences between office suites' text engines.
    let width = width * 0.94;
    let space = fonts.width(face, " ", size);
    let mut total = 0;
    for para in text.split('\n') {
        let mut lines = 1;
        let mut used = 0.0f32;
        for word in para.split_whitespace() {
            let mut w = fonts.width(face, word, size);
            let need = if used == 0.0 { w } else { used + space + w };
            if need <= width {
                used = need;
                continue;
            }
            if used > 0.0 {
                lines += 1;
            }
            // A word wider than the column breaks across lines.
            while w > width {
                lines += 1;
                w -= width;
            }
            used = w;
        }
        total += lines;
    }
    total.max(1)
}

/// The height of a row whose tallest cell takes `lines` lines at `size` points.
fn row_points(lines: usize, size: f32) -> f64 {
    f64::from(size) * 1.3 * lines as f64 + 3.0
}

/// 0-based row of the header's first line, and of the first body row.
pub const HEADER_ROW: u32 = 6;
pub const FIRST_BODY_ROW: u32 = HEADER_ROW + 3;

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
    bold: bool,
    bounds: (u32, u32),
) -> std::result::Result<(), XlsxError> {
    let pick = |fmt: &Format| {
        if bold {
            fmt.clone().set_bold()
        } else {
            fmt.clone()
        }
    };
    match cell {
        Cell::Text(t) => ws.write_string_with_format(row, col, t, &pick(&f.text))?,
        Cell::Date(d) => ws.write_date_with_format(row, col, *d, &pick(&f.date))?,
        Cell::Number(x) => ws.write_number_with_format(row, col, *x, &pick(&f.center))?,
        Cell::Percent(x) => ws.write_number_with_format(row, col, *x, &pick(&f.percent))?,
        Cell::Formula {
            text,
            cached,
            percent,
        } => {
            let text = text
                .replace("{r}", &(row + 1).to_string())
                .replace("{first}", &(bounds.0 + 1).to_string())
                .replace("{last}", &(bounds.1 + 1).to_string());
            let formula = Formula::new(text).set_result(format_cached(*cached));
            let fmt = if *percent { &f.percent } else { &f.center };
            ws.write_formula_with_format(row, col, formula, &pick(fmt))?
        }
        Cell::Shaded { value, text, shade } => {
            let fmt =
                pick(&f.center).set_background_color(rust_xlsxwriter::Color::RGB(shade.rgb()));
            if *text == format_cached(*value) {
                ws.write_number_with_format(row, col, *value, &fmt)?
            } else {
                ws.write_string_with_format(row, col, text, &fmt)?
            }
        }
    };
    Ok(())
}

/// The cached value as Excel stores it: no trailing ".0" on whole numbers.
fn format_cached(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Writes a report table as the sheet `sheet_name` of a new workbook at `out`; refuses to
/// overwrite.
pub fn save(
    out: &Path,
    unit: &Unit,
    sheet_name: &str,
    table: &ReportTable,
    meta: &ExportMeta,
) -> Result<ExportReport> {
    if out.exists() {
        return Err(CoreError::FileExists(out.to_path_buf()));
    }
    let cols = &table.columns;
    let rows = &table.rows;
    let last_col = cols.len().saturating_sub(1) as u16;
    let f = formats();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let body_last = FIRST_BODY_ROW + rows.len().saturating_sub(1) as u32;
    // Totals sum the rows above them only.
    let data_last = FIRST_BODY_ROW
        + rows
            .iter()
            .rposition(|r| !matches!(r, Row::Total(_)))
            .unwrap_or(0) as u32;
    (|| -> std::result::Result<(), XlsxError> {
        ws.set_name(sheet_name)?;
        let half = (last_col / 2).max(1).min(last_col);
        let superior = unit.superior_body.to_uppercase();
        let issuer = unit.name.to_uppercase();
        if half == 0 {
            ws.write_string_with_format(0, 0, &superior, &f.unit)?;
            ws.write_string_with_format(1, 0, &issuer, &f.unit_bold)?;
        } else {
            ws.merge_range(0, 0, 0, half, &superior, &f.unit)?;
            ws.merge_range(1, 0, 1, half, &issuer, &f.unit_bold)?;
        }
        let line = |ws: &mut Worksheet, r: u32, text: &str, fmt: &Format| {
            if last_col == 0 {
                ws.write_string_with_format(r, 0, text, fmt).map(|_| ())
            } else {
                ws.merge_range(r, 0, r, last_col, text, fmt).map(|_| ())
            }
        };
        line(ws, 3, &table.title, &f.title)?;
        if let Some(a) = &meta.attached_to {
            line(ws, 4, a, &f.italic)?;
        }
        write_header(ws, HEADER_ROW, cols, &f)?;
        // Every row gets the height its wrapped text needs, measured with the font's own widths,
        // so LibreOffice and WPS print it as Excel does (they do not grow rows themselves).
        let widths: Vec<f32> = cols.iter().map(|c| column_points(c.width)).collect();
        let all_width: f32 = widths.iter().sum();
        let (group_lines, sub_lines) = header_lines(cols, &widths);
        ws.set_row_height(HEADER_ROW, row_points(group_lines, 12.0))?;
        ws.set_row_height(HEADER_ROW + 1, row_points(sub_lines, 12.0).max(30.0))?;
        ws.set_row_height(
            3,
            row_points(wrapped_lines(&table.title, all_width, 14.0, true), 14.0),
        )?;
        if let Some(a) = &meta.attached_to {
            ws.set_row_height(
                4,
                row_points(wrapped_lines(a, all_width, 12.0, false), 12.0),
            )?;
        }
        for (i, r) in rows.iter().enumerate() {
            let row = FIRST_BODY_ROW + i as u32;
            let lines = match r {
                Row::Section(t) => wrapped_lines(t, all_width, 12.0, true),
                Row::Data(cells) | Row::Total(cells) => cells
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| wrapped_lines(&c.display(), *w, 12.0, matches!(r, Row::Total(_))))
                    .max()
                    .unwrap_or(1),
            };
            ws.set_row_height(row, row_points(lines, 12.0))?;
            match r {
                Row::Section(t) => line(ws, row, t, &f.section)?,
                Row::Data(cells) | Row::Total(cells) => {
                    let bold = matches!(r, Row::Total(_));
                    for (c, cell) in cells.iter().enumerate().take(cols.len()) {
                        write_cell(
                            ws,
                            row,
                            c as u16,
                            cell,
                            &f,
                            bold,
                            (FIRST_BODY_ROW, data_last.min(body_last)),
                        )?;
                    }
                }
            }
        }
        for (c, col) in cols.iter().enumerate() {
            ws.set_column_width(c as u16, col.width)?;
        }
        ws.set_freeze_panes(FIRST_BODY_ROW, 0)?;
        ws.set_paper_size(9); // A4
        ws.set_landscape();
        ws.set_repeat_rows(HEADER_ROW, HEADER_ROW + 2)?;
        ws.set_print_fit_to_pages(1, 0);
        ws.set_margins(0.5, 0.4, 0.6, 0.5, 0.3, 0.3);
        ws.set_footer("&CTrang &P/&N");
        Ok(())
    })()
    .map_err(xerr)?;
    save_beside(&mut wb, out)?;
    Ok(ExportReport {
        rows: table.data_rows(),
    })
}

/// Writes the workbook beside `out`, then renames it: a failure never leaves half a file.
/// Through a buffer: the zip stream comes in small pieces, and a system call for each made a
/// 10,000-row list take 8 s under wine (1.3 s on Linux).
pub(crate) fn save_beside(wb: &mut Workbook, out: &Path) -> Result<()> {
    let tmp = out.with_extension("dang-ghi.xlsx");
    let mut write = || -> Result<()> {
        let mut file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
        wb.save_to_writer(&mut file).map_err(xerr)?;
        file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        Ok(())
    };
    let r = write().and_then(|()| Ok(std::fs::rename(&tmp, out)?));
    if r.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    r
}

#[cfg(test)]
mod tests {
    #[test]
    fn cached_values() {
        assert_eq!(super::format_cached(12.0), "12");
        assert_eq!(super::format_cached(0.25), "0.25");
    }
}
