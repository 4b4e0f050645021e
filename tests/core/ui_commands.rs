//! Issue 22: the window's commands are written once, in `src-tauri/src/commands/mod.rs`
//! (`commands! { module::name, … }`, which makes the invoke handler). `ui/js/backend.js` holds no
//! copy: the window calls `backend.call("name", args)`. This test reads both and fails on a name
//! the window calls that is not a command, and on a command the window never calls.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn commands_dir() -> PathBuf {
    root().join("src-tauri").join("src").join("commands")
}

/// The `module::name` entries of the `commands! { … }` invocation.
fn listed(mod_rs: &str) -> Vec<(String, String)> {
    let start = mod_rs
        .find("\ncommands! {")
        .expect("commands/mod.rs invokes `commands! { … }`");
    let block = &mod_rs[start + "\ncommands! {".len()..];
    let block = &block[..block.find('}').expect("the list ends with `}`")];
    block
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| {
            let (m, n) = e
                .split_once("::")
                .unwrap_or_else(|| panic!("`{e}` is not `module::command`"));
            (m.trim().to_string(), n.trim().to_string())
        })
        .collect()
}

/// The names the window calls: the first argument of every `backend.call(` in `ui/js`, which
/// must be a string literal (a name built at run time could not be checked).
fn called(src: &str, file: &str) -> Vec<String> {
    src.match_indices("backend.call(")
        .map(|(at, what)| {
            let rest = src[at + what.len()..].trim_start();
            rest.strip_prefix('"')
                .and_then(|r| r.split_once('"'))
                .map(|(n, _)| n.to_string())
                .unwrap_or_else(|| {
                    panic!("{file}: a backend.call( whose name is no string literal: {rest:.40}")
                })
        })
        .collect()
}

fn ui_calls() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(root().join("ui").join("js")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "js") {
            continue;
        }
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(&path).unwrap();
        if file != "backend.js" {
            assert!(
                !src.contains("__TAURI__"),
                "{file} talks to Tauri itself: only backend.js may"
            );
            assert!(
                !src.contains("import { call") && !src.contains(" call as "),
                "{file}: call commands as backend.call(\"name\", …), where this test finds them"
            );
        }
        names.extend(called(&src, &file));
    }
    names
}

/// The commands the end-to-end tests call themselves: `core(&c, "name", …)`.
fn e2e_calls() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let dir = root().join("src-tauri").join("tests").join("e2e");
    for entry in std::fs::read_dir(dir).unwrap() {
        let src = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (at, what) in src.match_indices("core(&") {
            let rest = &src[at + what.len()..];
            let Some((_, after)) = rest.split_once(',') else {
                continue;
            };
            if let Some((name, _)) = after
                .trim_start()
                .strip_prefix('"')
                .and_then(|r| r.split_once('"'))
            {
                names.insert(name.to_string());
            }
        }
    }
    names
}

#[test]
fn the_scanner_reads_the_names_called() {
    let src = r#"
        // `call(name, args)` in a comment
        const a = await backend.call("plan_board", { term });
        run(() => backend.call( "status"));
        recall("not_this");
    "#;
    assert_eq!(called(src, "x.js"), ["plan_board", "status"]);
    let list = listed("x\ncommands! {\n    ward::status,\n    plan::plan_board,\n}\n");
    assert_eq!(
        list,
        [
            ("ward".to_string(), "status".to_string()),
            ("plan".to_string(), "plan_board".to_string())
        ]
    );
}

#[test]
fn every_command_the_window_calls_is_in_the_one_list() {
    let mod_rs = std::fs::read_to_string(commands_dir().join("mod.rs")).unwrap();
    let list = listed(&mod_rs);
    assert!(list.len() > 60, "only {} commands read", list.len());
    let names: BTreeSet<String> = list.iter().map(|(_, n)| n.clone()).collect();
    assert_eq!(names.len(), list.len(), "a command is listed twice");

    // Each entry is a #[tauri::command] of its module, and each such command is listed.
    let mut defined = BTreeSet::new();
    for entry in std::fs::read_dir(commands_dir()).unwrap() {
        let path = entry.unwrap().path();
        let module = path.file_stem().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(&path).unwrap();
        for part in src.split("#[tauri::command]").skip(1) {
            let sig = part.trim_start().trim_start_matches("pub ");
            let sig = sig.trim_start_matches("async ").trim_start_matches("fn ");
            let name: String = sig
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            defined.insert((module.clone(), name));
        }
    }
    let listed: BTreeSet<(String, String)> = list.into_iter().collect();
    assert_eq!(
        listed, defined,
        "the list in commands/mod.rs and the #[tauri::command] functions differ"
    );

    let calls = ui_calls();
    assert!(
        calls.len() > 60,
        "only {} names called by ui/js",
        calls.len()
    );
    let missing: Vec<_> = calls.difference(&names).collect();
    assert!(
        missing.is_empty(),
        "ui/js calls commands that do not exist: {missing:?}"
    );
    // The end-to-end tests read what was saved through the window's own commands.
    let e2e = e2e_calls();
    let missing: Vec<_> = e2e.difference(&names).collect();
    assert!(
        missing.is_empty(),
        "src-tauri/tests/e2e calls commands that do not exist: {missing:?}"
    );
    let unused: Vec<_> = names
        .iter()
        .filter(|n| !calls.contains(*n) && !e2e.contains(*n))
        .collect();
    assert!(
        unused.is_empty(),
        "commands neither the window nor its tests call: {unused:?}"
    );

    // backend.js keeps no list of its own.
    let backend = std::fs::read_to_string(root().join("ui/js/backend.js")).unwrap();
    for n in &names {
        assert!(
            !backend.contains(&format!("\"{n}\"")),
            "backend.js names the command {n}: call it from the screen with call(\"{n}\", …)"
        );
    }
}
