//! The use cases: what a clerk can do, one function each, over the open [`Store`]. The window
//! (through [`crate::session::Session`]) and the `quyhoach` CLI are adapters over these
//! functions and nothing else: they turn a form or the command line into the typed inputs here,
//! and show what comes back. All reading of user input (dates as typed, codes, numbers) happens
//! in this layer, so both front ends accept and refuse the same things with the same Vietnamese
//! message, naming the field as the form labels it; the CLI adds its own hints (its flags).
//!
//! One file per domain: people, plan (terms, plan steps, reviews, checks), board, rules,
//! programmes, young (young-cadre list), rotation, forecast (succession), documents, exports,
//! imports, safety.
//!
//! [`Store`]: crate::store::Store

pub mod board;
pub mod codes;
pub mod documents;
pub mod exchange;
pub mod exports;
pub mod forecast;
pub mod imports;
pub mod people;
pub mod plan;
pub mod programmes;
pub mod province;
pub mod province_report;
mod read;
pub mod rotation;
pub mod rules;
pub mod safety;
pub mod suggest;
pub mod young;

use chrono::NaiveDate;

use crate::error::{CoreError, Result};
use crate::model::{PartialDate, Precision};

/// A value refused, naming the field and the rule it breaks ("required", "end_before_start"…):
/// the checks the store used to make before writing, now made here so that the store only runs
/// SQL.
pub(crate) fn invalid(field: &str, rule: &str, msg: String) -> CoreError {
    CoreError::validation(field, rule, msg)
}

/// A date as typed ("15/03/2024", "03/2024", "2024"); the message names the field's label.
pub fn parse_date(field: &str, label: &str, text: &str) -> Result<PartialDate> {
    PartialDate::parse(text)
        .map_err(|e| CoreError::validation(field, "date", format!("{label}: {}", e.0)))
}

/// An optional date: empty text is none.
pub fn parse_optional_date(
    field: &str,
    label: &str,
    text: Option<&str>,
) -> Result<Option<PartialDate>> {
    match text.map(str::trim) {
        Some(t) if !t.is_empty() => parse_date(field, label, t).map(Some),
        _ => Ok(None),
    }
}

/// A full day ("dd/mm/yyyy"), as a document's date needs.
pub fn parse_day(field: &str, label: &str, text: &str) -> Result<NaiveDate> {
    let d = parse_date(field, label, text)?;
    if d.precision() != Precision::Day {
        return Err(CoreError::validation(
            field,
            "day",
            format!(
                "{label}: “{}” cần đủ ngày, tháng, năm (dd/mm/yyyy).",
                text.trim()
            ),
        ));
    }
    Ok(d.earliest())
}

/// A month ("07/2030"), as a term's reference month.
pub fn parse_month(field: &str, label: &str, text: &str) -> Result<crate::model::YearMonth> {
    let d = parse_date(field, label, text)?;
    match d.month() {
        Some(m) => Ok(crate::model::YearMonth::new(d.year(), m)),
        None => Err(CoreError::validation(
            field,
            "month",
            format!("{label}: “{}” cần tháng và năm (mm/yyyy).", text.trim()),
        )),
    }
}

/// One value of a closed list, by its code ("de_xuat") or its label ("Đề xuất", diacritics and
/// case ignored); the message lists what the list holds.
pub fn parse_code<T: Copy>(
    field: &str,
    label: &str,
    text: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    name: fn(T) -> &'static str,
) -> Result<T> {
    let t = crate::text::fold(text.trim());
    all.iter()
        .copied()
        .find(|v| code(*v) == text.trim() || crate::text::fold(name(*v)) == t)
        .ok_or_else(|| {
            CoreError::validation(
                field,
                "unknown",
                format!(
                    "{label}: “{}” không có trong danh sách; chọn một trong: {}.",
                    text.trim(),
                    all.iter()
                        .map(|v| format!("{} ({})", name(*v), code(*v)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })
}
