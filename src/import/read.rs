//! Reads a sheet of an .xlsx/.xls/.ods workbook (calamine) or a CSV file into a grid of raw cells.
//! CSV may be UTF-8 (with or without BOM) or Windows-1258, as Excel saves it on Vietnamese Windows.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use super::cell::{Grid, Raw};
use crate::error::{CoreError, Result};

fn invalid(path: &Path, why: impl std::fmt::Display) -> CoreError {
    CoreError::validation(
        "file",
        "invalid_file",
        format!("Không đọc được tệp “{}”: {why}.", path.display()),
    )
}

fn from_data(d: &Data) -> Raw {
    match d {
        Data::Empty | Data::Error(_) => Raw::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Raw::Text(s.clone()),
        Data::Float(x) => Raw::Number(*x),
        Data::Int(i) => Raw::Number(*i as f64),
        Data::Bool(b) => Raw::Text(if *b { "Có".into() } else { "Không".into() }),
        Data::DateTime(dt) => Raw::Date(dt.as_f64()),
    }
}

/// The kind of file, from its extension.
fn is_csv(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Names of the sheets (one, "CSV", for a CSV file).
pub fn sheet_names(path: &Path) -> Result<Vec<String>> {
    if is_csv(path) {
        return Ok(vec!["CSV".into()]);
    }
    let wb = open_workbook_auto(path).map_err(|e| invalid(path, e))?;
    Ok(wb.sheet_names())
}

/// Reads one sheet (`None`: every sheet, in order, for the caller to pick).
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Vec<Grid>> {
    if !path.is_file() {
        return Err(CoreError::validation(
            "file",
            "not_found",
            format!("Không có tệp “{}”.", path.display()),
        ));
    }
    if is_csv(path) {
        return Ok(vec![read_csv(path)?]);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    if !["xlsx", "xlsm", "xls", "xlsb", "ods"].contains(&ext.as_str()) {
        return Err(CoreError::validation(
            "file",
            "file_type",
            format!(
                "Tệp “{}” không phải bảng tính (.xlsx, .xls, .ods) hay .csv.",
                path.display()
            ),
        ));
    }
    let mut wb = open_workbook_auto(path).map_err(|e| invalid(path, e))?;
    let names = wb.sheet_names();
    let wanted: Vec<String> = match sheet {
        Some(s) => {
            let s = crate::text::clean(s);
            match names.iter().find(|n| crate::text::clean(n) == s) {
                Some(n) => vec![n.clone()],
                None => {
                    return Err(CoreError::validation(
                        "sheet",
                        "no_such_sheet",
                        format!(
                            "Tệp không có trang “{s}”; các trang có: {}.",
                            names
                                .iter()
                                .map(|n| format!("“{n}”"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ))
                }
            }
        }
        None => names,
    };
    let mut out = Vec::new();
    for name in wanted {
        let range = wb.worksheet_range(&name).map_err(|e| invalid(path, e))?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .map(|r| {
                std::iter::repeat_n(Raw::Empty, c0 as usize)
                    .chain(r.iter().map(from_data))
                    .collect()
            })
            .collect();
        out.push(Grid {
            sheet: name,
            rows,
            first_row: r0 as usize + 1,
        });
    }
    Ok(out)
}

fn read_csv(path: &Path) -> Result<Grid> {
    let bytes = std::fs::read(path)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1258.decode(bytes).0.into_owned(),
    };
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| invalid(path, e))?;
        rows.push(
            rec.iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        Raw::Empty
                    } else {
                        Raw::Text(s.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Grid {
        sheet: "CSV".into(),
        rows,
        first_row: 1,
    })
}
