//! Issue 26 §1: the version is written once (the workspace's Cargo.toml) and said the same by the
//! CLI, the session (the window) and the CHANGELOG; the Windows build reads it there too.

use crate::common::*;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn read(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn the_version_is_written_once_and_said_the_same_everywhere() {
    // Written once: the crates take the workspace's, the window's config names none.
    let root = read("Cargo.toml");
    assert!(root.contains(&format!("[workspace.package]\nversion = \"{VERSION}\"")));
    for toml in ["Cargo.toml", "src-tauri/Cargo.toml"] {
        let text = read(toml);
        let package = &text[text.find("[package]").unwrap()..];
        let package = &package[..package[1..].find("\n[").unwrap_or(package.len())];
        assert!(package.contains("version.workspace = true"), "{toml}");
    }
    let conf: serde_json::Value = serde_json::from_str(&read("src-tauri/tauri.conf.json")).unwrap();
    assert!(
        conf.get("version").is_none(),
        "tauri.conf.json names a version of its own"
    );
    for script in ["scripts/build-windows.sh", "scripts/test-windows.sh"] {
        assert!(
            read(script).contains("/^\\[workspace.package\\]/"),
            "{script}"
        );
    }
    // Said the same by the CLI and the session; the CHANGELOG has the version's section.
    let o = quyhoach().arg("--version").run();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        format!("quyhoach {VERSION}")
    );
    let dir = tempfile::tempdir().unwrap();
    let s = quyhoach::session::Session::new(dir.path());
    assert_eq!(s.status().unwrap().version, VERSION);
    assert!(read("CHANGELOG.md").contains(&format!("\n## {VERSION} — ")));
}
