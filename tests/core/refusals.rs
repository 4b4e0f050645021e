//! A refused action writes nothing. For every use case of `quyhoach::app` that writes (found by
//! reading `src/app/`: every public function whose body opens `store.write`), at least one
//! refused input through the window's `Session` and through the `quyhoach` CLI, on the demo
//! ward; a dump of every table, the audit log included, read by a second connection, is the same
//! before and after. A new write use case without a case here fails
//! `every_write_use_case_has_a_refusal_case`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use quyhoach::session::Session;
use serde_json::json;

use crate::common::*;

/// Everything in the ward file, table by table, row by row (rowid order), as text.
fn dump(db: &Path, pass: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "key", pass).unwrap();
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut out = Vec::new();
    for name in names {
        let mut st = conn
            .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY rowid"))
            .unwrap();
        let n = st.column_count();
        let rows: Vec<String> = st
            .query_map([], |r| {
                let mut line = format!("{name}:");
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!(" {v:?}"));
                }
                Ok(line)
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        out.push(format!("{name}: {} rows", rows.len()));
        out.extend(rows);
    }
    out
}

/// The write use cases of `src/app/`, as "file::function": every public function that takes
/// the store mutably (the store refuses any write outside `Store::write`, so each of them runs
/// its work in one transaction or fails loudly).
fn write_use_cases() -> BTreeSet<String> {
    write_use_case_bodies().into_keys().collect()
}

/// The write use cases with their bodies (up to the function's closing brace at column 0).
fn write_use_case_bodies() -> std::collections::BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join("app");
    let mut out = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let module = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        for (at, _) in text.match_indices("\npub fn ") {
            let rest = &text[at + "\npub fn ".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let open = rest.find('{').unwrap_or(rest.len());
            let signature = &rest[..open];
            if signature.contains("&mut Store") {
                let body = &rest[open..rest.find("\n}\n").unwrap_or(rest.len())];
                out.insert(format!("{module}::{name}"), body.to_string());
            }
        }
    }
    out
}

/// The demo ward opened by the window's session, and the CLI pointed at the same file.
struct Ward {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    db: PathBuf,
    pass_file: PathBuf,
    session: Session,
}

const DEMO_PASS: &str = quyhoach::demo::DEMO_PASSPHRASE;

fn demo_ward() -> Ward {
    let tmp = tempfile::Builder::new()
        .prefix("từ chối ")
        .tempdir()
        .unwrap();
    let dir = tmp.path().join("Dữ liệu phường");
    std::fs::create_dir_all(&dir).unwrap();
    let mut session = Session::new(&dir);
    session.set_today(today());
    let status = session.open_demo().unwrap();
    let db = status.open_file.unwrap();
    let pass_file = tmp.path().join("mật khẩu mẫu.txt");
    std::fs::write(&pass_file, DEMO_PASS).unwrap();
    Ward {
        dir,
        db,
        pass_file,
        session,
        _dir: tmp,
    }
}

type WindowAction = Box<dyn Fn(&mut Session, &Path) -> quyhoach::error::Result<()>>;

/// One refused input of one use case, through one front end.
struct Case {
    use_case: &'static str,
    what: &'static str,
    window: Option<WindowAction>,
    /// CLI arguments; "{dir}" is a scratch folder.
    cli: Option<Vec<String>>,
}

fn w(
    use_case: &'static str,
    what: &'static str,
    f: impl Fn(&mut Session, &Path) -> quyhoach::error::Result<()> + 'static,
) -> Case {
    Case {
        use_case,
        what,
        window: Some(Box::new(f)),
        cli: None,
    }
}

fn c(use_case: &'static str, what: &'static str, args: &[&str]) -> Case {
    Case {
        use_case,
        what,
        window: None,
        cli: Some(args.iter().map(|s| s.to_string()).collect()),
    }
}

