//! The succession forecast (Dự báo): the grid, a cell explained.

use quyhoach::app::forecast::{CellExplain, ForecastInput, ForecastView};
use std::path::PathBuf;

use quyhoach::Result;

use super::{with, Shared};

#[tauri::command]
pub fn forecast(state: Shared, input: ForecastInput) -> Result<ForecastView> {
    with(&state, |s| s.forecast(&input))
}

#[tauri::command]
pub fn forecast_cell(
    state: Shared,
    input: ForecastInput,
    code: String,
    year: i32,
) -> Result<CellExplain> {
    with(&state, |s| s.forecast_cell(&input, &code, year))
}

#[tauri::command]
pub fn export_forecast(state: Shared, input: ForecastInput, out: PathBuf) -> Result<usize> {
    with(&state, |s| s.export_forecast(&input, &out))
}
