//! The automatic daily backup: on the first unlock of a day the ward's database is copied
//! (verified, same passphrase) into "Sao lưu tự động" beside it, and only the last N are kept.

use std::path::{Path, PathBuf};

use crate::error::{CoreError, Result};
use crate::store::Store;

pub const AUTO_DIR: &str = "Sao lưu tự động";
const KEEP_KEY: &str = "auto_backup_keep";
pub const DEFAULT_KEEP: usize = 7;

/// How many daily copies are kept.
pub fn keep(store: &Store) -> Result<usize> {
    Ok(store
        .meta(KEEP_KEY)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_KEEP))
}

pub fn set_keep(store: &mut Store, n: usize) -> Result<()> {
    if !(1..=365).contains(&n) {
        return Err(CoreError::validation(
            "auto_backup_keep",
            "range",
            "Số bản sao lưu tự động giữ lại: từ 1 đến 365.",
        ));
    }
    store.write(|s| s.set_meta(KEEP_KEY, &n.to_string()))
}

fn is_auto(name: &str) -> bool {
    name.starts_with("quyhoach-") && name.ends_with(".db")
}

/// Makes today's copy if there is none yet; returns its path when one was made.
pub fn run(store: &Store, data_dir: &Path, passphrase: &str) -> Result<Option<PathBuf>> {
    let dir = data_dir.join(AUTO_DIR);
    let path = dir.join(format!("quyhoach-{}.db", store.today().format("%Y-%m-%d")));
    if path.exists() {
        return Ok(None);
    }
    std::fs::create_dir_all(&dir)?;
    store.backup_unchecked(&path, passphrase)?;
    prune(&dir, keep(store)?)?;
    Ok(Some(path))
}

/// Removes the oldest daily copies beyond `keep` (names sort by date).
fn prune(dir: &Path, keep: usize) -> Result<()> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| is_auto(n))
        .collect();
    names.sort();
    let extra = names.len().saturating_sub(keep);
    for n in names.into_iter().take(extra) {
        std::fs::remove_file(dir.join(n))?;
    }
    Ok(())
}
