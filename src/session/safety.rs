//! Backup, restore and the passphrase.

use std::path::Path;

use super::{Session, SessionStatus};
use crate::app::safety;
use crate::error::{CoreError, Result};
use crate::store::Store;

impl Session {
    /// A verified encrypted copy of the open database.
    pub fn backup(
        &self,
        dest: &Path,
        passphrase: &str,
    ) -> Result<crate::store::backup::BackupReport> {
        safety::backup(self.store()?, dest, passphrase)
    }

    /// Replaces the open database with a verified backup (see `app::safety::restore`).
    pub fn restore(
        &mut self,
        from: &Path,
        passphrase: &str,
        backup_passphrase: Option<&str>,
    ) -> Result<SessionStatus> {
        let mut slot = self.store.take();
        let done = safety::restore(&mut slot, from, passphrase, backup_passphrase);
        if let Some(s) = slot {
            self.keep_store(s);
        }
        done?;
        self.status()
    }

    /// Changes the passphrase; the current one is asked and checked first.
    pub fn change_passphrase(&mut self, current: &str, new: &str, again: &str) -> Result<()> {
        safety::change_passphrase(self.store_mut()?, Some(current), new, again)
    }
}

impl Session {
    /// Moves the ward's data to another folder (another drive, a synced folder…): a verified
    /// copy is made there under the same passphrase, the app uses it from now on and remembers
    /// the choice; the old file stays where it was until the clerk deletes it.
    pub fn move_data_dir(&mut self, new_dir: &Path, passphrase: &str) -> Result<SessionStatus> {
        let is_ward = self
            .store
            .as_ref()
            .is_some_and(|s| s.path() == self.data_file().as_path());
        if !is_ward {
            return Err(CoreError::validation(
                "data_dir",
                "not_ward",
                "Chuyển thư mục dữ liệu: hãy mở cơ sở dữ liệu của đơn vị (không phải phường mẫu) trước.",
            ));
        }
        let same =
            std::fs::canonicalize(new_dir).ok() == std::fs::canonicalize(&self.data_dir).ok();
        if same || new_dir.as_os_str().is_empty() {
            return Err(CoreError::validation(
                "data_dir",
                "same",
                "Chuyển thư mục dữ liệu: hãy chọn một thư mục khác thư mục đang dùng.",
            ));
        }
        self.store()?
            .check_passphrase(passphrase, "passphrase", "chưa chuyển gì")?;
        std::fs::create_dir_all(new_dir)?;
        let target = new_dir.join(crate::paths::DATA_FILE);
        self.store()?.backup_to(&target, passphrase)?;
        crate::paths::remember_data_dir(new_dir)?;
        let old = self.store.take();
        if let Some(s) = old {
            s.close()?;
        }
        self.data_dir = new_dir.to_path_buf();
        let store = Store::open(&target, passphrase)?;
        self.keep_store(store);
        self.status()
    }
}

impl Session {
    /// The ward's details (name, superior body, place name, issuer code), as printed on documents.
    pub fn set_unit(&mut self, unit: crate::model::Unit) -> Result<SessionStatus> {
        crate::app::rules::set_unit(self.store_mut()?, &unit)?;
        let name = self.store()?.unit()?.name;
        if self.store()?.path() == self.data_file().as_path() {
            crate::paths::remember_ward_name(&self.data_dir, &name);
        }
        self.status()
    }
}
