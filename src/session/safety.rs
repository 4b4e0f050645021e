//! Backup, restore and the passphrase.

use std::path::Path;

use super::{Session, SessionStatus};
use crate::error::{CoreError, Result};
use crate::store::Store;

impl Session {
    /// A verified encrypted copy of the open database.
    pub fn backup(
        &self,
        dest: &Path,
        passphrase: &str,
    ) -> Result<crate::store::backup::BackupReport> {
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir)?;
        }
        self.store()?.backup_to(dest, passphrase)
    }

    /// Replaces the open database with a verified backup (the old file is kept beside it).
    pub fn restore(&mut self, from: &Path, passphrase: &str) -> Result<SessionStatus> {
        let store = self.store.take().ok_or(CoreError::Locked)?;
        match store.restore_from(from, passphrase) {
            Ok((s, _)) => {
                self.keep_store(s);
                self.status()
            }
            Err(e) => {
                // The old file is untouched; open it again.
                let path = self.data_file();
                if path.is_file() {
                    if let Ok(s) = Store::open(&path, passphrase) {
                        self.keep_store(s);
                    }
                }
                Err(e)
            }
        }
    }

    pub fn change_passphrase(&mut self, new: &str, again: &str) -> Result<()> {
        if new != again {
            return Err(CoreError::validation(
                "passphrase_again",
                "mismatch",
                "Nhập lại mật khẩu mới: không khớp.",
            ));
        }
        self.store_mut()?.change_passphrase(new)
    }
}
