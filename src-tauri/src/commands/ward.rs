//! The ward's database: create, unlock, lock, the demo; what the window loads at start.

use std::path::PathBuf;

use quyhoach::app::codes::CodeLists;
use quyhoach::session::{NewDatabase, SessionStatus};
use quyhoach::Result;

use super::{with, Shared};

#[tauri::command]
pub fn status(state: Shared) -> Result<SessionStatus> {
    with(&state, |s| s.status())
}

/// Every closed list the window shows, with its labels (loaded once at start).
#[tauri::command]
pub fn code_lists(state: Shared) -> Result<CodeLists> {
    with(&state, |s| Ok(s.code_lists()))
}

#[tauri::command]
pub fn create_database(state: Shared, new: NewDatabase) -> Result<SessionStatus> {
    with(&state, |s| s.create(new))
}

#[tauri::command]
pub fn unlock(state: Shared, passphrase: String) -> Result<SessionStatus> {
    with(&state, |s| s.unlock(&passphrase))
}

#[tauri::command]
pub fn open_demo(state: Shared) -> Result<SessionStatus> {
    with(&state, |s| s.open_demo())
}

#[tauri::command]
pub fn lock(state: Shared) -> Result<SessionStatus> {
    with(&state, |s| s.lock())
}

#[tauri::command]
pub fn output_dir(state: Shared) -> Result<PathBuf> {
    with(&state, |s| Ok(s.output_dir()))
}

#[tauri::command]
pub fn open_in_viewer(state: Shared, path: PathBuf) -> Result<()> {
    with(&state, |s| s.open_in_viewer(&path))
}
