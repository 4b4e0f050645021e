//! The size of the main window, remembered between runs in the data folder.

use std::path::Path;

use serde::{Deserialize, Serialize};

const FILE: &str = "cua-so.json";

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WindowSize {
    /// Logical pixels.
    pub width: f64,
    pub height: f64,
    #[serde(default)]
    pub maximized: bool,
}

/// The remembered size, if any and sane (a broken file is ignored).
pub fn load(data_dir: &Path) -> Option<WindowSize> {
    let text = std::fs::read_to_string(data_dir.join(FILE)).ok()?;
    let s: WindowSize = serde_json::from_str(&text).ok()?;
    ((640.0..=10000.0).contains(&s.width) && (480.0..=10000.0).contains(&s.height)).then_some(s)
}

pub fn save(data_dir: &Path, size: &WindowSize) -> std::io::Result<()> {
    std::fs::create_dir_all(data_dir)?;
    let tmp = data_dir.join(format!("{FILE}.tmp"));
    std::fs::write(
        &tmp,
        serde_json::to_vec(size).map_err(std::io::Error::other)?,
    )?;
    std::fs::rename(tmp, data_dir.join(FILE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_and_ignores_nonsense() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), None);
        let s = WindowSize {
            width: 1280.0,
            height: 720.0,
            maximized: false,
        };
        save(dir.path(), &s).unwrap();
        assert_eq!(load(dir.path()), Some(s));
        std::fs::write(dir.path().join(FILE), r#"{"width":5,"height":5}"#).unwrap();
        assert_eq!(load(dir.path()), None);
    }
}
