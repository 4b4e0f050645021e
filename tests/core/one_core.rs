//! The window and the CLI are adapters over the same use cases (`quyhoach::app`): on the same
//! ward file they accept and refuse the same things with the same Vietnamese message, and make
//! the same records. The CLI adds the flag that sets the field; the window never sees a flag.

use crate::common::*;
use quyhoach::app::plan::{NewTerm, StepInput};
use quyhoach::session::{NewDatabase, Session};

/// A ward the window (a `Session`) and the CLI (on the same file) both use.
fn both() -> (TempWard, Session, std::path::PathBuf) {
    let mut w = temp_ward();
    let mut s = Session::new(w.dir.path());
    s.set_today(today());
    s.create(NewDatabase {
        unit: unit(),
        passphrase: PASS.into(),
        passphrase_again: PASS.into(),
    })
    .unwrap();
    w.path = w.dir.path().join(quyhoach::paths::DATA_FILE);
    s.add_term(NewTerm {
        kind: "dang".into(),
        start_year: 2030,
        end_year: 2035,
        reference: "07/2030".into(),
    })
    .unwrap();
    let pass = pass_file(&w);
    (w, s, pass)
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn a_bad_plan_step_gets_the_same_message_from_the_window_and_the_cli() {
    let (w, mut s, pass) = both();
    let id = s.save_person(hoa()).unwrap();
    for (date, step, field) in [
        ("31/02/2027", "de_xuat", "date"),
        ("20/09/2026", "duyet_luon", "step"),
    ] {
        let err = s
            .plan_person(
                "2030-2035",
                "BT",
                id,
                StepInput {
                    step: step.into(),
                    date: Some(date.into()),
                    ..StepInput::default()
                },
            )
            .unwrap_err();
        let f = &err.field_errors()[0];
        assert_eq!(f.field, field);
        assert!(!f.message.contains("--"), "{}", f.message);
        let o = cli(
            &w,
            &pass,
            &[
                "plan",
                "add",
                "--term",
                "2030-2035",
                "--position",
                "BT",
                "--person",
                &id.to_string(),
                "--step",
                step,
                "--date",
                date,
            ],
        );
        assert_eq!(o.status.code(), Some(1));
        let e = stderr(&o);
        assert!(e.contains(&f.message), "CLI: {e}\nwindow: {}", f.message);
        assert!(e.contains(&format!("sửa ở --{field}")), "{e}");
    }
    // Neither wrote anything.
    assert!(s
        .plan_board("2030-2035")
        .unwrap()
        .positions
        .iter()
        .all(|p| p.entries.is_empty()));
    // The same step, read the same way, is accepted by both (by code, or by its label).
    s.plan_person(
        "2030-2035",
        "BT",
        id,
        StepInput {
            step: "Đề xuất".into(),
            date: Some("20/09/2026".into()),
            ..StepInput::default()
        },
    )
    .unwrap();
    let o = cli(
        &w,
        &pass,
        &[
            "plan",
            "add",
            "--term",
            "2030-2035",
            "--position",
            "PBT-TT",
            "--person",
            &id.to_string(),
            "--date",
            "20/09/2026",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        s.plan_board("2030-2035")
            .unwrap()
            .positions
            .iter()
            .map(|p| p.entries.len())
            .sum::<usize>(),
        2
    );
}

#[test]
fn a_rule_edit_makes_one_kind_of_version_from_either_side() {
    let (w, mut s, pass) = both();
    let base = s.rules_for_term("2030-2035").unwrap().name;
    let o = cli(
        &w,
        &pass,
        &[
            "rules",
            "set",
            "--term",
            "2030-2035",
            "--param",
            "min_rating=\"HT\"",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let from_cli = s.rules_for_term("2030-2035").unwrap();
    assert!(
        from_cli.name.starts_with(&format!("{base} (sửa đổi ")),
        "{}",
        from_cli.name
    );
    // The window edits the version the CLI made: the suffix is replaced, never stacked.
    let mut params = serde_json::to_value(&from_cli.params).unwrap();
    params["min_rating"] = serde_json::json!("HTT");
    let from_window = s.save_rule_params("2030-2035", params).unwrap();
    assert_eq!(from_window.name, format!("{base} (sửa đổi 22/11/2026)"));
    // And the CLI after the window, once more.
    let o = cli(
        &w,
        &pass,
        &[
            "rules",
            "set",
            "--term",
            "2030-2035",
            "--param",
            "rating_years=2",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let last = s.rules_for_term("2030-2035").unwrap();
    assert_eq!(last.name.matches("sửa đổi").count(), 1, "{}", last.name);
    assert_eq!(last.params.rating_years, 2);
    // An unknown parameter is refused by name on both sides, and nothing is saved.
    let n = s.store().unwrap().rule_sets().unwrap().len();
    let o = cli(
        &w,
        &pass,
        &[
            "rules",
            "set",
            "--term",
            "2030-2035",
            "--param",
            "so_nguoi=4",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("không có tham số “so_nguoi”"),
        "{}",
        stderr(&o)
    );
    let err = s
        .save_rule_params("2030-2035", serde_json::json!({"so_nguoi": 4}))
        .unwrap_err();
    assert!(
        err.to_string().contains("không có tham số “so_nguoi”"),
        "{err}"
    );
    assert_eq!(s.store().unwrap().rule_sets().unwrap().len(), n);
}

#[test]
fn exports_and_records_go_through_the_same_use_cases() {
    let (w, mut s, pass) = both();
    // A plan workbook without a term: the same field named on both sides.
    let out = w.dir.path().join("Xuất").join("trích ngang.xlsx");
    let err = s
        .export_excel(quyhoach::app::exports::ExportInput {
            kind: "trich-ngang".into(),
            out: out.clone(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.field_errors()[0].field, "term");
    let o = cli(
        &w,
        &pass,
        &["export", "trich-ngang", "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&err.field_errors()[0].message),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    // "person add" with an id in the JSON adds a record; it never replaces the one with that id.
    let id = s.save_person(hoa()).unwrap();
    let mut other = simple(
        "Trần Thị Bích Ngọc",
        quyhoach::model::Sex::Female,
        "12/05/1990",
        "",
    );
    other.id = Some(id);
    let file = w.dir.path().join("hồ sơ.json");
    std::fs::write(&file, serde_json::to_string(&other).unwrap()).unwrap();
    let o = cli(
        &w,
        &pass,
        &["person", "add", "--file", file.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(s.person(id).unwrap().full_name, hoa().full_name);
    assert_eq!(s.store().unwrap().count_people().unwrap(), 2);
    // A list with one unreadable record names it by its place and adds none.
    let list = serde_json::json!([
        serde_json::to_value(simple("Lê Văn Tám", quyhoach::model::Sex::Male, "1985", "")).unwrap(),
        {"full_name": "Phạm Thị Hồng", "sex": "nu", "birth_date": "31/02/1991"}
    ]);
    std::fs::write(&file, list.to_string()).unwrap();
    let o = cli(
        &w,
        &pass,
        &["person", "add", "--file", file.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("Hồ sơ thứ 2: Ngày sinh"),
        "{}",
        stderr(&o)
    );
    assert_eq!(s.store().unwrap().count_people().unwrap(), 2);
}

/// Issue 15: the CLI and the window save a document as Word (.docx) through the same use case;
/// the Word copy of an issued document keeps its number (one register entry), a draft takes none,
/// and a Word file named ".pdf" is refused by name.
#[test]
fn word_files_from_the_cli_and_the_window_share_the_register() {
    let (w, mut s, pass) = both();
    s.save_person(hoa()).unwrap();
    let dir = w.dir.path().join("Văn bản");
    let pdf = dir.join("Tờ trình 01.pdf");
    let o = cli(
        &w,
        &pass,
        &[
            "doc",
            "to-trinh",
            "--term",
            "2030-2035",
            "--issue",
            "--ngay",
            "20/11/2026",
            "--nguoi-ky",
            "Nguyễn Văn Nho",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // The Word copy from the CLI: the extension decides, the number is the PDF's.
    let docx = dir.join("Tờ trình 01.docx");
    let o = cli(
        &w,
        &pass,
        &[
            "doc",
            "to-trinh",
            "--term",
            "2030-2035",
            "--issue",
            "--so",
            "1",
            "--ngay",
            "20/11/2026",
            "--out",
            docx.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Số 01-TTr/ĐU, văn bản Word"),
        "{}",
        stderr(&o)
    );
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip package");
    // The window's "Lưu Word": the same document, explicitly Word, under the issued number.
    let from_window = dir.join("Tờ trình 01 (sửa).docx");
    let mut input = quyhoach::app::documents::DocInput {
        kind: "to-trinh".into(),
        date: Some("20/11/2026".into()),
        out: from_window.clone(),
        format: Some("docx".into()),
        fields: quyhoach::docs::DocFields {
            term_code: Some("2030-2035".into()),
            issue: true,
            number: Some(1),
            ..Default::default()
        },
        ..Default::default()
    };
    let made = s.save_document(input.clone()).unwrap();
    assert_eq!(made.number.as_deref(), Some("Số 01-TTr/ĐU"));
    assert_eq!(made.format, quyhoach::docs::DocFormat::Docx);
    let register = s.doc_register().unwrap();
    assert_eq!(register.len(), 1, "{register:?}");
    // A Word file named .pdf is refused by name on both sides, and nothing is written.
    input.out = dir.join("nhầm.pdf");
    let err = s.save_document(input.clone()).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "out");
    assert!(err.field_errors()[0].message.contains(".docx"), "{err}");
    let o = cli(
        &w,
        &pass,
        &[
            "doc",
            "to-trinh",
            "--term",
            "2030-2035",
            "--format",
            "docx",
            "--out",
            input.out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&err.field_errors()[0].message),
        "{}",
        stderr(&o)
    );
    assert!(!input.out.exists());
    // A draft in Word takes no number.
    input.out = dir.join("nháp.docx");
    input.fields.issue = false;
    input.fields.number = None;
    let draft = s.save_document(input).unwrap();
    assert!(draft.draft && draft.number.is_none());
    assert_eq!(s.doc_register().unwrap().len(), 1);
}

/// Issue 20 §2, the sequence seen in the window, through the window's use case (a `Session`) and
/// the CLI on the same file: 01, 02, 03 issued and 03 cancelled; "2" and "50" are refused by
/// both with the same message and nothing written by either; the gap confirmed from the CLI with
/// its reason issues 50 and records 04–49 as left blank; the same document saved again from the
/// window (a second click) keeps 50 and records nothing.
#[test]
fn the_register_refuses_the_same_numbers_from_the_window_and_the_cli() {
    let (w, mut s, pass) = both();
    let dir = w.dir.path().join("Văn bản");
    let input = |date: &str, number: Option<u32>, out: &str| quyhoach::app::documents::DocInput {
        kind: "to-trinh".into(),
        date: Some(date.into()),
        out: dir.join(out),
        fields: quyhoach::docs::DocFields {
            term_code: Some("2030-2035".into()),
            number,
            issue: true,
            signer: Some(quyhoach::docs::Signer {
                on_behalf: "T/M ĐẢNG ỦY".into(),
                title: "BÍ THƯ".into(),
                name: "Nguyễn Văn Nho".into(),
            }),
            ..Default::default()
        },
        ..Default::default()
    };
    for (n, date) in [(1, "01/12/2026"), (2, "02/12/2026"), (3, "03/12/2026")] {
        let made = s
            .save_document(input(date, None, &format!("{n:02}.pdf")))
            .unwrap();
        assert_eq!(made.number_value, Some(n));
    }
    s.cancel_doc_number("TTr", "2025-2030", 3, "Văn bản không ban hành")
        .unwrap();
    let cli_doc = |date: &str, extra: &[&str], out: &str| {
        let out = dir.join(out);
        let mut args = vec![
            "doc",
            "to-trinh",
            "--term",
            "2030-2035",
            "--issue",
            "--ngay",
            date,
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        cli(&w, &pass, &args)
    };

    // "2" on the Tờ trình of 05/12: refused by both, naming the holder; nothing written.
    let before = dump(&w.path);
    let err = s
        .save_document(input("05/12/2026", Some(2), "02 lần hai.pdf"))
        .unwrap_err();
    let f = &err.field_errors()[0];
    assert_eq!(
        (f.field.as_str(), f.rule.as_str()),
        ("number", "date_changed")
    );
    assert!(
        f.message.contains(
            "Số 02-TTr/ĐU đã cấp cho Tờ trình đề nghị phê duyệt quy hoạch nhiệm kỳ 2030-2035 ngày 02/12/2026"
        ),
        "{}",
        f.message
    );
    let o = cli_doc("05/12/2026", &["--so", "2"], "02 lần hai.pdf");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&f.message), "{}", stderr(&o));
    assert!(stderr(&o).contains("--correct-date"), "{}", stderr(&o));
    assert_unchanged(&before, &w.path, "nothing written");
    assert!(!dir.join("02 lần hai.pdf").exists());

    // "50": refused by both until the gap is confirmed; nothing written.
    let err = s
        .save_document(input("05/12/2026", Some(50), "50.pdf"))
        .unwrap_err();
    let f = &err.field_errors()[0];
    assert_eq!(f.rule, "gap");
    assert!(
        f.message.contains("Số 50-TTr/ĐU bỏ qua các số 04–49"),
        "{}",
        f.message
    );
    let o = cli_doc("05/12/2026", &["--so", "50"], "50.pdf");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&f.message), "{}", stderr(&o));
    assert!(stderr(&o).contains("--skip-numbers"), "{}", stderr(&o));
    assert_unchanged(&before, &w.path, "nothing written");
    assert!(!dir.join("50.pdf").exists());

    // Confirmed from the CLI with its reason.
    let o = cli_doc(
        "05/12/2026",
        &[
            "--so",
            "50",
            "--bo-qua-so",
            "Các số 04–49 đã cấp trong sổ giấy",
        ],
        "50.pdf",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Số 50-TTr/ĐU") && stderr(&o).contains("các số 04–49"),
        "{}",
        stderr(&o)
    );
    let reg = s.doc_register().unwrap();
    assert_eq!(reg.len(), 50);
    let skipped: Vec<u32> = reg
        .iter()
        .filter(|r| r.state == quyhoach::docs::NumberState::Skipped)
        .map(|r| r.number)
        .collect();
    assert_eq!(skipped.len(), 46);
    assert!(skipped.iter().all(|n| (4..=49).contains(n)));
    let o = cli(&w, &pass, &["register", "list", "--json"]);
    let listed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 50);
    assert_eq!(listed.iter().filter(|r| r["state"] == "bo_qua").count(), 46);
    assert!(listed
        .iter()
        .any(|r| r["number"] == 4 && r["skip_reason"] == "Các số 04–49 đã cấp trong sổ giấy"));

    // The same document from the window again (a second click): Số 50, nothing recorded.
    let before = dump(&w.path);
    let again = s
        .save_document(input("05/12/2026", Some(50), "50 cửa sổ.pdf"))
        .unwrap();
    assert_eq!(again.number.as_deref(), Some("Số 50-TTr/ĐU"));
    let again = s
        .save_document(input("05/12/2026", None, "50 cửa sổ 2.pdf"))
        .unwrap();
    assert_eq!(again.number.as_deref(), Some("Số 50-TTr/ĐU"));
    assert_unchanged(&before, &w.path, "nothing written");
    // A skipped number is refused by both.
    let err = s
        .save_document(input("06/12/2026", Some(10), "10.pdf"))
        .unwrap_err();
    assert_eq!(err.field_errors()[0].rule, "skipped");
    let o = cli_doc("06/12/2026", &["--so", "10"], "10.pdf");
    assert!(stderr(&o).contains(&err.field_errors()[0].message));
    assert_unchanged(&before, &w.path, "nothing written");
}

/// The Rust source of `src/store/`, each file with its comments taken out (a comment may name
/// anything), as (file name, code).
fn store_sources() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join("store");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        out.push((
            name,
            without_comments(&std::fs::read_to_string(&path).unwrap()),
        ));
    }
    out.sort();
    assert!(out.len() >= 10, "src/store/ not found: {out:?}");
    out
}

/// The code with its `//` comments blanked (string and char literals kept as they are).
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push(c);
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' => {
                out.push(c);
                for _ in 0..char_literal_len(&chars) {
                    out.extend(chars.next());
                }
            }
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// After a `'`: how many chars are left of a char literal ('"', '\'') — none for a lifetime.
fn char_literal_len(after: &(impl Iterator<Item = char> + Clone)) -> usize {
    let rest: Vec<char> = after.clone().take(3).collect();
    match rest.as_slice() {
        ['\\', _, '\'', ..] => 3,
        [_, '\'', ..] => 2,
        _ => 0,
    }
}

/// The string literals of some code (comments already taken out).
fn string_literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        if c == '\'' {
            for _ in 0..char_literal_len(&chars) {
                chars.next();
            }
        } else if c == '"' {
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        s.push(c);
                        s.extend(chars.next());
                    }
                    '"' => break,
                    c => s.push(c),
                }
            }
            out.push(s);
        }
    }
    out
}

/// The modules a piece of code names through `crate::` (`crate::docs::x`, `crate::{app, docs}`).
fn crate_modules(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = code[at + "crate::".len()..].trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group: `{docs::x, app, model::{a, b}}`.
            let mut depth = 0;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        out.push(ident(&group[i..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(ident(rest));
        }
    }
    out
}

/// `store/` runs queries: it names nothing of the layers above it (documents, renderers,
/// workbooks, use cases, the CLI), so the SQL layer never depends on a document builder.
#[test]
fn the_store_names_no_layer_above_it() {
    const ABOVE: [&str; 7] = ["docs", "xlsx", "app", "cli", "document", "pdf", "docx"];
    let mut found = Vec::new();
    for (file, code) in store_sources() {
        for m in crate_modules(&code) {
            if ABOVE.contains(&m.as_str()) || m == "session" || m == "import" {
                found.push(format!("src/store/{file}: crate::{m}"));
            }
        }
        for above in ABOVE {
            if code.contains(&format!("super::super::{above}")) {
                found.push(format!("src/store/{file}: super::super::{above}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "store/ names a layer above it:\n{}",
        found.join("\n")
    );
    // The scanner itself reads the forms it must catch.
    assert_eq!(
        crate_modules("use crate::docs::register::{A, B};\nuse crate::{model::X, app};"),
        ["docs", "model", "app"]
    );
}

/// `store/` says no rule in Vietnamese: what a value may be is checked by `app/`, which stage may
/// follow which by `rules/`. The only messages left in `store/` are those that only the database
/// can answer, each listed here with why; any other Vietnamese text in `src/store/` fails.
#[test]
fn the_store_refuses_only_what_the_database_decides() {
    const ALLOWED: &[(&str, &str)] = &[
        // A row asked for is not there.
        (
            "catalogue.rs",
            "Không có nhiệm kỳ “{code}”: hãy thêm nhiệm kỳ này trước.",
        ),
        (
            "catalogue.rs",
            "Không có chức danh mã “{code}” trong danh mục.",
        ),
        ("catalogue.rs", "Chưa có bộ quy định nào."),
        ("catalogue.rs", "Không có chỉ tiêu mã số {id}."),
        ("plan.rs", "Không có mục quy hoạch số {entry_id}."),
        (
            "programme.rs",
            "Người mã số {person_id} chưa có trong đề án số {programme_id}.",
        ),
        ("programme.rs", "Không có đề án số {id}."),
        ("programme.rs", "Không có bộ tiêu chí số {id}."),
        // A value that must be unique is already there (a UNIQUE constraint, or the lookup
        // of the same key just before the insert).
        ("catalogue.rs", "Nhiệm kỳ {code} đã có."),
        (
            "person.rs",
            "Số CCCD: {cccd} đã có trong hồ sơ của {name} (mã số {id}); mỗi người một số.",
        ),
        (
            "plan.rs",
            "{} đã có trong quy hoạch {} nhiệm kỳ {} (mục số {id}); hãy thêm bước cho mục đó.",
        ),
        ("plan.rs", "Nhiệm kỳ {} đã có đợt rà soát năm {year}."),
        ("programme.rs", "{} đã có trong đề án."),
        ("review.rs", "Nhiệm kỳ {} đã có đợt rà soát năm {}."),
        // A stored code that no longer reads (a damaged row).
        ("person.rs", "mã không hợp lệ: {s}"),
        // An update must name its row.
        ("person.rs", "Mã số cán bộ: bắt buộc khi sửa hồ sơ."),
        // The name a review round is stored under (a value, not a message).
        ("plan.rs", "Rà soát, bổ sung quy hoạch năm {year}"),
        ("review.rs", "Rà soát, bổ sung quy hoạch năm {}"),
    ];
    let mut found = Vec::new();
    for (file, code) in store_sources() {
        if file == "backup.rs" {
            // The backup's own checks of a file on disk (the copy opens with the passphrase,
            // its integrity, its rows): no value typed by the clerk.
            continue;
        }
        for s in string_literals(&code) {
            if !s.is_ascii() && !ALLOWED.contains(&(file.as_str(), s.as_str())) {
                found.push(format!("src/store/{file}: \"{s}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "store/ says a rule of its own (check it in app/, or its stage in rules/):\n{}",
        found.join("\n")
    );
    assert_eq!(
        string_literals(&without_comments(
            "let c = '\"'; let q = '\\''; // \"not this\"\nbad(\"x\", \"Tên: bắt buộc.\\\"\")"
        )),
        ["x", "Tên: bắt buộc.\\\""]
    );
}

/// Every `.rs` file under `src/`, comments taken out, as (path, code).
fn all_sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().and_then(|e| e.to_str()) == Some("rs") {
                out.push((
                    path.display().to_string(),
                    without_comments(&std::fs::read_to_string(&path).unwrap()),
                ));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    assert!(out.len() > 50, "{}", out.len());
    out
}

/// Issue 22: a refusal names the rule broken (no bare "invalid" rule code anywhere in the
/// core), and a record asked for and not there is its own kind of error — `not_found`, with the
/// field it was asked by — on the store, through the window's session and on the command line.
#[test]
fn a_missing_record_is_not_found_and_every_refusal_names_its_rule() {
    let bare: Vec<String> = all_sources()
        .into_iter()
        .filter(|(_, code)| code.contains("\"invalid\""))
        .map(|(file, _)| file)
        .collect();
    assert!(bare.is_empty(), "a bare \"invalid\" rule code in {bare:?}");

    let w = temp_ward();
    let mut s = ward_with_term(&w, "2030-2035");
    let err = s.term("2099-2104").unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(err.field_errors()[0].field, "term");
    assert!(
        err.to_string().contains("Không có nhiệm kỳ “2099-2104”"),
        "{err}"
    );
    let err = quyhoach::app::plan::set_entry_terms(&mut s, 98765, 1).unwrap_err();
    assert_eq!(
        (err.code(), err.field_errors()[0].field.as_str()),
        ("not_found", "entry")
    );
    let err = s.programme(4321).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(err.to_string().contains("Không có đề án số 4321."), "{err}");
    // A refused value names its rule.
    let err = quyhoach::app::plan::set_entry_terms(&mut s, 1, 3).unwrap_err();
    assert_eq!(err.code(), "validation");
    assert_eq!(err.field_errors()[0].rule, "terms_one_or_two");
    // The window receives the code and the field; the command line says the message and the flag.
    let json = serde_json::to_value(s.term("2099-2104").unwrap_err()).unwrap();
    assert_eq!(json["code"], "not_found");
    assert_eq!(json["fields"][0]["field"], "term");
    s.close().unwrap();
    let pass = pass_file(&w);
    let o = cli(&w, &pass, &["plan", "list", "--term", "2099-2104"]);
    assert!(!o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("Không có nhiệm kỳ “2099-2104”"), "{stderr}");
    assert!(!stderr.contains("chưa hợp lệ"), "{stderr}");
}

/// Issue 22: input is checked by the use cases, not the store — `src/store/` calls none of the
/// record checks (they live in `validate.rs` and `rules::steps`, and `app/` runs them inside the
/// use case's transaction before the store writes).
#[test]
fn the_store_checks_no_input() {
    let calls = [
        "validate_person(",
        "validate_unit(",
        "validate_event(",
        "validate_passphrase(",
    ];
    let found: Vec<String> = store_sources()
        .into_iter()
        .flat_map(|(file, code)| {
            calls
                .iter()
                .filter(|c| code.contains(*c))
                .map(move |c| format!("{file}: {c}"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(found.is_empty(), "{found:?}");
}