/// The demo term's first plan entry and its post.
fn first_entry(
    s: &Session,
) -> quyhoach::error::Result<(
    quyhoach::model::plan::PlanEntry,
    quyhoach::model::plan::Position,
)> {
    let entry = quyhoach::app::plan::entries(s.store()?, "2030-2035")?.remove(0);
    let post = s
        .positions()?
        .into_iter()
        .find(|p| p.id == Some(entry.position_id))
        .unwrap();
    Ok((entry, post))
}

fn v<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).unwrap()
}

/// A workbook with one good row and one row whose birth date is not in the calendar.
fn workbook_with_a_bad_row(path: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (i, h) in ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, i as u16, *h).unwrap();
    }
    for (r, row) in [
        ["Đặng Thị Ngọc Ánh", "Nữ", "12/05/1988", "051188000123"],
        ["Trương Văn Hưởng", "Nam", "31/02/1979", "051079000456"],
    ]
    .iter()
    .enumerate()
    {
        for (i, cell) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, i as u16, *cell).unwrap();
        }
    }
    wb.save(path).unwrap();
}

/// A workbook whose only row has an error: nothing valid to import.
fn workbook_all_bad(path: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (i, h) in ["Họ và tên", "Giới tính", "Ngày sinh"].iter().enumerate() {
        ws.write_string(0, i as u16, *h).unwrap();
    }
    for (i, cell) in ["Trương Văn Hưởng", "Nam", "31/02/1979"].iter().enumerate() {
        ws.write_string(1, i as u16, *cell).unwrap();
    }
    wb.save(path).unwrap();
}

fn no_progress() -> impl FnMut(quyhoach::import::Progress) {
    |_| {}
}

