//! Issue 26 §1: every ward file a released version made (tests/fixtures/wards/<version>/, made
//! by scripts/make-fixture.sh) opens with today's code — its migrations run on a copy — and says
//! exactly what that version printed: every person, plan entry and step, document number,
//! rule setting and target. A release that changes the meaning of an old file fails here.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::*;

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wards");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("phuong-mau.db").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn expected(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join("json").join(name)).unwrap()
}

#[test]
fn every_released_ward_file_opens_and_says_what_its_version_printed() {
    let dirs = fixtures();
    assert!(!dirs.is_empty(), "no fixture of a released version");
    assert!(
        dirs.iter().any(|d| d.ends_with(env!("CARGO_PKG_VERSION"))),
        "this version has no fixture: bash scripts/make-fixture.sh"
    );
    for dir in dirs {
        let version = dir.file_name().unwrap().to_string_lossy().to_string();
        let tmp = tempfile::Builder::new()
            .prefix(&format!("bản {version} "))
            .tempdir()
            .unwrap();
        let db = tmp.path().join("Dữ liệu phường").join("phường mẫu.db");
        std::fs::create_dir_all(db.parent().unwrap()).unwrap();
        std::fs::copy(dir.join("phuong-mau.db"), &db).unwrap();
        let pass = dir.join("mat-khau.txt");
        let cli = |args: &[&str]| {
            let o = run_cli(&db, &pass, args, None);
            assert!(
                o.status.success(),
                "{version} {args:?}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            String::from_utf8(o.stdout).unwrap()
        };
        let json = |args: &[&str]| -> Value { serde_json::from_str(&cli(args)).unwrap() };
        let want = |name: &str| -> Value { serde_json::from_str(&expected(&dir, name)).unwrap() };
        // Every person, whole, as `person show` prints it.
        let ids: Vec<i64> = json(&["person", "list", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_i64().unwrap())
            .collect();
        let secret = std::fs::read_to_string(&pass).unwrap();
        let store = quyhoach::Store::open(&db, secret.trim()).unwrap();
        let people: Vec<Value> = ids
            .iter()
            .map(|id| serde_json::to_value(store.person(*id).unwrap()).unwrap())
            .collect();
        store.close().unwrap();
        assert_eq!(people.len(), 60, "{version}");
        assert_eq!(
            Value::Array(people),
            want("people.json"),
            "{version}: people"
        );
        assert_eq!(
            json(&["plan", "history", "--term", "2030-2035"]),
            want("plan.json"),
            "{version}: plan entries and steps"
        );
        assert_eq!(
            json(&["register", "list", "--json"]),
            want("register.json"),
            "{version}: the register"
        );
        assert_eq!(
            json(&["rules", "show", "--term", "2030-2035"]),
            want("rules.json"),
            "{version}: the rule set"
        );
        assert_eq!(
            cli(&["target", "list"]),
            expected(&dir, "targets.txt"),
            "{version}: targets"
        );
        assert_eq!(
            cli(&["programme", "list"]),
            expected(&dir, "programmes.txt"),
            "{version}: programmes"
        );
    }
}
