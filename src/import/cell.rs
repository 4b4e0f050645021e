//! A cell as a workbook or CSV file holds it, and a sheet of them: what the reader produces and
//! the header, row and value readers take. Reading the values (dates, CCCD, levels) is
//! `values`; reading files is `read`.

use chrono::NaiveDate;

/// A cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date-time serial (days since 30/12/1899).
    Date(f64),
}

impl Raw {
    /// What the cell shows, for messages and the rejected-rows workbook.
    pub fn display(&self) -> String {
        match self {
            Raw::Empty => String::new(),
            Raw::Text(s) => s.clone(),
            Raw::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", *x as i64),
            Raw::Number(x) => x.to_string(),
            Raw::Date(x) => serial_to_date(*x)
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_else(|| x.to_string()),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Raw::Empty => true,
            Raw::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet, with the Excel row number (1-based) of its first row.
#[derive(Debug, Clone)]
pub struct Grid {
    pub sheet: String,
    pub rows: Vec<Vec<Raw>>,
    pub first_row: usize,
}

/// Excel's day 0 is 30/12/1899 (so that serial 60, the non-existent 29/02/1900, is skipped).
pub fn serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?
        .checked_add_days(chrono::Days::new(serial.floor() as u64))
}