/// Every case. Person 41 of the demo ward is a participant of programme 1 with an outcome
/// already recorded; plan entry 1 is an open entry of the 2030–2035 plan.
fn cases() -> Vec<Case> {
    vec![
        // people
        w(
            "people::save",
            "a record with a CCCD of 5 digits",
            |s, _| {
                let mut p = hoa();
                p.cccd = Some("12345".into());
                s.save_person(p).map(|_| ())
            },
        ),
        w(
            "people::save_json",
            "a birth date not in the calendar",
            |s, _| {
                s.save_person_json(json!({"full_name": "Lê Thị Hồng Nhung", "sex": "nu", "birth_date": "31/02/1990"}))
                .map(|_| ())
            },
        ),
        c(
            "people::add_json",
            "a birth date not in the calendar",
            &["person", "add", "--file", "{dir}/một người.json"],
        ),
        c(
            "people::add_many_json",
            "one of two records with a bad date",
            &["person", "add", "--file", "{dir}/hai người.json"],
        ),
        w(
            "people::save_checked",
            "someone on record saved again as a new record (Enter twice)",
            |s, _| {
                let mut p = s.person(2)?;
                p.id = None;
                s.save_person(p).map(|_| ())
            },
        ),
        w(
            "people::save_json_checked",
            "someone on record typed again, not confirmed as another person",
            |s, _| {
                let mut p = serde_json::to_value(s.person(2)?).unwrap();
                p.as_object_mut().unwrap().remove("id");
                s.save_person_json_checked(p, false).map(|_| ())
            },
        ),
        c(
            "people::add_json_checked",
            "someone on record, from a file, not confirmed",
            &["person", "add", "--file", "{dir}/người đã có.json"],
        ),
        c(
            "people::add_many_json_checked",
            "one person twice in one list",
            &["person", "add", "--file", "{dir}/cùng một người.json"],
        ),
        c(
            "people::edit_json",
            "a birth date not in the calendar",
            &["person", "edit", "3", "--file", "{dir}/sửa.json"],
        ),
        c(
            "people::remove",
            "a record that does not exist",
            &["person", "remove", "9999"],
        ),
        // terms, plan, review
        w(
            "plan::add_term",
            "a term ending before it starts",
            |s, _| {
                s.add_term(v(
                    json!({"kind": "dang", "start_year": 2035, "end_year": 2030}),
                ))
                .map(|_| ())
            },
        ),
        c(
            "plan::add_term",
            "a term ending before it starts",
            &["term", "add", "2035-2030", "--kind", "dang"],
        ),
        w(
            "plan::plan_person",
            "a person already planned for the post",
            |s, _| {
                let (entry, post) = first_entry(s)?;
                s.plan_person(
                    "2030-2035",
                    &post.code,
                    entry.person_id,
                    v(json!({"step": "de_xuat"})),
                )
                .map(|_| ())
            },
        ),
        c(
            "plan::plan_person_for_terms",
            "đối tượng 3 (issue 20 §1)",
            &[
                "plan",
                "add",
                "--term",
                "2030-2035",
                "--position",
                "BT",
                "--person",
                "30",
                "--terms",
                "3",
            ],
        ),
        c(
            "plan::plan_person_for_terms",
            "đối tượng 0",
            &[
                "plan",
                "add",
                "--term",
                "2030-2035",
                "--position",
                "BT",
                "--person",
                "30",
                "--terms",
                "0",
            ],
        ),
        w("plan::set_entry_terms", "đối tượng 3", |s, _| {
            s.set_entry_terms(1, 3)
        }),
        c(
            "plan::set_entry_terms",
            "đối tượng 3",
            &["plan", "terms", "1", "3"],
        ),
        w(
            "plan::add_step",
            "a step date not in the calendar",
            |s, _| s.add_plan_step(1, v(json!({"step": "phe_duyet", "date": "31/02/2027"}))),
        ),
        w("plan::add_event", "a step dated in the future", |s, _| {
            let ev = quyhoach::model::plan::PlanEvent::new(
                quyhoach::model::plan::PlanStep::Approved,
                quyhoach::model::PartialDate::parse("01/01/2099").unwrap(),
            );
            quyhoach::app::plan::add_event(s.store_mut()?, 1, &ev).map(|_| ())
        }),
        c(
            "plan::add_step",
            "a removal without its reason",
            &[
                "plan",
                "step",
                "1",
                "--step",
                "dua_ra",
                "--date",
                "01/10/2026",
            ],
        ),
        w(
            "suggest::accept",
            "a proposed row already in the plan (Enter twice)",
            |s, _| {
                let (entry, post) = first_entry(s)?;
                let rows = [quyhoach::app::suggest::Accepted {
                    position: post.code,
                    person_id: entry.person_id,
                    drop: false,
                }];
                s.plan_suggest_accept("2030-2035", &rows, &Default::default())
                    .map(|_| ())
            },
        ),
        w(
            "suggest::accept",
            "the additions without the drops that make room (issue 24)",
            |s, _| {
                let p = s.plan_suggest("2030-2035", &quyhoach::app::suggest::default_options())?;
                let rows: Vec<_> = p
                    .posts
                    .iter()
                    .flat_map(|post| {
                        post.rows
                            .iter()
                            .filter(|r| r.action == quyhoach::rules::suggest::Action::Add)
                            .map(|r| quyhoach::app::suggest::Accepted {
                                position: post.code.clone(),
                                person_id: r.person_id,
                                drop: false,
                            })
                    })
                    .collect();
                s.plan_suggest_accept("2030-2035", &rows, &Default::default())
                    .map(|_| ())
            },
        ),
        c(
            "suggest::accept",
            "--apply without the decision the drops need (issue 24)",
            &["plan", "suggest", "--term", "2030-2035", "--apply"],
        ),
        c(
            "plan::add_review_round",
            "a term that does not exist",
            &["review", "add", "--term", "1990-1995", "--year", "1991"],
        ),
        w(
            "plan::review",
            "an entry that is not in the term",
            |s, _| {
                s.review_round(
                "2030-2035",
                v(json!({"year": 2026, "date": "01/10/2026", "items": [{"entry_id": 9999, "step": "tiep_tuc"}]})),
            )
            .map(|_| ())
            },
        ),
        // rules, targets, catalogue, the ward
        w("rules::save_params", "a women's share of 150%", |s, _| {
            s.save_rule_params("2030-2035", json!({"min_women_share": "150%"}))
                .map(|_| ())
        }),
        c(
            "rules::save_params",
            "a women's share of 150%",
            &[
                "rules",
                "set",
                "--term",
                "2030-2035",
                "--param",
                "min_women_share=150%",
            ],
        ),
        c(
            "rules::save_params",
            "a name another version has",
            &[
                "rules",
                "set",
                "--term",
                "2030-2035",
                "--param",
                "bch_size=25",
                "--name",
                "Quy định 50-QĐ/TW",
            ],
        ),
        w(
            "rules::save_params",
            "a retirement age that does not read",
            |s, _| {
                s.save_rule_params(
                    "2030-2035",
                    json!({"retirement": {"men": {"base_months": "6l tuổi"}}}),
                )
                .map(|_| ())
            },
        ),
        w(
            "rules::add_target",
            "an indicator not in the list",
            |s, _| {
                s.add_target(v(json!({"body": "BCH", "indicator": "chieu_cao", "threshold": 0.2, "year": 2030}))).map(|_| ())
            },
        ),
        c(
            "rules::add_target",
            "an indicator not in the list",
            &[
                "target",
                "add",
                "--body",
                "BCH",
                "--indicator",
                "chieu_cao",
                "--min",
                "0.2",
                "--year",
                "2030",
            ],
        ),
        w(
            "rules::remove_target",
            "a target that does not exist",
            |s, _| s.remove_target(9999).map(|_| ()),
        ),
        c(
            "rules::remove_target",
            "a target that does not exist",
            &["target", "remove", "9999"],
        ),
        w("rules::save_position", "a post without a name", |s, _| {
            let mut p = s.positions()?.remove(0);
            p.name = "  ".into();
            s.save_position(p).map(|_| ())
        }),
        c(
            "rules::save_position",
            "a post without a name",
            &["position", "save", "--file", "{dir}/chức danh.json"],
        ),
        w("rules::set_unit", "a ward without a name", |s, _| {
            let mut u = s.status()?.unit.unwrap();
            u.name = String::new();
            s.set_unit(u).map(|_| ())
        }),
        // programmes
        c(
            "programmes::add",
            "a programme ending before it starts",
            &[
                "programme",
                "add",
                "--name",
                "Đề án tạo nguồn cán bộ trẻ",
                "--decision",
                "12-QĐ/TU",
                "--from",
                "2030",
                "--to",
                "2025",
            ],
        ),
        w(
            "programmes::create",
            "a programme ending before it starts",
            |s, _| {
                s.create_programme(v(json!({"name": "Đề án tạo nguồn cán bộ trẻ", "start_year": 2030, "end_year": 2025}))).map(|_| ())
            },
        ),
        c(
            "programmes::create",
            "a programme ending before it starts",
            &[
                "programme",
                "create",
                "--name",
                "Đề án tạo nguồn cán bộ trẻ",
                "--from",
                "2030",
                "--to",
                "2025",
            ],
        ),
        w(
            "programmes::update",
            "a programme ending before it starts",
            |s, _| {
                s.update_programme(
                    1,
                    v(json!({"name": "Đề án tạo nguồn", "start_year": 2030, "end_year": 2025})),
                )
                .map(|_| ())
            },
        ),
        c(
            "programmes::update",
            "a programme ending before it starts",
            &[
                "programme",
                "edit",
                "1",
                "--name",
                "Đề án tạo nguồn",
                "--from",
                "2030",
                "--to",
                "2025",
            ],
        ),
        w(
            "programmes::delete",
            "a programme with participants",
            |s, _| s.delete_programme(1).map(|_| ()),
        ),
        c(
            "programmes::delete",
            "a programme with participants",
            &["programme", "remove", "1"],
        ),
        w(
            "programmes::propose",
            "a participant already in the programme",
            |s, _| s.propose_participant(1, 41, "01/11/2026").map(|_| ()),
        ),
        c(
            "programmes::propose",
            "a participant already in the programme",
            &[
                "programme",
                "propose",
                "1",
                "--person",
                "41",
                "--date",
                "01/11/2026",
            ],
        ),
        c(
            "programmes::enrol",
            "a participant already in the programme",
            &[
                "programme",
                "enrol",
                "1",
                "--person",
                "41",
                "--date",
                "01/11/2026",
            ],
        ),
        w(
            "programmes::approve",
            "an approval without its decision",
            |s, _| s.approve_programme(1, "", "01/11/2026").map(|_| ()),
        ),
        c(
            "programmes::approve",
            "an approval without its decision",
            &[
                "programme",
                "approve",
                "1",
                "--decision",
                "",
                "--date",
                "01/11/2026",
            ],
        ),
        w(
            "programmes::add_record",
            "a record for someone not in the programme",
            |s, _| {
                s.add_programme_record(1, 2, v(json!({"kind": "dao_tao", "date": "01/07/2026", "content": "Bồi dưỡng kỹ năng lãnh đạo"}))).map(|_| ())
            },
        ),
        c(
            "programmes::add_record",
            "a record for someone not in the programme",
            &[
                "programme",
                "record",
                "1",
                "--person",
                "2",
                "--kind",
                "dao_tao",
                "--date",
                "01/07/2026",
                "--content",
                "Bồi dưỡng kỹ năng lãnh đạo",
            ],
        ),
        w(
            "programmes::set_outcome",
            "a second outcome (issue 20 §1)",
            |s, _| {
                s.set_programme_outcome(1, 41, v(json!({"kind": "bo_nhiem", "post": "Chủ tịch UBND", "date": "01/11/2026", "decision_no": "401-QĐ/TU"}))).map(|_| ())
            },
        ),
        c(
            "programmes::set_outcome",
            "a second outcome (issue 20 §1)",
            &[
                "programme",
                "outcome",
                "1",
                "--person",
                "41",
                "--kind",
                "bo_nhiem",
                "--post",
                "Chủ tịch UBND",
                "--date",
                "01/11/2026",
                "--decision",
                "401-QĐ/TU",
            ],
        ),
        w(
            "programmes::propose_list",
            "a proposal date not in the calendar",
            |s, _| s.propose_list(1, vec![2, 3], "31/02/2027").map(|_| ()),
        ),
        c(
            "programmes::propose_list",
            "a saved list that does not exist",
            &[
                "programme",
                "propose-young",
                "1",
                "--date",
                "01/11/2026",
                "--set",
                "Không có bộ tiêu chí này",
            ],
        ),
        // young cadres, rotation
        w("young::save_set", "a list without a name", |s, _| {
            s.save_criteria_set("  ", v(json!({"age_under": 35})))
                .map(|_| ())
        }),
        c(
            "young::save_set",
            "a list without a name",
            &["young", "save", "--name", " ", "--age-under", "35"],
        ),
        w(
            "young::remove_set",
            "a list that does not exist (no front end: the use case itself)",
            |s, _| quyhoach::app::young::remove_set(s.store_mut()?, 9999),
        ),
        w("rotation::record", "a date not in the calendar", |s, _| {
            s.record_movement(v(json!({"person_id": 3, "kind": "luan_chuyen", "to_title": "Phó Chủ tịch UBND", "date": "31/02/2026", "decision_no": "45-QĐ/TU"}))).map(|_| ())
        }),
        c(
            "rotation::record",
            "a date not in the calendar",
            &[
                "rotation",
                "move",
                "--person",
                "3",
                "--kind",
                "luan_chuyen",
                "--to-title",
                "Phó Chủ tịch UBND",
                "--date",
                "31/02/2026",
                "--decision",
                "45-QĐ/TU",
            ],
        ),
        w("rotation::save_params", "0 years", |s, _| {
            s.save_rotation_params(v(json!({"years": 0}))).map(|_| ())
        }),
        c(
            "rotation::save_params",
            "0 years",
            &["rotation", "params", "--years", "0"],
        ),
        // documents
        w(
            "documents::save",
            "a document kind that does not exist",
            |s, dir| {
                s.save_document(v(json!({"out": dir.join("Tờ trình.pdf"), "kind": "to-trinh-gia", "term": "2030-2035"}))).map(|_| ())
            },
        ),
        c(
            "documents::save",
            "a document kind that does not exist",
            &[
                "doc",
                "to-trinh-gia",
                "--term",
                "2030-2035",
                "--out",
                "{dir}/Tờ trình.pdf",
            ],
        ),
        w(
            "documents::save_settings",
            "a top margin of 2 mm",
            |s, _| {
                let mut v = serde_json::to_value(s.doc_settings()?).unwrap();
                v["margins"]["top"] = json!(2.0);
                s.save_doc_settings(serde_json::from_value(v).unwrap())
                    .map(|_| ())
            },
        ),
        w(
            "documents::cancel_number",
            "a number never issued",
            |s, _| {
                s.cancel_doc_number("TTr", "2030-2035", 99, "Ghi nhầm")
                    .map(|_| ())
            },
        ),
        c(
            "documents::cancel_number",
            "a number never issued",
            &[
                "register",
                "cancel",
                "--loai",
                "TTr",
                "--nhiem-ky",
                "2030-2035",
                "--so",
                "99",
                "--ly-do",
                "Ghi nhầm",
            ],
        ),
        w(
            "safety::change_passphrase",
            "the new passphrase typed twice differently",
            |s, _| s.change_passphrase(DEMO_PASS, "mật khẩu mới 2026", "mật khẩu mới 2027"),
        ),
        w(
            "safety::change_passphrase",
            "a wrong current passphrase",
            |s, _| s.change_passphrase("sai mật khẩu", "mật khẩu mới 2026", "mật khẩu mới 2026"),
        ),
        // imports
        w(
            "imports::import_all",
            "a list with a bad row, all rows asked",
            |s, dir| {
                let f = dir.join("Danh sách có lỗi.xlsx");
                s.preview_import(&f, None, vec![], &mut no_progress())?;
                s.confirm_import(&mut no_progress()).map(|_| ())
            },
        ),
        c(
            "imports::import_all",
            "a list with a bad row, all rows asked",
            &["import", "{dir}/Danh sách có lỗi.xlsx"],
        ),
        w(
            "imports::import_valid",
            "a list with no valid row",
            |s, dir| {
                let f = dir.join("Toàn dòng lỗi.xlsx");
                s.preview_import(&f, None, vec![], &mut no_progress())?;
                s.confirm_import_valid(&dir.join("Dòng lỗi.xlsx"), &mut no_progress())
                    .map(|_| ())
            },
        ),
        c(
            "imports::import_valid",
            "a list with no valid row",
            &["import", "{dir}/Toàn dòng lỗi.xlsx", "--bo-dong-loi"],
        ),
        // Gửi cấp trên (the ward) and the province's use cases refused on a ward's file
        c(
            "exchange::make_key",
            "a ward code with diacritics",
            &["package", "key", "--code", "Phổ Hòa"],
        ),
        w("exchange::save_key", "a ward code left empty", |s, dir| {
            s.exchange_save_key(" ", &dir.join("khóa.pub")).map(|_| ())
        }),
        w(
            "exchange::import_province_key",
            "a file that is not a province's key",
            |s, dir| {
                s.exchange_province_key(&dir.join("một người.json"))
                    .map(|_| ())
            },
        ),
        c(
            "exchange::import_province_key",
            "a file that is not a province's key",
            &["package", "province-key", "{dir}/một người.json"],
        ),
        w(
            "exchange::export_package",
            "no province key imported yet",
            |s, dir| {
                s.exchange_export(&quyhoach::app::exchange::PackageInput {
                    term: "2030-2035".into(),
                    ward_code: "25301".into(),
                    classification: "Mật".into(),
                    out_dir: dir.join("USB"),
                    workbooks: true,
                })
                .map(|_| ())
            },
        ),
        c(
            "exchange::export_package",
            "a classification not in the list",
            &[
                "package",
                "export",
                "--term",
                "2030-2035",
                "--code",
                "25301",
                "--classification",
                "bí mật",
                "--out-dir",
                "{dir}/USB",
            ],
        ),
        w(
            "province::register_ward",
            "a ward's file is not a province's",
            |s, dir| {
                s.province_register(&dir.join("một người.json"), "AAAA BBBB")
                    .map(|_| ())
            },
        ),
        c(
            "province::register_ward",
            "a ward's file is not a province's",
            &[
                "province",
                "add-ward",
                "--key",
                "{dir}/một người.json",
                "--fingerprint",
                "AAAA",
            ],
        ),
        w(
            "province::import_package",
            "a ward's file is not a province's",
            |s, dir| s.province_import(&dir.join("một người.json")).map(|_| ()),
        ),
        c(
            "province::import_all",
            "a ward's file is not a province's",
            &["province", "import", "{dir}"],
        ),
        w(
            "province::recheck",
            "a ward's file is not a province's",
            |s, _| s.province_recheck().map(|_| ()),
        ),
    ]
}

