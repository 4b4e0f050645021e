//! Rotation: its parameters, lists and movements (issue 16).

use std::path::PathBuf;

use quyhoach::app::rotation::MovementInput;
use quyhoach::model::programme::Movement;
use quyhoach::rules::rotation::{RotationLists, RotationParams};
use quyhoach::Result;

use super::{with, Shared};

#[tauri::command]
pub fn rotation_params(state: Shared) -> Result<RotationParams> {
    with(&state, |s| s.rotation_params())
}

#[tauri::command]
pub fn save_rotation_params(state: Shared, params: RotationParams) -> Result<RotationParams> {
    with(&state, |s| s.save_rotation_params(params))
}

#[tauri::command]
pub fn rotation_lists(state: Shared, date: String) -> Result<RotationLists> {
    with(&state, |s| s.rotation_lists(&date))
}

#[tauri::command]
pub fn export_rotation(state: Shared, date: String, out: PathBuf) -> Result<usize> {
    with(&state, |s| s.export_rotation(&date, &out))
}

#[tauri::command]
pub fn record_movement(state: Shared, input: MovementInput) -> Result<Vec<Movement>> {
    with(&state, |s| s.record_movement(input))
}
