//! The `quyhoach` command line over real encrypted files: exit codes, JSON in and out,
//! Vietnamese messages, and the independent SQLCipher 4 client reading what it wrote.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::*;

struct Ward {
    _w: TempWard,
    db: PathBuf,
    pass_file: PathBuf,
}

fn ward() -> Ward {
    let w = temp_ward();
    let pass_file = w.dir.path().join("mật khẩu.txt");
    std::fs::write(&pass_file, format!("{PASS}\r\n")).unwrap();
    Ward {
        db: w.path.clone(),
        pass_file,
        _w: w,
    }
}

fn run(w: &Ward, args: &[&str], stdin: Option<&str>) -> Output {
    run_cli(&w.db, &w.pass_file, args, stdin)
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output, code: i32) -> String {
    assert_eq!(
        o.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn init(w: &Ward) {
    ok(&run(
        w,
        &[
            "init",
            "--ward",
            "Đảng ủy phường Phổ Hòa",
            "--superior",
            "Đảng bộ tỉnh Quảng Ngãi",
            "--place",
            "Phổ Hòa",
        ],
        None,
    ));
}

const HUONG: &str = r#"{"full_name":"Phạm Thị Hường","sex":"nu","birth_date":"12/08/1988","cccd":"051188004567",
  "ethnicity":"Kinh","home_town":"xã Phổ Thuận","political_theory":"trung_cap",
  "positions":[{"title":"Chủ tịch Hội Liên hiệp Phụ nữ","start":"2021"}],
  "ratings":[{"year":2025,"level":"HTXS","score":92}]}"#;

#[test]
fn person_add_show_edit_list_search_remove() {
    let w = ward();
    init(&w);
    let id = ok(&run(&w, &["person", "add"], Some(HUONG)))
        .trim()
        .to_string();
    let shown: serde_json::Value =
        serde_json::from_str(&ok(&run(&w, &["person", "show", &id], None))).unwrap();
    assert_eq!(shown["full_name"], "Phạm Thị Hường");
    assert_eq!(shown["birth_date"], "1988-08-12");
    assert_eq!(
        shown["positions"][0]["title"],
        "Chủ tịch Hội Liên hiệp Phụ nữ"
    );

    let patch = r#"{"residence":"Tổ dân phố 5, phường Phổ Hòa","other_name":"Hường Ểnh"}"#;
    ok(&run(&w, &["person", "edit", &id], Some(patch)));
    let shown: serde_json::Value =
        serde_json::from_str(&ok(&run(&w, &["person", "show", &id], None))).unwrap();
    assert_eq!(shown["residence"], "Tổ dân phố 5, phường Phổ Hòa");
    assert_eq!(
        shown["cccd"], "051188004567",
        "fields not in the patch are kept"
    );

    let list = ok(&run(&w, &["person", "list"], None));
    assert!(
        list.contains("Phạm Thị Hường") && list.contains("12/08/1988"),
        "{list}"
    );
    let found: serde_json::Value = serde_json::from_str(&ok(&run(
        &w,
        &["person", "search", "pham thi huong", "--json"],
        None,
    )))
    .unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);
    let none: serde_json::Value = serde_json::from_str(&ok(&run(
        &w,
        &["person", "search", "hương lan", "--json"],
        None,
    )))
    .unwrap();
    assert_eq!(none.as_array().unwrap().len(), 0);

    let history: serde_json::Value =
        serde_json::from_str(&ok(&run(&w, &["person", "history", &id], None))).unwrap();
    assert_eq!(history.as_array().unwrap().len(), 2);

    let msg = String::from_utf8(run(&w, &["person", "remove", &id], None).stderr).unwrap();
    assert!(msg.contains("Đã xóa hồ sơ Phạm Thị Hường"), "{msg}");
    let e = err(&run(&w, &["person", "show", &id], None), 1);
    assert!(
        e.contains(&format!("Không tìm thấy cán bộ có mã số {id}.")),
        "{e}"
    );
}