/// The scratch files the CLI cases read.
fn scratch(dir: &Path) {
    std::fs::write(
        dir.join("một người.json"),
        json!({"full_name": "Lê Thị Hồng Nhung", "sex": "nu", "birth_date": "31/02/1990"})
            .to_string(),
    )
    .unwrap();
    std::fs::write(
        dir.join("hai người.json"),
        json!([
            {"full_name": "Lê Thị Hồng Nhung", "sex": "nu", "birth_date": "12/03/1990"},
            {"full_name": "Hoàng Văn Đức", "sex": "nam", "birth_date": "30/02/1985"}
        ])
        .to_string(),
    )
    .unwrap();
    std::fs::write(
        dir.join("sửa.json"),
        json!({"birth_date": "31/02/1990"}).to_string(),
    )
    .unwrap();
    std::fs::write(
        dir.join("chức danh.json"),
        json!({"code": "BT", "name": " ", "rank": 1}).to_string(),
    )
    .unwrap();
    std::fs::write(
        dir.join("cùng một người.json"),
        json!([
            {"full_name": "Lê Thị Hồng Nhung", "sex": "nu", "birth_date": "12/03/1990"},
            {"full_name": "Lê Thị Hồng  Nhung", "sex": "nu", "birth_date": "12/03/1990"}
        ])
        .to_string(),
    )
    .unwrap();
    workbook_with_a_bad_row(&dir.join("Danh sách có lỗi.xlsx"));
    workbook_all_bad(&dir.join("Toàn dòng lỗi.xlsx"));
}

