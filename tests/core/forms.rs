//! Issue 20 §3–4 in the core: one person is one record (a second save of the same name and birth
//! date asks first, in the window and on the command line), numbers are read as clerks type them
//! ("0,25", "25%", "25"; an empty required value refused under its field, by its label), no
//! message about a record is in serde's or Rust's words, and a review round stays in its term.

use quyhoach::app::people::{field_label, read_person, PERSON_FIELDS};
use quyhoach::app::plan::NewTerm;
use quyhoach::rules::ruleset::{ParamKind, PARAMS};
use quyhoach::session::{NewDatabase, Session};
use quyhoach::store::review::ReviewInput;
use serde_json::{json, Value};

use crate::common::*;

fn session() -> (TempWard, Session, std::path::PathBuf) {
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

/// Words of serde, Rust or the JSON library that must never reach a clerk.
const ENGLISH: &[&str] = &[
    "missing field",
    "invalid type",
    "invalid value",
    "invalid length",
    "unknown field",
    "unknown variant",
    "expected",
    "struct",
    "sequence",
    "variant",
    "identifier",
    "integer",
    "floating",
    "string",
    "boolean",
    "null",
    "Option",
    "serde",
    "i32",
    "u32",
    "i64",
    "f64",
    "usize",
    "at line",
    "column",
    "Error",
];

fn assert_clerks_words(context: &str, message: &str) {
    assert!(!message.contains('`'), "{context}: “{message}”");
    for w in ENGLISH {
        assert!(!message.contains(w), "{context}: “{message}” has “{w}”");
    }
    assert!(
        message.chars().next().is_some_and(char::is_uppercase),
        "{context}: “{message}” does not start with the field's name"
    );
}

/// A record with every field filled, lists with one item each.
fn full_record() -> Value {
    let mut p = hoa();
    p.old_id = "211234567".into();
    p.status_date = Some(d("01/2026"));
    p.retirement_override = Some(d("06/2038"));
    p.graduation_class = Some(quyhoach::model::programme::GraduationClass::Kha);
    p.positions.truncate(1);
    p.ratings.truncate(1);
    p.ratings[0].score = Some(90.0);
    let mut v = serde_json::to_value(&p).unwrap();
    v.as_object_mut().unwrap().remove("id");
    v
}

/// Every path to a value of `v`: "birth_date", "positions[0].start", "it.level"…
fn leaves(v: &Value, prefix: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.push(p.clone());
                leaves(x, &p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let p = format!("{prefix}[{i}]");
                out.push(p.clone());
                leaves(x, &p, out);
            }
        }
        _ => {}
    }
}

/// The value at a path, for changing it.
fn at<'v>(v: &'v mut Value, path: &str) -> (&'v mut Value, String) {
    let mut parts: Vec<String> = Vec::new();
    for seg in path.split('.') {
        match seg.split_once('[') {
            Some((k, rest)) => {
                parts.push(k.to_string());
                parts.push(format!("[{}", rest));
            }
            None => parts.push(seg.to_string()),
        }
    }
    let last = parts.pop().unwrap();
    let mut cur = v;
    for p in parts {
        cur = match p.strip_prefix('[') {
            Some(i) => &mut cur[i.trim_end_matches(']').parse::<usize>().unwrap()],
            None => &mut cur[p.as_str()],
        };
    }
    (cur, last)
}

fn set(v: &mut Value, path: &str, new: Option<Value>) {
    let (parent, last) = at(v, path);
    match (last.strip_prefix('['), new) {
        (Some(i), Some(n)) => parent[i.trim_end_matches(']').parse::<usize>().unwrap()] = n,
        (Some(i), None) => {
            parent
                .as_array_mut()
                .unwrap()
                .remove(i.trim_end_matches(']').parse::<usize>().unwrap());
        }
        (None, Some(n)) => parent[last.as_str()] = n,
        (None, None) => {
            parent.as_object_mut().unwrap().remove(&last);
        }
    }
}

