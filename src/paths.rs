//! Where the application keeps its files. `QUYHOACH_DATA_DIR` overrides everything (tests, a
//! portable install on a USB stick); otherwise the folder the clerk chose (remembered in a small
//! file in the user's configuration folder), else the default. Paths with spaces and diacritics
//! are fine.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub const DATA_DIR_ENV: &str = "QUYHOACH_DATA_DIR";
/// Where the remembered location lives (tests point it at a temp folder).
pub const CONFIG_DIR_ENV: &str = "QUYHOACH_CONFIG_DIR";
pub const DATA_FILE: &str = "quyhoach.db";
pub const DEMO_FILE: &str = "phuong-mau.db";
const LOCATION_FILE: &str = "vi-tri-du-lieu.json";

#[derive(Debug, Serialize, Deserialize)]
struct Location {
    data_dir: PathBuf,
}

fn config_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("QuyHoachCanBo")
}

/// `%APPDATA%\QuyHoachCanBo` on Windows, `~/.local/share/QuyHoachCanBo` on Linux.
pub fn default_data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("QuyHoachCanBo")
}

/// The data folder in use: the environment, else the remembered choice, else the default.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    std::fs::read_to_string(config_dir().join(LOCATION_FILE))
        .ok()
        .and_then(|t| serde_json::from_str::<Location>(&t).ok())
        .map(|l| l.data_dir)
        .filter(|d| d.is_dir())
        .unwrap_or_else(default_data_dir)
}

/// Remembers a data folder the clerk chose (written beside, then renamed).
pub fn remember_data_dir(dir: &Path) -> std::io::Result<()> {
    let cfg = config_dir();
    std::fs::create_dir_all(&cfg)?;
    let tmp = cfg.join(format!("{LOCATION_FILE}.tmp"));
    let json = serde_json::to_vec(&Location {
        data_dir: dir.to_path_buf(),
    })
    .map_err(std::io::Error::other)?;
    std::fs::write(&tmp, json)?;
    std::fs::rename(tmp, cfg.join(LOCATION_FILE))
}

pub fn default_db_path() -> PathBuf {
    data_dir().join(DATA_FILE)
}

pub fn demo_db_path() -> PathBuf {
    data_dir().join(DEMO_FILE)
}

/// The ward's name beside its data file, so the unlock screen can say whose data it opens
/// (an organisation's public name, not personal data; everything else stays encrypted).
const WARD_NAME_FILE: &str = "ten-don-vi.txt";

pub fn remember_ward_name(data_dir: &Path, name: &str) {
    // Best effort: the screen falls back to the file's path.
    let _ = std::fs::write(data_dir.join(WARD_NAME_FILE), name.as_bytes());
}

pub fn ward_name(data_dir: &Path) -> Option<String> {
    std::fs::read_to_string(data_dir.join(WARD_NAME_FILE))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The name of the copy made before an older ward file is migrated: beside it, with the program
/// version that last wrote it and its schema ("phường Phổ Hòa (trước nâng cấp, bản 0.1.0, lược
/// đồ 7).db").
pub fn pre_upgrade_name(stem: &str, version: &str, schema: i64, ext: &str) -> String {
    format!("{stem} (trước nâng cấp, bản {version}, lược đồ {schema}){ext}")
}
