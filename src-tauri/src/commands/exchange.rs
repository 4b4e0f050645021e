//! Workbooks out (exports) and lists in (imports, with their progress).

use std::path::PathBuf;

use quyhoach::app::exports::ExportInput;
use quyhoach::import::{ImportPreview, Progress};
use quyhoach::session::ImportSummary;
use quyhoach::xlsx::ExportReport;
use quyhoach::Result;
use tauri::{AppHandle, Emitter};

use super::{with, Shared};

#[tauri::command]
pub fn export_excel(
    state: Shared,
    kind: String,
    term: Option<String>,
    out: PathBuf,
    attached_to: Option<String>,
) -> Result<ExportReport> {
    with(&state, |s| {
        s.export_excel(ExportInput {
            kind,
            term,
            out,
            attached_to,
            ..ExportInput::default()
        })
    })
}

/// Progress of long work, sent to the window as the "tien-do" event.
fn progress(app: &AppHandle) -> impl FnMut(Progress) + '_ {
    move |p| {
        let _ = app.emit("tien-do", p);
    }
}

// Async: the work runs off the window's thread, so the progress events are painted as they come.
#[tauri::command]
pub async fn preview_import(
    app: AppHandle,
    state: Shared<'_>,
    path: PathBuf,
    sheet: Option<String>,
    map: Vec<String>,
) -> Result<ImportPreview> {
    with(&state, |s| {
        s.preview_import(&path, sheet, map, &mut progress(&app))
    })
}

#[tauri::command]
pub async fn confirm_import(app: AppHandle, state: Shared<'_>) -> Result<usize> {
    with(&state, |s| s.confirm_import(&mut progress(&app)))
}

#[tauri::command]
pub async fn confirm_import_valid(
    app: AppHandle,
    state: Shared<'_>,
    rejected: PathBuf,
) -> Result<ImportSummary> {
    with(&state, |s| {
        s.confirm_import_valid(&rejected, &mut progress(&app))
    })
}

#[tauri::command]
pub fn save_rejected(state: Shared, out: PathBuf) -> Result<usize> {
    with(&state, |s| s.save_rejected(&out))
}