#[test]
fn no_message_about_a_record_is_in_serdes_words() {
    let base = full_record();
    assert!(read_person(base.clone()).is_ok());
    let mut paths = Vec::new();
    leaves(&base, "", &mut paths);
    // Every field of a record is in the JSON, so every field is tried.
    for (k, _) in PERSON_FIELDS.iter().filter(|(k, _)| *k != "id") {
        assert!(paths.iter().any(|p| p == k), "{k} not tried");
    }
    let wrong = [
        None,
        Some(Value::Null),
        Some(json!(12345)),
        Some(json!(-1)),
        Some(json!(1.5)),
        Some(json!(3_000_000_000_i64)),
        Some(json!("chữ lạ")),
        Some(json!("")),
        Some(json!(true)),
        Some(json!([])),
        Some(json!([1, 2])),
        Some(json!({})),
        Some(json!({"lạ": 1})),
    ];
    let mut refused = 0;
    for path in &paths {
        for w in &wrong {
            let mut v = base.clone();
            set(&mut v, path, w.clone());
            let Err(e) = read_person(v) else { continue };
            refused += 1;
            let context = format!("{path} = {w:?}");
            assert_eq!(e.code(), "validation", "{context}");
            assert!(!e.field_errors().is_empty(), "{context}");
            assert_clerks_words(
                &context,
                &e.to_string().replace("Dữ liệu chưa hợp lệ: ", ""),
            );
            for f in e.field_errors() {
                assert_clerks_words(&context, &f.message);
                assert!(!f.field.is_empty(), "{context}: {f:?}");
            }
        }
    }
    assert!(
        refused > 100,
        "only {refused} refusals: the test tried too little"
    );
    // A field the record does not have, at the top and inside a list.
    for path in ["bí_danh", "positions[0].ghi_chú"] {
        let mut v = base.clone();
        set(&mut v, path, Some(json!("x")));
        let e = read_person(v).unwrap_err();
        for f in e.field_errors() {
            assert_clerks_words(path, &f.message);
        }
    }
    // Not a record at all.
    for v in [json!("Nguyễn Văn Hòa"), json!(5), json!([]), Value::Null] {
        let e = read_person(v.clone()).unwrap_err();
        for f in e.field_errors() {
            assert_clerks_words(&v.to_string(), &f.message);
        }
    }
}

#[test]
fn a_missing_or_empty_birth_date_is_named_under_its_field() {
    let mut v = full_record();
    v.as_object_mut().unwrap().remove("birth_date");
    let e = read_person(v.clone()).unwrap_err();
    assert_eq!(e.field_errors()[0].field, "birth_date");
    assert_eq!(
        e.field_errors()[0].message,
        "Ngày sinh: bắt buộc phải nhập."
    );
    v["birth_date"] = json!("");
    let e = read_person(v.clone()).unwrap_err();
    assert_eq!(e.field_errors()[0].field, "birth_date");
    assert_eq!(
        e.field_errors()[0].message,
        "Ngày sinh: bắt buộc phải nhập."
    );
    // Every required field left out is named at once, each under its own key.
    let e = read_person(json!({"positions": [{"organisation": "UBND phường"}]})).unwrap_err();
    let fields: Vec<&str> = e.field_errors().iter().map(|f| f.field.as_str()).collect();
    for f in ["full_name", "sex", "birth_date", "positions[0].title"] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
    assert!(e
        .field_errors()
        .iter()
        .any(|f| f.message == "Chức vụ 1, tên chức vụ: bắt buộc phải nhập."));
    // A year that is text, a level not in the list: the label, the value, what is needed.
    v["birth_date"] = json!("15/03/1978");
    v["ratings"][0]["year"] = json!("năm ngoái");
    v["sex"] = json!("khác");
    let e = read_person(v).unwrap_err();
    let msg = |field: &str| {
        e.field_errors()
            .iter()
            .find(|f| f.field == field)
            .unwrap()
            .message
            .clone()
    };
    assert_eq!(
        msg("ratings[0].year"),
        "Xếp loại 1, năm: “năm ngoái” không đọc được, cần một số năm, ví dụ 2024."
    );
    assert_eq!(
        msg("sex"),
        "Giới tính: “khác” không có trong danh sách để chọn."
    );
    assert_eq!(
        field_label("trainings[1].from"),
        "Đào tạo, bồi dưỡng 2, từ ngày"
    );
}