#[test]
fn every_write_use_case_has_a_refusal_case() {
    let listed: BTreeSet<String> = cases().iter().map(|c| c.use_case.to_string()).collect();
    let found = write_use_cases();
    assert!(
        found.len() >= 30,
        "the scan of src/app found too few: {found:?}"
    );
    let missing: Vec<_> = found.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "write use cases without a refusal case in tests/core/refusals.rs: {missing:?}"
    );
    let stale: Vec<_> = listed.difference(&found).collect();
    assert!(
        stale.is_empty(),
        "cases of use cases that no longer write: {stale:?}"
    );
}

/// Every write use case does all its reading, checking and writing inside one `store.write`,
/// opened before anything else. The one exception cannot run inside a transaction.
#[test]
fn every_write_use_case_runs_in_one_transaction() {
    // PRAGMA rekey rewrites the whole file and refuses to run inside a transaction; it is one
    // statement, checked before (current passphrase, the new one typed twice).
    // A folder of packages is imported one package at a time, each its own use case
    // (`province::import_package`): a refused one changes nothing and the others go on.
    let exempt = ["safety::change_passphrase", "province::import_all"];
    let mut outside = Vec::new();
    for (name, body) in write_use_case_bodies() {
        let code: String = body
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with("//"))
            .collect();
        let opens = code.starts_with("{store.write(") && code.matches(".write(").count() == 1;
        if opens == exempt.contains(&name.as_str()) {
            outside.push(name);
        }
    }
    assert!(
        outside.is_empty(),
        "use cases that do not run their work in exactly one store.write (or an exemption that no longer holds): {outside:?}"
    );
}

