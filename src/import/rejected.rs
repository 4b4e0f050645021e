//! The workbook of rejected rows: each row as it was in the file, with the reasons beside it, so
//! the clerk can correct them and import them again.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatBorder, Workbook};

use super::{ImportPreview, ProblemLevel};
use crate::error::{CoreError, Result};
use crate::xlsx::sheet::{save_beside, xerr};

/// Writes the rows with errors into a new workbook; returns how many. Refuses to overwrite.
pub fn write_rejected(preview: &ImportPreview, out: &Path) -> Result<usize> {
    if out.exists() {
        return Err(CoreError::FileExists(out.to_path_buf()));
    }
    let base = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12)
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let bold = base.clone().set_bold();
    let reason = base.clone().set_font_color("#C00000");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Dòng không nhập").map_err(xerr)?;
    ws.write_string_with_format(0, 0, "Dòng", &bold)
        .map_err(xerr)?;
    let n = preview.header.columns.len() as u16;
    for c in &preview.header.columns {
        ws.write_string_with_format(0, c.index as u16 + 1, &c.header, &bold)
            .map_err(xerr)?;
    }
    ws.write_string_with_format(0, n + 1, "Lý do không nhập", &bold)
        .map_err(xerr)?;
    let mut count = 0u32;
    for r in preview.rows.iter().filter(|r| r.has_errors()) {
        count += 1;
        ws.write_number_with_format(count, 0, r.row as f64, &base)
            .map_err(xerr)?;
        for (i, v) in r.cells.iter().enumerate().take(n as usize) {
            ws.write_string_with_format(count, i as u16 + 1, v, &base)
                .map_err(xerr)?;
        }
        let why = r
            .problems
            .iter()
            .filter(|p| p.severity == ProblemLevel::Loi)
            .map(|p| match &p.column {
                Some(c) => format!("Cột {c}: {}", p.message),
                None => p.message.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        ws.write_string_with_format(count, n + 1, &why, &reason)
            .map_err(xerr)?;
    }
    ws.set_column_width(n + 1, 60).map_err(xerr)?;
    ws.set_freeze_panes(1, 0).map_err(xerr)?;
    save_beside(&mut wb, out)?;
    Ok(count as usize)
}