#[test]
fn bad_input_exits_1_with_the_field_and_changes_nothing() {
    let w = ward();
    init(&w);
    ok(&run(&w, &["person", "add"], Some(HUONG)));
    let bad = HUONG.replace("051188004567", "0511880045678");
    let e = err(&run(&w, &["person", "add"], Some(&bad)), 1);
    assert!(e.contains("[cccd] Số CCCD: phải gồm đúng 12 chữ số"), "{e}");
    let dup = HUONG.replace("Phạm Thị Hường", "Phạm Thị Hương");
    let e = err(&run(&w, &["person", "add"], Some(&dup)), 1);
    assert!(e.contains("đã có trong hồ sơ của Phạm Thị Hường"), "{e}");
    // An array is all or nothing: one bad record, none added.
    let batch = format!(
        "[{}, {}]",
        HUONG
            .replace("051188004567", "051188009999")
            .replace("Hường", "Hà"),
        bad
    );
    err(&run(&w, &["person", "add"], Some(&batch)), 1);
    let e = err(&run(&w, &["person", "add"], Some("{ không phải JSON")), 1);
    assert!(
        e.contains("Dữ liệu JSON không hợp lệ: lỗi ở dòng 1, cột 3") && !e.contains("expected"),
        "{e}"
    );
    let e = err(
        &run(
            &w,
            &["person", "add"],
            Some(r#"{"full_name":"Lê Văn Tám","sex":"nam","birth_date":"30/02/1990"}"#),
        ),
        1,
    );
    assert!(e.contains("“30/02/1990” không có trong lịch"), "{e}");
    let list: serde_json::Value =
        serde_json::from_str(&ok(&run(&w, &["person", "list", "--json"], None))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn usage_errors_exit_2() {
    let w = ward();
    err(&run(&w, &["person", "frobnicate"], None), 2);
    err(&run(&w, &["person", "show", "không-phải-số"], None), 2);
}

#[test]
fn wrong_or_missing_passphrase_exits_1() {
    let w = ward();
    init(&w);
    std::fs::write(&w.pass_file, "sai mật khẩu rồi").unwrap();
    let e = err(&run(&w, &["person", "list"], None), 1);
    assert!(e.contains("Mật khẩu không đúng"), "{e}");
    let o = quyhoach()
        .arg("--db")
        .arg(&w.db)
        .args(["person", "list"])
        .stdin(std::process::Stdio::null())
        .run();
    let e = err(&o, 1);
    assert!(e.contains("QUYHOACH_PASSPHRASE"), "{e}");
    // The environment variable works as well as the file.
    let o = quyhoach()
        .arg("--db")
        .arg(&w.db)
        .env("QUYHOACH_PASSPHRASE", PASS)
        .args(["person", "list"])
        .run();
    ok(&o);
}

#[test]
fn passwd_backup_restore() {
    let w = ward();
    init(&w);
    ok(&run(&w, &["person", "add"], Some(HUONG)));
    let backup = w.db.with_file_name("sao lưu 1.db");
    ok(&run(
        &w,
        &["backup", "--out", backup.to_str().unwrap()],
        None,
    ));
    ok(&run(&w, &["person", "remove", "1"], None));
    let e =
        String::from_utf8(run(&w, &["restore", "--from", backup.to_str().unwrap()], None).stderr)
            .unwrap();
    assert!(
        e.contains("Đã khôi phục") && e.contains("Tệp cũ được giữ tại"),
        "{e}"
    );
    let list: serde_json::Value =
        serde_json::from_str(&ok(&run(&w, &["person", "list", "--json"], None))).unwrap();
    assert_eq!(list[0]["full_name"], "Phạm Thị Hường");

    let new_pass = w.db.with_file_name("mật khẩu mới.txt");
    std::fs::write(&new_pass, "phường Phổ Hòa 2027\n").unwrap();
    ok(&run(
        &w,
        &[
            "passwd",
            "--new-passphrase-file",
            new_pass.to_str().unwrap(),
        ],
        None,
    ));
    err(&run(&w, &["person", "list"], None), 1);
    let o = quyhoach()
        .arg("--db")
        .arg(&w.db)
        .arg("--passphrase-file")
        .arg(&new_pass)
        .args(["person", "list"])
        .run();
    assert!(ok(&o).contains("Phạm Thị Hường"));

    // The backup made before the change: refused under the new passphrase alone, restored with
    // its own, and the ward keeps the new one (issue 10 §1).
    let with_new = |args: &[&str]| {
        quyhoach()
            .arg("--db")
            .arg(&w.db)
            .arg("--passphrase-file")
            .arg(&new_pass)
            .args(args)
            .run()
    };
    let e = err(
        &with_new(&["restore", "--from", backup.to_str().unwrap()]),
        1,
    );
    assert!(e.contains("Mật khẩu của bản sao lưu"), "{e}");
    let o = with_new(&[
        "restore",
        "--from",
        backup.to_str().unwrap(),
        "--backup-passphrase-file",
        w.pass_file.to_str().unwrap(),
    ]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("chuyển sang mật khẩu hiện tại"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(ok(&with_new(&["person", "list"])).contains("Phạm Thị Hường"));
    err(&run(&w, &["person", "list"], None), 1);
    // A wrong passphrase makes no backup at all.
    let typo = w.db.with_file_name("gõ nhầm.txt");
    std::fs::write(&typo, "saimatkhau\n").unwrap();
    let none = w.db.with_file_name("sao lưu 2.db");
    let o = quyhoach()
        .arg("--db")
        .arg(&w.db)
        .arg("--passphrase-file")
        .arg(&typo)
        .args(["backup", "--out", none.to_str().unwrap()])
        .run();
    assert_eq!(o.status.code(), Some(1));
    assert!(!none.exists());
}

/// The Python interpreter of the virtualenv with `sqlcipher3-binary` (SQLCipher 4),
/// made by `scripts/setup-debian.sh --test`.
fn python_with_sqlcipher() -> PathBuf {
    if let Some(p) = std::env::var_os("QUYHOACH_SQLCIPHER_PYTHON") {
        return PathBuf::from(p);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("pyvenv");
    let p = if cfg!(windows) {
        root.join("Scripts").join("python.exe")
    } else {
        root.join("bin").join("python")
    };
    assert!(
        p.exists(),
        "Thiếu trình đọc SQLCipher 4 độc lập ({}): chạy `bash scripts/setup-debian.sh --test`.",
        p.display()
    );
    p
}

const READER: &str = r#"
import sys, json
from sqlcipher3 import dbapi2 as sqlite
db, key = sys.argv[1], sys.argv[2]
con = sqlite.connect(db)
try:
    if key:
        con.execute("PRAGMA key = '%s'" % key.replace("'", "''"))
    names = [r[0] for r in con.execute("SELECT full_name FROM person ORDER BY id")]
    ver = con.execute("PRAGMA cipher_version").fetchone()[0]
    unit = con.execute("SELECT name FROM unit").fetchone()[0]
    print(json.dumps({"ok": True, "names": names, "unit": unit, "cipher_version": ver}, ensure_ascii=False))
except Exception as e:
    print(json.dumps({"ok": False, "error": str(e)}))
"#;

fn read_with_python(db: &Path, key: &str) -> serde_json::Value {
    let o = Command::new(python_with_sqlcipher())
        .arg("-c")
        .arg(READER)
        .arg(db)
        .arg(key)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[cfg_attr(
    windows,
    ignore = "the Python SQLCipher client runs on the Linux side: scripts/test-windows.sh reads files the Windows build wrote"
)]
#[test]
fn demo_file_is_standard_sqlcipher4_readable_only_with_the_passphrase() {
    let w = ward();
    let out = w.db.with_file_name("phường mẫu.db");
    ok(&run(&w, &["demo", "--out", out.to_str().unwrap()], None));

    let ours: serde_json::Value = {
        let o = quyhoach()
            .arg("--db")
            .arg(&out)
            .arg("--passphrase-file")
            .arg(&w.pass_file)
            .args(["person", "list", "--json"])
            .run();
        serde_json::from_str(&ok(&o)).unwrap()
    };
    assert_eq!(ours.as_array().unwrap().len(), quyhoach::demo::DEMO_SIZE);

    let r = read_with_python(&out, PASS);
    assert_eq!(r["ok"], true, "{r}");
    assert!(
        r["cipher_version"].as_str().unwrap().starts_with('4'),
        "{r}"
    );
    assert_eq!(r["unit"], "Đảng ủy phường Hòa An");
    let names = r["names"].as_array().unwrap();
    assert_eq!(names.len(), quyhoach::demo::DEMO_SIZE);
    let mut ours_names: Vec<_> = ours
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["full_name"].clone())
        .collect();
    let mut theirs = names.clone();
    ours_names.sort_by_key(|v| v.to_string());
    theirs.sort_by_key(|v| v.to_string());
    assert_eq!(
        ours_names, theirs,
        "the independent client reads the same people"
    );

    // Without the right passphrase, neither the independent client nor quyhoach reads anything.
    let r = read_with_python(&out, "sai mật khẩu");
    assert_eq!(r["ok"], false, "{r}");
    assert!(
        r["error"].as_str().unwrap().contains("not a database"),
        "{r}"
    );
    let r = read_with_python(&out, "");
    assert_eq!(r["ok"], false, "{r}");
    std::fs::write(&w.pass_file, "sai mật khẩu").unwrap();
    let o = quyhoach()
        .arg("--db")
        .arg(&out)
        .arg("--passphrase-file")
        .arg(&w.pass_file)
        .args(["person", "list"])
        .run();
    assert!(err(&o, 1).contains("Mật khẩu không đúng"));
    assert!(o.stdout.is_empty());

    // `strings` on the file finds no name from the demo.
    let bytes = std::fs::read(&out).unwrap();
    for p in ours.as_array().unwrap() {
        let name = p["full_name"].as_str().unwrap();
        assert!(
            !bytes.windows(name.len()).any(|win| win == name.as_bytes()),
            "{name} in plaintext"
        );
    }
}