#[test]
fn a_refused_action_writes_nothing_in_the_window() {
    let mut ward = demo_ward();
    let scratch_dir = ward.dir.join("Tệp thử");
    std::fs::create_dir_all(&scratch_dir).unwrap();
    scratch(&scratch_dir);
    let mut refused = 0;
    for case in cases() {
        let Some(f) = &case.window else { continue };
        let before = dump(&ward.db, DEMO_PASS);
        let r = f(&mut ward.session, &scratch_dir);
        let err = r
            .err()
            .unwrap_or_else(|| panic!("{} ({}): the window accepted it", case.use_case, case.what));
        let msg = err.to_string();
        assert!(
            !msg.contains("--") && !msg.contains("missing field") && !msg.contains('`'),
            "{}: {msg}",
            case.use_case
        );
        let after = dump(&ward.db, DEMO_PASS);
        assert_same(&before, &after, case.use_case, case.what, &msg);
        refused += 1;
    }
    assert!(refused >= 25, "{refused}");
    // The store still writes after all these refusals (no transaction left open).
    let id = ward.session.save_person(hoa()).unwrap();
    assert!(ward.session.person(id).is_ok());
    drop(ward.session);
    let again = rusqlite::Connection::open(&ward.db).unwrap();
    again.pragma_update(None, "key", DEMO_PASS).unwrap();
    let n: i64 = again
        .query_row("SELECT count(*) FROM person WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_refused_action_writes_nothing_from_the_cli() {
    let mut ward = demo_ward();
    let scratch_dir = ward.dir.join("Tệp thử");
    std::fs::create_dir_all(&scratch_dir).unwrap();
    scratch(&scratch_dir);
    // Someone on record, typed again as a new record.
    let mut again = serde_json::to_value(ward.session.person(2).unwrap()).unwrap();
    again.as_object_mut().unwrap().remove("id");
    std::fs::write(scratch_dir.join("người đã có.json"), again.to_string()).unwrap();
    ward.session.lock().unwrap();
    let mut refused = 0;
    for case in cases() {
        let Some(args) = &case.cli else { continue };
        let args: Vec<String> = args
            .iter()
            .map(|a| a.replace("{dir}", scratch_dir.to_str().unwrap()))
            .collect();
        let before = dump(&ward.db, DEMO_PASS);
        let o = quyhoach()
            .env("QUYHOACH_DATA_DIR", &ward.dir)
            .arg("--db")
            .arg(&ward.db)
            .arg("--passphrase-file")
            .arg(&ward.pass_file)
            .args(&args)
            .run();
        let stderr = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(
            !o.status.success(),
            "{} ({}): the CLI accepted it: {args:?}\n{stderr}",
            case.use_case,
            case.what
        );
        assert!(stderr.contains("Lỗi"), "{}: {stderr}", case.use_case);
        let after = dump(&ward.db, DEMO_PASS);
        assert_same(&before, &after, case.use_case, case.what, &stderr);
        refused += 1;
    }
    assert!(refused >= 25, "{refused}");
}

fn assert_same(before: &[String], after: &[String], use_case: &str, what: &str, msg: &str) {
    if before == after {
        return;
    }
    let gone: Vec<_> = before.iter().filter(|l| !after.contains(l)).collect();
    let new: Vec<_> = after.iter().filter(|l| !before.contains(l)).collect();
    panic!(
        "{use_case} ({what}) was refused (“{msg}”) but changed the ward:\n- {gone:#?}\n+ {new:#?}"
    );
}
