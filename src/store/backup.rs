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
    /// The backup was made under another passphrase and now opens with the ward's current one.
    pub rekeyed: bool,
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
    verify_raw(path, passphrase).map_err(|e| match e {
        CoreError::WrongPassphrase => CoreError::BackupInvalid(
            "không mở được bằng mật khẩu đã nhập (sai mật khẩu hoặc không phải bản sao lưu)".into(),
        ),
        other => other,
    })
}

/// `verify`, with a wrong passphrase (or a file that is not a database) left as `WrongPassphrase`.
fn verify_raw(path: &Path, passphrase: &str) -> Result<Vec<(String, i64)>> {
    let conn = open_keyed(path, passphrase)?;
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

/// The message when a typed passphrase is not the ward's: names the field, writes nothing.
fn not_current(field: &str, what: &str) -> CoreError {
    CoreError::validation(
        field,
        "not_current",
        format!(
            "Mật khẩu hiện tại: không đúng mật khẩu đang dùng của đơn vị; {what}. \
             Hãy nhập đúng mật khẩu dùng để mở chương trình."
        ),
    )
}

impl Store {
    /// Checks that `passphrase` is the one this database is encrypted with now, by opening the
    /// file again with it (a key derivation, 0.1–0.5 s). Anything that encrypts a copy (backup,
    /// move, restore) calls this first, so a typo never becomes a file's key.
    pub fn check_passphrase(&self, passphrase: &str, field: &str, what: &str) -> Result<()> {
        match open_keyed(&self.path, passphrase) {
            Ok(conn) => {
                drop(conn);
                Ok(())
            }
            Err(CoreError::WrongPassphrase) => Err(not_current(field, what)),
            Err(e) => Err(e),
        }
    }

    /// Copies the open database into `dest` (a new file), under the ward's current passphrase,
    /// which `passphrase` must be (checked; a typo writes nothing).
    pub fn backup_to(&self, dest: &Path, passphrase: &str) -> Result<BackupReport> {
        self.check_passphrase(passphrase, "passphrase", "chưa sao lưu gì")?;
        self.backup_unchecked(dest, passphrase)
    }

    /// The copy itself, for callers that have just proved the passphrase (the unlock's
    /// automatic backup).
    pub(crate) fn backup_unchecked(&self, dest: &Path, passphrase: &str) -> Result<BackupReport> {
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

    /// Replaces this database with the backup at `from`, after verifying it. `current` must be
    /// the ward's passphrase now (checked); `backup_passphrase` is the one the backup was made
    /// under when it differs (a backup from before a passphrase change). The restored file is
    /// always re-keyed to `current`, so the ward keeps the passphrase the clerk knows.
    /// The working file is kept aside as `<name>.truoc-khoi-phuc-<time>`; returns the reopened store.
    pub fn restore_from(
        self,
        from: &Path,
        current: &str,
        backup_passphrase: Option<&str>,
    ) -> Result<(Store, RestoreReport)> {
        self.check_passphrase(current, "passphrase", "chưa khôi phục gì")?;
        let backup_pass = backup_passphrase
            .filter(|p| !p.is_empty())
            .unwrap_or(current);
        let counts = verify_raw(from, backup_pass).map_err(|e| match e {
            CoreError::WrongPassphrase if backup_pass == current => CoreError::validation(
                "backup_passphrase",
                "other_passphrase",
                "Bản sao lưu không mở được bằng mật khẩu hiện tại của đơn vị: tệp không phải bản sao lưu, \
                 hoặc được tạo khi đơn vị dùng mật khẩu cũ (khi đó hãy nhập mật khẩu cũ vào ô “Mật khẩu của \
                 bản sao lưu”). Chưa khôi phục gì.",
            ),
            CoreError::WrongPassphrase => CoreError::validation(
                "backup_passphrase",
                "wrong",
                "Mật khẩu của bản sao lưu: không mở được bản sao lưu bằng mật khẩu này; chưa khôi phục gì.",
            ),
            other => other,
        })?;
        let path = self.path.clone();
        let today = self.today;
        let incoming = sibling(&path, ".dang-khoi-phuc");
        let _ = std::fs::remove_file(&incoming);
        // Prepare the incoming copy completely (re-keyed, verified) while the ward's file is
        // still open and untouched: a failure here leaves everything as it was.
        let prepared = (|| {
            std::fs::copy(from, &incoming)?;
            let rekeyed = backup_pass != current;
            if rekeyed {
                let conn = open_keyed(&incoming, backup_pass)?;
                conn.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
                conn.pragma_update(None, "rekey", current)?;
                conn.close().map_err(|(_, e)| CoreError::from(e))?;
            }
            let again = verify(&incoming, current)?;
            if again != counts {
                return Err(CoreError::BackupInvalid(
                    "bản sao sau khi đổi mật khẩu khác bản sao lưu".into(),
                ));
            }
            // On disk before the swap. Windows flushes only a handle opened for writing
            // (FlushFileBuffers on a read-only handle is "Access denied").
            std::fs::OpenOptions::new()
                .write(true)
                .open(&incoming)?
                .sync_all()?;
            Ok(rekeyed)
        })();
        let rekeyed = match prepared {
            Ok(r) => r,
            Err(e) => {
                let _ = std::fs::remove_file(&incoming);
                return Err(e);
            }
        };
        // Closing checkpoints the WAL, so the file set aside is complete on its own. From here
        // the ward always has a whole file at `path` or at `aside` (renames, which Windows allows
        // once our connection is closed).
        self.close()?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let aside = sibling(&path, &format!(".truoc-khoi-phuc-{stamp}"));
        if let Err(e) = std::fs::rename(&path, &aside) {
            let _ = std::fs::remove_file(&incoming);
            return Err(locked_or(e, &path));
        }
        if let Err(e) = std::fs::rename(&incoming, &path) {
            let _ = std::fs::rename(&aside, &path);
            let _ = std::fs::remove_file(&incoming);
            return Err(locked_or(e, &path));
        }
        for stale in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(sibling(&path, stale));
        }
        let mut store = Store::open(&path, current)?;
        if let Some(day) = today {
            store.set_today(day);
        }
        Ok((
            store,
            RestoreReport {
                restored_from: from.to_path_buf(),
                previous_kept_at: aside,
                people: people_of(&counts),
                rekeyed,
            },
        ))
    }
}

/// A file another program holds open (Windows refuses to rename it): said in Vietnamese.
pub(crate) fn locked_or(e: std::io::Error, path: &Path) -> CoreError {
    if e.kind() == std::io::ErrorKind::PermissionDenied || e.raw_os_error() == Some(32) {
        CoreError::Io(std::io::Error::other(format!(
            "tệp “{}” đang được một chương trình khác mở (hoặc không có quyền ghi); hãy đóng chương trình đó rồi thử lại. Chưa thay đổi gì",
            path.display()
        )))
    } else {
        e.into()
    }
}
