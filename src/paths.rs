//! Where the application keeps its files. `QUYHOACH_DATA_DIR` overrides the default
//! (tests, a portable install on a USB stick); paths with spaces and diacritics are fine.

use std::path::PathBuf;

pub const DATA_DIR_ENV: &str = "QUYHOACH_DATA_DIR";
pub const DATA_FILE: &str = "quyhoach.db";
pub const DEMO_FILE: &str = "phuong-mau.db";

/// `%APPDATA%\QuyHoachCanBo` on Windows, `~/.local/share/QuyHoachCanBo` on Linux.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("QuyHoachCanBo")
}

pub fn default_db_path() -> PathBuf {
    data_dir().join(DATA_FILE)
}

pub fn demo_db_path() -> PathBuf {
    data_dir().join(DEMO_FILE)
}
