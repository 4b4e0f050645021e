//! Backup and restore. A backup is an online copy into a new file under the same passphrase,
//! reported done only after the copy passes `PRAGMA integrity_check` and its row counts match.
//! A restore verifies the backup first, then keeps the working file aside and puts the copy in place.

use std::path::{Path, PathBuf};

use rusqlite::backup::Backup;
use rusqlite::Connection;
use serde::Serialize;

use super::{apply_key, migrations, open_keyed, table_counts, Store};
use crate::error::{CoreError, Result};

#[derive(Debug, Clone, Serialize)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    pub people: i64,
    pub tables: Vec<(String, i64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RestoreReport {
    pub restored_from: PathBuf,
    /// Where the working file was before the restore.
    pub previous_kept_at: PathBuf,
    pub people: i64,
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn people_of(counts: &[(String, i64)]) -> i64 {
    counts
        .iter()
        .find(|(t, _)| t == "person")
        .map(|c| c.1)
        .unwrap_or(0)
}

/// Opens a backup file read-only with its passphrase and checks it is whole and readable by this program.
pub fn verify(path: &Path, passphrase: &str) -> Result<Vec<(String, i64)>> {
    let conn = open_keyed(path, passphrase).map_err(|e| match e {
        CoreError::WrongPassphrase => CoreError::BackupInvalid(
            "không mở được bằng mật khẩu đã nhập (sai mật khẩu hoặc không phải bản sao lưu)".into(),
        ),
        other => other,
    })?;
    migrations::check_not_newer(&conn)?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(CoreError::BackupInvalid(format!(
            "kiểm tra toàn vẹn báo “{check}”"
        )));
    }
    let counts = table_counts(&conn)?;
    if !counts.iter().any(|(t, _)| t == "person") {
        return Err(CoreError::BackupInvalid(
            "tệp không có bảng hồ sơ cán bộ".into(),
        ));
    }
    conn.close().map_err(|(_, e)| CoreError::from(e))?;
    Ok(counts)
}

impl Store {
    /// Copies the open database into `dest` (a new file), under the same passphrase.
    pub fn backup_to(&self, dest: &Path, passphrase: &str) -> Result<BackupReport> {
        if dest.exists() {
            return Err(CoreError::FileExists(dest.to_path_buf()));
        }
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = sibling(dest, ".dang-sao-luu");
        let _ = std::fs::remove_file(&tmp);
        let result = (|| {
            let expected = self.table_counts()?;
            {
                let mut out = Connection::open(&tmp)?;
                apply_key(&out, passphrase)?;
                Backup::new(self.conn(), &mut out)?.run_to_completion(
                    256,
                    std::time::Duration::ZERO,
                    None,
                )?;
                // A single self-contained file: no -wal beside the copy.
                out.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
                out.close().map_err(|(_, e)| CoreError::from(e))?;
            }
            let found = verify(&tmp, passphrase)?;
            if found != expected {
                return Err(CoreError::BackupInvalid(format!(
                    "số dòng khác bản gốc (gốc {expected:?}, bản sao {found:?})"
                )));
            }
            std::fs::rename(&tmp, dest)?;
            Ok(BackupReport {
                path: dest.to_path_buf(),
                bytes: std::fs::metadata(dest)?.len(),
                people: people_of(&found),
                tables: found,
            })
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// Replaces this database with the backup at `from` (opened with `passphrase`), after verifying it.
    /// The working file is kept aside as `<name>.truoc-khoi-phuc-<time>`; returns the reopened store.
    pub fn restore_from(self, from: &Path, passphrase: &str) -> Result<(Store, RestoreReport)> {
        let counts = verify(from, passphrase)?;
        let path = self.path.clone();
        let today = self.today;
        // Closing checkpoints the WAL, so the file set aside is complete on its own.
        self.close()?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let aside = sibling(&path, &format!(".truoc-khoi-phuc-{stamp}"));
        let incoming = sibling(&path, ".dang-khoi-phuc");
        std::fs::copy(from, &incoming)?;
        std::fs::File::open(&incoming)?.sync_all()?;
        std::fs::rename(&path, &aside)?;
        if let Err(e) = std::fs::rename(&incoming, &path) {
            let _ = std::fs::rename(&aside, &path);
            return Err(e.into());
        }
        for stale in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(sibling(&path, stale));
        }
        let mut store = Store::open(&path, passphrase)?;
        if let Some(day) = today {
            store.set_today(day);
        }
        Ok((
            store,
            RestoreReport {
                restored_from: from.to_path_buf(),
                previous_kept_at: aside,
                people: people_of(&counts),
            },
        ))
    }
}