#[test]
fn a_second_save_of_one_person_asks_and_saves_only_when_confirmed() {
    let (_w, mut s, _pass) = session();
    let mut first = serde_json::to_value(hoa()).unwrap();
    first.as_object_mut().unwrap().remove("id");
    let id = s.save_person_json(first.clone()).unwrap();
    // Enter twice, a double click: the same record again is refused, naming who is there.
    let e = s.save_person_json(first.clone()).unwrap_err();
    assert_eq!(e.code(), "same_person");
    let m = e.to_string();
    assert!(
        m.contains(&format!(
            "Nguyễn Văn Hòa (sinh 15/03/1978, CCCD 051078001234, mã số {id})"
        )),
        "{m}"
    );
    assert_eq!(s.store().unwrap().count_people().unwrap(), 1);
    // Two different CCCDs are two people; another birth date is another person: no question.
    let mut twin = first.clone();
    twin["cccd"] = json!("051078009999");
    s.save_person_json(twin).unwrap();
    let mut younger = first.clone();
    younger["cccd"] = Value::Null;
    younger["birth_date"] = json!("15/03/1979");
    s.save_person_json(younger).unwrap();
    // The same name typed another way (tone mark placed on the other vowel, spacing, case)
    // without a CCCD may be either of the two on record: asked.
    let mut again = first.clone();
    again["full_name"] = json!("nguyễn  văn HOÀ");
    again["cccd"] = Value::Null;
    let e = s.save_person_json(again.clone()).unwrap_err();
    assert_eq!(e.code(), "same_person");
    assert!(e.to_string().contains("CCCD 051078009999"), "{e}");
    // The record's own mistakes are said first, before any question about a namesake.
    let mut wrong = again.clone();
    wrong["cccd"] = json!("12345");
    assert_eq!(s.save_person_json(wrong).unwrap_err().code(), "validation");
    assert_eq!(s.store().unwrap().count_people().unwrap(), 3);
    // The clerk confirms: another person with the same name and birth date is saved.
    let other = s.save_person_json_checked(again, true).unwrap();
    assert_ne!(other, id);
    // Editing a record is never taken for a second one.
    let mut edit = serde_json::to_value(s.person(id).unwrap()).unwrap();
    edit["residence"] = json!("Tổ dân phố 4, phường Phổ Hòa");
    assert_eq!(s.save_person_json(edit).unwrap(), id);
    assert_eq!(s.store().unwrap().count_people().unwrap(), 4);
}

