//! The succession forecast (dự báo nguồn kế cận): reads the term's plan and the ward's people,
//! and calls the one function that computes it (`rules::forecast::forecast`).

use chrono::Datelike;
use serde::Deserialize;

use crate::error::{CoreError, Result};
use crate::rules::forecast::{forecast as compute, Forecast, DEFAULT_HORIZON, HORIZONS};
use crate::store::Store;

/// What the clerk chooses: the term whose plan is read, the first year (default: this year) and
/// the horizon in years (5, 10 or 20; default 20).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ForecastInput {
    /// "2030-2035"
    pub term: String,
    pub from: Option<i32>,
    pub years: Option<u32>,
}

/// The forecast of a term's plan, holders read today.
pub fn forecast(store: &Store, input: &ForecastInput) -> Result<Forecast> {
    let today = store.today();
    let years = input.years.unwrap_or(DEFAULT_HORIZON);
    if !HORIZONS.contains(&years) {
        return Err(CoreError::validation(
            "years",
            "range",
            format!("Số năm dự báo: chỉ chọn 5, 10 hoặc 20 năm (đã nhập {years})."),
        ));
    }
    let from = input.from.unwrap_or(today.year());
    if !(1945..=2200).contains(&from) {
        return Err(CoreError::validation(
            "from",
            "range",
            format!("Dự báo từ năm: {from} không phải năm hợp lệ."),
        ));
    }
    let data = store.plan_data(&input.term)?;
    let mut everyone = Vec::new();
    for s in store.list_people()? {
        everyone.push(store.person(s.id)?);
    }
    Ok(compute(&data, &everyone, today, from, years))
}
