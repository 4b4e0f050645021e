//! "Gửi cấp trên": the ward's key and package, and the province's screens (its key, wards,
//! imports one package per call so the window shows progress, dashboard, lists, report).

use std::path::PathBuf;

use quyhoach::app::{exchange as ward, province};
use quyhoach::session::{NewDatabase, SessionStatus};
use quyhoach::store::province::WardKeyRow;
use quyhoach::Result;

use super::{with, Shared};

#[tauri::command]
pub fn create_province(state: Shared, new: NewDatabase) -> Result<SessionStatus> {
    with(&state, |s| s.create_province(new))
}

#[tauri::command]
pub fn exchange_state(state: Shared) -> Result<ward::ExchangeState> {
    with(&state, |s| s.exchange_state())
}

#[tauri::command]
pub fn exchange_save_key(state: Shared, code: String, out: PathBuf) -> Result<ward::WardKey> {
    with(&state, |s| s.exchange_save_key(&code, &out))
}

#[tauri::command]
pub fn exchange_province_key(state: Shared, file: PathBuf) -> Result<ward::ProvinceKey> {
    with(&state, |s| s.exchange_province_key(&file))
}

#[tauri::command]
pub fn exchange_export(state: Shared, input: ward::PackageInput) -> Result<ward::PackageReport> {
    with(&state, |s| s.exchange_export(&input))
}

#[tauri::command]
pub fn province_own_key(state: Shared) -> Result<province::OwnKey> {
    with(&state, |s| s.province_own_key())
}

#[tauri::command]
pub fn province_save_key(state: Shared, out: PathBuf) -> Result<province::OwnKey> {
    with(&state, |s| s.province_save_key(&out))
}

#[tauri::command]
pub fn province_register(state: Shared, file: PathBuf, fingerprint: String) -> Result<WardKeyRow> {
    with(&state, |s| s.province_register(&file, &fingerprint))
}

#[tauri::command]
pub fn province_package_files(state: Shared, path: PathBuf) -> Result<Vec<PathBuf>> {
    with(&state, |s| s.province_package_files(&path))
}

#[tauri::command]
pub fn province_import(state: Shared, path: PathBuf) -> Result<province::ImportOutcome> {
    with(&state, |s| s.province_import(&path))
}

#[tauri::command]
pub fn province_status(state: Shared, term: Option<String>) -> Result<province::Dashboard> {
    with(&state, |s| s.province_status(term.as_deref()))
}

#[tauri::command]
pub fn province_list(
    state: Shared,
    filter: province::CrossFilter,
) -> Result<Vec<province::CrossRow>> {
    with(&state, |s| s.province_list(&filter))
}

#[tauri::command]
pub fn province_ward(state: Shared, ward: String, term: String) -> Result<province::WardView> {
    with(&state, |s| s.province_ward(&ward, &term))
}

#[tauri::command]
pub fn province_recheck(state: Shared) -> Result<usize> {
    with(&state, |s| s.province_recheck())
}

#[tauri::command]
pub fn province_report(state: Shared, term: Option<String>, out: PathBuf) -> Result<PathBuf> {
    with(&state, |s| s.province_report(term.as_deref(), &out))
}