#[test]
fn the_command_line_asks_for_a_flag_to_add_a_namesake() {
    let (w, mut s, pass) = session();
    s.save_person(hoa()).unwrap();
    let file = w.dir.path().join("hồ sơ trùng.json");
    let mut again = serde_json::to_value(hoa()).unwrap();
    again["cccd"] = Value::Null;
    std::fs::write(&file, again.to_string()).unwrap();
    let add = |extra: &[&str]| {
        let mut args = vec!["person", "add", "--file", file.to_str().unwrap()];
        args.extend_from_slice(extra);
        cli(&w, &pass, &args)
    };
    let o = add(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Đã có người cùng họ tên và ngày sinh: Nguyễn Văn Hòa")
            && stderr(&o).contains("--confirm-duplicate"),
        "{}",
        stderr(&o)
    );
    assert_eq!(s.store().unwrap().count_people().unwrap(), 1);
    // A list repeating one person twice is refused the same way, and adds none.
    std::fs::write(
        &file,
        json!([
            serde_json::to_value(simple("Lê Văn Tám", quyhoach::model::Sex::Male, "1985", ""))
                .unwrap(),
            serde_json::to_value(simple("Lê Văn Tám", quyhoach::model::Sex::Male, "1985", ""))
                .unwrap(),
        ])
        .to_string(),
    )
    .unwrap();
    let o = add(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("hồ sơ thứ 1 của danh sách này"),
        "{}",
        stderr(&o)
    );
    assert_eq!(s.store().unwrap().count_people().unwrap(), 1);
    let o = add(&["--confirm-duplicate"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(s.store().unwrap().count_people().unwrap(), 3);
    // The flag is explained in the command's help.
    let help = cli(&w, &pass, &["person", "add", "--help"]);
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.contains("--confirm-duplicate")
            && text.contains("Vẫn thêm khi đã có người cùng họ tên và ngày sinh"),
        "{text}"
    );
}

fn women_share(s: &Session) -> f64 {
    s.rules_for_term("2030-2035")
        .unwrap()
        .params
        .min_women_share
}

#[test]
fn settings_read_numbers_as_clerks_type_them() {
    let (w, mut s, pass) = session();
    let save = |s: &mut Session, key: &str, text: &str| {
        s.save_rule_params("2030-2035", json!({ key: text }))
    };
    // "0,25" (decimal comma), "25%", and "25" where the label says percent: all 25%.
    save(&mut s, "min_women_share", "0,3").unwrap();
    assert_eq!(women_share(&s), 0.3);
    save(&mut s, "min_women_share", "25%").unwrap();
    assert_eq!(women_share(&s), 0.25);
    save(&mut s, "min_women_share", "30").unwrap();
    assert_eq!(women_share(&s), 0.3);
    save(&mut s, "min_women_share", " 0,25 ").unwrap();
    assert_eq!(women_share(&s), 0.25);
    save(&mut s, "min_young_share", "12,5 %").unwrap();
    save(&mut s, "btv_plan_coefficient", "1,4").unwrap();
    save(&mut s, "age_bands", "35, 41, 46, 51, 56").unwrap();
    save(&mut s, "max_age_first_time", "").unwrap();
    s.save_rule_params(
        "2030-2035",
        json!({"young_under": {"xa": "38", "tinh": "40"}}),
    )
    .unwrap();
    let p = s.rules_for_term("2030-2035").unwrap().params;
    assert_eq!(p.min_young_share, 0.125);
    assert_eq!(p.btv_plan_coefficient, 1.4);
    assert_eq!(p.age_bands, vec![35, 41, 46, 51, 56]);
    assert_eq!(p.max_age_first_time, None);
    assert_eq!(p.young_under["xa"], 38);

    // Settings shows them back as a clerk writes them, each with its label, never its key.
    let form = s.rules_form("2030-2035").unwrap();
    let field = |k: &str| form.fields.iter().find(|f| f.key == k).unwrap().clone();
    assert_eq!(field("min_women_share").text, "25%");
    assert_eq!(field("min_women_share").label, "Tỷ lệ nữ tối thiểu");
    assert_eq!(field("min_women_share").hint, "%");
    assert_eq!(field("min_young_share").text, "12,5%");
    assert_eq!(field("btv_plan_coefficient").text, "1,4");
    assert_eq!(field("age_bands").text, "35, 41, 46, 51, 56");
    assert_eq!(form.fields.len(), PARAMS.len());
    for f in &form.fields {
        assert_ne!(f.label, f.key);
        assert!(!f.label.contains('_'), "{}", f.label);
    }

    // Emptied, the women's share is refused under its field; nothing is saved.
    let versions = s.store().unwrap().rule_sets().unwrap().len();
    let e = save(&mut s, "min_women_share", "").unwrap_err();
    let f = &e.field_errors()[0];
    assert_eq!(
        (f.field.as_str(), f.message.as_str()),
        ("min_women_share", "Tỷ lệ nữ tối thiểu: bắt buộc phải nhập.")
    );
    let e = save(&mut s, "min_women_share", "hai lăm").unwrap_err();
    assert_eq!(
        e.field_errors()[0].message,
        "Tỷ lệ nữ tối thiểu: “hai lăm” không phải số (ví dụ 25%, 0,25 hoặc 25)."
    );
    let e = save(&mut s, "min_women_share", "250%").unwrap_err();
    assert_eq!(
        e.field_errors()[0].message,
        "Tỷ lệ nữ tối thiểu: 250% phải từ 0% đến 100%."
    );
    assert_eq!(women_share(&s), 0.25);
    assert_eq!(s.store().unwrap().rule_sets().unwrap().len(), versions);

    // No parameter's message, whatever is typed, names a parameter by its code.
    for p in PARAMS {
        let tries: &[Value] = match p.kind {
            ParamKind::Bool => &[json!("có lẽ"), json!(3)],
            ParamKind::WholeMap => &[json!({"xa": "bốn mươi"}), json!("x")],
            _ => &[
                json!(""),
                json!("chữ"),
                json!("-5"),
                json!(9_999_999),
                json!([1]),
                json!({}),
            ],
        };
        for t in tries {
            let Err(e) = s.save_rule_params("2030-2035", json!({ p.key: t })) else {
                continue;
            };
            for f in e.field_errors() {
                let context = format!("{} = {t}", p.key);
                assert_clerks_words(&context, &f.message);
                for q in PARAMS {
                    assert!(!f.message.contains(q.key), "{context}: “{}”", f.message);
                }
                assert!(
                    PARAMS.iter().any(|q| f.message.starts_with(q.label)),
                    "{context}: “{}”",
                    f.message
                );
            }
        }
    }

    // The command line reads the same texts.
    let o = cli(
        &w,
        &pass,
        &[
            "rules",
            "set",
            "--term",
            "2030-2035",
            "--param",
            "min_women_share=35%",
            "--param",
            "vote_pass_share=0,5",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(women_share(&s), 0.35);
    let o = cli(
        &w,
        &pass,
        &[
            "rules",
            "set",
            "--term",
            "2030-2035",
            "--param",
            "min_women_share=",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("Tỷ lệ nữ tối thiểu: bắt buộc phải nhập."),
        "{}",
        stderr(&o)
    );
    assert_eq!(women_share(&s), 0.35);
}

#[test]
fn a_review_round_stays_in_the_years_of_its_term() {
    let (w, mut s, pass) = session();
    let o = cli(
        &w,
        &pass,
        &["review", "add", "--term", "2030-2035", "--year", "1990"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "Năm rà soát: 1990 nằm ngoài thời gian của quy hoạch nhiệm kỳ 2030-2035; quy hoạch này được rà soát từ năm 2025 đến năm 2035."
        ),
        "{}",
        stderr(&o)
    );
    let input = |year: i32| ReviewInput {
        year,
        date: d("20/03/2026"),
        decision_no: String::new(),
        decision_date: None,
        items: Vec::new(),
    };
    let e = s.review_round("2030-2035", input(2036)).unwrap_err();
    assert_eq!(e.field_errors()[0].field, "year");
    assert!(s.plan_board("2030-2035").is_ok());
    assert!(s
        .store()
        .unwrap()
        .review_rounds("2030-2035")
        .unwrap()
        .is_empty());
    // The year before the term, while its plan is built, is a review year.
    s.review_round("2030-2035", input(2026)).unwrap();
    let o = cli(
        &w,
        &pass,
        &["review", "add", "--term", "2030-2035", "--year", "2027"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}
