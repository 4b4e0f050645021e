//! Settings and safety: backup, restore, passphrase, the data folder, the unit.

use std::path::PathBuf;

use quyhoach::session::SessionStatus;
use quyhoach::store::backup::BackupReport;
use quyhoach::Result;
use tauri::State;

use super::{with, Shared};

#[tauri::command]
pub fn backup(state: Shared, dest: PathBuf, passphrase: String) -> Result<BackupReport> {
    with(&state, |s| s.backup(&dest, &passphrase))
}

#[tauri::command]
pub fn restore(
    state: Shared,
    from: PathBuf,
    passphrase: String,
    backup_passphrase: Option<String>,
) -> Result<SessionStatus> {
    with(&state, |s| {
        s.restore(&from, &passphrase, backup_passphrase.as_deref())
    })
}

#[tauri::command]
pub fn change_passphrase(state: Shared, current: String, new: String, again: String) -> Result<()> {
    with(&state, |s| s.change_passphrase(&current, &new, &again))
}

#[tauri::command]
pub fn set_auto_backup_keep(state: Shared, keep: usize) -> Result<SessionStatus> {
    with(&state, |s| s.set_auto_backup_keep(keep))
}

#[tauri::command]
pub fn move_data_dir(
    state: Shared,
    instance: State<'_, quyhoach::instance::Instance>,
    dir: PathBuf,
    passphrase: String,
) -> Result<SessionStatus> {
    let status = with(&state, |s| s.move_data_dir(&dir, &passphrase))?;
    // One program per data folder, the new one included (best effort: the move is done).
    let _ = instance.hold_also(&status.data_dir);
    Ok(status)
}

#[tauri::command]
pub fn set_unit(state: Shared, unit: quyhoach::model::Unit) -> Result<SessionStatus> {
    with(&state, |s| s.set_unit(unit))
}
