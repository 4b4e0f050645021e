//! Keeping the ward's data safe: verified backups, restores, the passphrase. Each checks the
//! passphrase typed against the open file first, so a typo writes nothing.

use std::path::Path;

use crate::error::{CoreError, Result};
use crate::store::backup::{BackupReport, RestoreReport};
use crate::store::Store;

/// A verified encrypted copy of the open database, under the ward's current passphrase
/// (checked); its folder is made if needed.
pub fn backup(store: &Store, dest: &Path, passphrase: &str) -> Result<BackupReport> {
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    store.backup_to(dest, passphrase)
}

/// Replaces the open database (taken from `slot`) with a verified backup; the old file is kept
/// beside it. `passphrase` is the ward's current one (checked); `backup_passphrase` the one the
/// backup was made under, when it differs. The ward keeps its current passphrase. Afterwards
/// `slot` holds the restored store, or on failure the old one, unchanged.
pub fn restore(
    slot: &mut Option<Store>,
    from: &Path,
    passphrase: &str,
    backup_passphrase: Option<&str>,
) -> Result<RestoreReport> {
    let store = slot.take().ok_or(CoreError::Locked)?;
    // Checked before anything is touched; a typo leaves the open store as it was.
    if let Err(e) = store.check_passphrase(passphrase, "passphrase", "chưa khôi phục gì") {
        *slot = Some(store);
        return Err(e);
    }
    let path = store.path().to_path_buf();
    match store.restore_from(from, passphrase, backup_passphrase) {
        Ok((s, report)) => {
            *slot = Some(s);
            Ok(report)
        }
        Err(e) => {
            // The old file is untouched; open it again.
            *slot = Store::open(&path, passphrase).ok();
            Err(e)
        }
    }
}

/// Changes the passphrase. `current` is asked and checked when the clerk changes it in the
/// window (the CLI has just opened the file with it); `again` must repeat `new`.
pub fn change_passphrase(
    store: &mut Store,
    current: Option<&str>,
    new: &str,
    again: &str,
) -> Result<()> {
    if let Some(c) = current {
        store.check_passphrase(c, "current", "chưa đổi mật khẩu")?;
    }
    if new != again {
        return Err(CoreError::validation(
            "passphrase_again",
            "mismatch",
            "Nhập lại mật khẩu mới: không khớp.",
        ));
    }
    crate::validate::validate_passphrase(new)?;
    store.change_passphrase(new)
}

/// A new encrypted database for a ward at `path` (never over an existing file): the passphrase
/// and the ward's details checked first, each under its field.
pub fn create_ward(path: &Path, passphrase: &str, unit: &crate::model::Unit) -> Result<Store> {
    crate::validate::validate_passphrase(passphrase)?;
    let mut unit = unit.clone();
    crate::validate::normalize_unit(&mut unit);
    crate::validate::validate_unit(&unit)?;
    Store::create(path, passphrase, &unit)
}
