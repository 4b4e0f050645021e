//! The session the desktop app holds (issue 6), tested without a WebView: the daily automatic
//! backup with the last N kept, search pages with filters, the import preview and confirmation,
//! documents and workbooks saved where the clerk says.

use crate::common::*;
use chrono::NaiveDate;
use quyhoach::app::exports::ExportInput;
use quyhoach::docs::DocFields;
use quyhoach::model::{Sex, Status};
use quyhoach::session::{DocInput, NewDatabase, PeopleFilter, Session};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn new_session(dir: &std::path::Path) -> Session {
    let mut s = Session::new(dir);
    s.set_today(day(20));
    s.create(NewDatabase {
        unit: unit(),
        passphrase: PASS.into(),
        passphrase_again: PASS.into(),
    })
    .unwrap();
    s
}

#[test]
fn the_first_unlock_of_a_day_backs_up_and_keeps_the_last_n() {
    let w = temp_ward();
    let mut s = new_session(w.dir.path());
    s.save_person(hoa()).unwrap();
    s.lock().unwrap();
    let auto = w.dir.path().join(quyhoach::auto_backup::AUTO_DIR);
    let st = s.unlock(PASS).unwrap();
    let first = st
        .auto_backup
        .expect("a backup on the first unlock of the day");
    assert_eq!(first, auto.join("quyhoach-2026-11-20.db"));
    assert_eq!(
        quyhoach::store::backup::verify(&first, PASS)
            .unwrap()
            .iter()
            .find(|t| t.0 == "person")
            .unwrap()
            .1,
        1
    );
    s.lock().unwrap();
    assert_eq!(s.unlock(PASS).unwrap().auto_backup, None, "once a day");
    assert_eq!(s.set_auto_backup_keep(2).unwrap().auto_backup_keep, Some(2));
    for d in 21..=23 {
        s.lock().unwrap();
        s.set_today(day(d));
        s.unlock(PASS).unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(&auto)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec!["quyhoach-2026-11-22.db", "quyhoach-2026-11-23.db"]
    );
    assert!(s.set_auto_backup_keep(0).is_err());
    // A wrong passphrase opens nothing and backs nothing up.
    s.lock().unwrap();
    s.set_today(day(24));
    assert_eq!(
        s.unlock("sai mật khẩu").unwrap_err().code(),
        "wrong_passphrase"
    );
    assert!(!auto.join("quyhoach-2026-11-24.db").exists());
}

#[test]
fn search_pages_filter_in_the_core_and_send_a_screenful() {
    let w = temp_ward();
    let mut s = Session::new(w.dir.path());
    s.open_demo().unwrap();
    let none = PeopleFilter::default();
    let all = s.find_people("", &none, 10).unwrap();
    assert_eq!((all.total, all.unfiltered, all.rows.len()), (60, 60, 10));
    let f = |f: PeopleFilter| s.find_people("", &f, 200).unwrap();
    let women = f(PeopleFilter {
        sex: Some(Sex::Female),
        ..Default::default()
    });
    assert_eq!(women.total, all.women);
    assert!(women.rows.iter().all(|p| p.sex == Sex::Female));
    let left = f(PeopleFilter {
        status: Some(Status::Retired),
        ..Default::default()
    });
    assert!(left.total >= 1 && left.rows.iter().all(|p| p.status == Status::Retired));
    let q = s.find_people("nguyen thi", &none, 200).unwrap();
    assert!(q.rows.iter().all(|p| p.full_name.starts_with("Nguyễn Thị")));
    // Age band, post words (without diacritics) and plan membership.
    let today = s.store().unwrap().today();
    let young = f(PeopleFilter {
        age_to: Some(35),
        ..Default::default()
    });
    assert!(young.total > 0 && young.rows.iter().all(|p| p.birth_date.age_at(today) <= 35));
    let chairs = f(PeopleFilter {
        position: Some("chu tich".into()),
        ..Default::default()
    });
    assert!(chairs.total > 0 && chairs.rows.iter().all(|p| p.positions.contains("Chủ tịch")));
    let term = |b| PeopleFilter {
        in_plan: Some(b),
        term: Some("2030-2035".into()),
        ..Default::default()
    };
    let (inp, out) = (f(term(true)), f(term(false)));
    assert_eq!(inp.total + out.total, 60);
    assert_eq!(inp.total, 13, "the demo plan has 13 people");
}

#[test]
fn import_is_previewed_then_confirmed_all_or_nothing() {
    let w = temp_ward();
    let mut s = new_session(w.dir.path());
    let bad = w.dir.path().join("danh sách có lỗi.csv");
    std::fs::write(
        &bad,
        "Họ và tên;Giới tính;Ngày sinh;Số CCCD\nĐặng Thị Hạnh;Nữ;08/08/1988;051188000111\nLê Văn Bảy;Nam;31/02/1980;\n",
    )
    .unwrap();
    let mut seen = Vec::new();
    let p = s
        .preview_import(&bad, None, vec![], &mut |p| seen.push(p))
        .unwrap();
    assert!(
        seen.last()
            .is_some_and(|p| p.done == p.total && p.total > 0),
        "{seen:?}"
    );
    assert_eq!((p.ok_rows, p.error_rows), (1, 1));
    assert_eq!(
        s.confirm_import(&mut |_| {}).unwrap_err().code(),
        "validation"
    );
    assert_eq!(
        s.find_people("", &PeopleFilter::default(), 10)
            .unwrap()
            .total,
        0
    );
    let rejected = w.dir.path().join("Dòng lỗi").join("dòng không nhập.xlsx");
    assert_eq!(s.save_rejected(&rejected).unwrap(), 1);
    let good = w.dir.path().join("danh sách đúng.csv");
    std::fs::write(
        &good,
        "Họ và tên;Giới tính;Ngày sinh\nĐặng Thị Hạnh;Nữ;08/08/1988\nLê Văn Bảy;Nam;1980\n",
    )
    .unwrap();
    s.preview_import(&good, None, vec![], &mut |_| {}).unwrap();
    assert_eq!(s.confirm_import(&mut |_| {}).unwrap(), 2);
    assert_eq!(
        s.confirm_import(&mut |_| {}).unwrap_err().field_errors()[0].field,
        "import"
    );
    assert_eq!(
        s.find_people("", &PeopleFilter::default(), 10)
            .unwrap()
            .total,
        2
    );
}

#[test]
fn documents_and_workbooks_from_the_session() {
    let w = temp_ward();
    let mut s = new_session(w.dir.path());
    s.save_person(hoa()).unwrap();
    s.add_term(quyhoach::app::plan::NewTerm {
        kind: "dang".into(),
        start_year: 2030,
        end_year: 2035,
        reference: "07/2030".into(),
    })
    .unwrap();
    let out = w.dir.path().join("Văn bản xuất").join("Tờ trình số 1.pdf");
    let input = |date: &str| DocInput {
        kind: "to-trinh".into(),
        year: None,
        date: Some(date.into()),
        out: out.clone(),
        fields: DocFields {
            term_code: Some("2030-2035".into()),
            person_id: None,
            number: None,
            signer: Some(quyhoach::docs::Signer {
                on_behalf: "T/M ĐẢNG ỦY".into(),
                title: "BÍ THƯ".into(),
                name: "Nguyễn Văn Nho".into(),
            }),
            recipients: None,
            text: None,
            issue: true,
            attached_to: None,
            ..Default::default()
        },
        ..Default::default()
    };
    // A preview lays the document out and registers nothing.
    let pv = s.preview_document(input("20/11/2026")).unwrap();
    assert_eq!(pv.number.as_deref(), Some("Số 01-TTr/ĐU"));
    assert!(pv.pages >= 2 && !pv.shown.is_empty());
    let texts: Vec<String> = pv.shown[0]
        .marks
        .iter()
        .filter_map(|m| match m {
            quyhoach::pdf::Mark::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert!(texts.iter().any(|t| t == "TỜ TRÌNH"), "{texts:?}");
    let err = s.save_document(input("31/11/2026")).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "date");
    assert!(!out.exists());
    let made = s.save_document(input("20/11/2026")).unwrap();
    assert_eq!(made.number.as_deref(), Some("Số 01-TTr/ĐU"));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    let x = w.dir.path().join("Văn bản xuất").join("danh sách.xlsx");
    assert_eq!(
        s.export_excel(ExportInput {
            kind: "can-bo".into(),
            out: x.clone(),
            attached_to: Some("(Kèm theo Tờ trình số 01-TTr/ĐU)".into()),
            ..ExportInput::default()
        })
        .unwrap()
        .rows,
        1
    );
    assert_eq!(
        s.export_excel(ExportInput {
            kind: "trich-ngang".into(),
            out: w.dir.path().join("y.xlsx"),
            ..ExportInput::default()
        })
        .unwrap_err()
        .field_errors()[0]
            .field,
        "term"
    );
}

#[test]
fn rules_targets_and_posts_are_edited_as_data() {
    let w = temp_ward();
    let mut s = Session::new(w.dir.path());
    s.open_demo().unwrap();
    let before = s.plan_board("2030-2035").unwrap().report;
    let rules = s.rules_for_term("2030-2035").unwrap();
    let mut params = serde_json::to_value(&rules.params).unwrap();
    // "Hoàn thành nhiệm vụ" now enough: the rating findings go, without a new release.
    params["min_rating"] = serde_json::json!("HT");
    let saved = s.save_rule_params("2030-2035", params.clone()).unwrap();
    assert!(
        saved.name.starts_with(&format!("{} (sửa đổi", rules.name)),
        "{}",
        saved.name
    );
    let after = s.plan_board("2030-2035").unwrap().report;
    let ratings = |r: &quyhoach::rules::check::CheckReport| {
        r.findings.iter().filter(|f| f.rule == "rating").count()
    };
    assert!(ratings(&before) > 0);
    assert_eq!(ratings(&after), 0);
    // A bad value is refused by name and nothing changes.
    params["max_people_per_position"] = serde_json::json!(0);
    let err = s.save_rule_params("2030-2035", params).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "max_people_per_position");
    assert_eq!(s.rules_for_term("2030-2035").unwrap().name, saved.name);
    params_bad_type(&mut s);

    let n = s.targets().unwrap().len();
    let t = quyhoach::app::rules::NewTarget {
        body: "BTV".into(),
        indicator: "nu".into(),
        threshold: 0.3,
        strict: false,
        age_under: None,
        year: 2030,
        source: "Nghị quyết Đại hội phường".into(),
    };
    let list = s.add_target(t).unwrap();
    assert_eq!(list.len(), n + 1);
    let id = list
        .iter()
        .find(|t| t.source == "Nghị quyết Đại hội phường")
        .unwrap()
        .id
        .unwrap();
    assert_eq!(s.remove_target(id).unwrap().len(), n);

    let mut bt = s
        .positions()
        .unwrap()
        .into_iter()
        .find(|p| p.code == "BT")
        .unwrap();
    bt.name = "Bí thư Đảng ủy phường".into();
    let list = s.save_position(bt).unwrap();
    assert!(list
        .iter()
        .any(|p| p.code == "BT" && p.name == "Bí thư Đảng ủy phường"));
}

fn params_bad_type(s: &mut Session) {
    let err = s
        .save_rule_params(
            "2030-2035",
            serde_json::json!({ "max_people_per_position": "ba" }),
        )
        .unwrap_err();
    // Named by its label under its own key, never by the key (issue 20 §4).
    let f = &err.field_errors()[0];
    assert_eq!(f.field, "max_people_per_position");
    assert_eq!(
        f.message,
        "Số người tối đa cho một chức danh: “ba” không phải số nguyên."
    );
}

#[test]
fn the_data_can_move_to_another_folder() {
    let w = temp_ward();
    let cfg = w.dir.path().join("cấu hình");
    std::env::set_var(quyhoach::paths::CONFIG_DIR_ENV, &cfg);
    let mut s = new_session(w.dir.path());
    s.save_person(hoa()).unwrap();
    let new_dir = w.dir.path().join("Ổ D").join("Dữ liệu Đảng ủy");
    // Not from the demo ward, not onto itself.
    let same = s.move_data_dir(w.dir.path(), PASS).unwrap_err();
    assert_eq!(same.field_errors()[0].rule, "same");
    // A mistyped passphrase moves nothing and creates nothing (issue 10 §1).
    let typo = s.move_data_dir(&new_dir, "saimatkhau").unwrap_err();
    assert_eq!(typo.field_errors()[0].rule, "not_current");
    assert!(!new_dir.exists());
    assert_eq!(s.status().unwrap().data_dir, w.dir.path());
    let st = s.move_data_dir(&new_dir, PASS).unwrap();
    assert_eq!(st.open_file, Some(new_dir.join("quyhoach.db")));
    assert_eq!(st.data_dir, new_dir);
    assert_eq!(st.people, Some(1));
    assert!(
        w.dir.path().join("quyhoach.db").is_file(),
        "the old file stays"
    );
    if std::env::var_os(quyhoach::paths::DATA_DIR_ENV).is_none() {
        assert_eq!(
            quyhoach::paths::data_dir(),
            new_dir,
            "remembered for the next start"
        );
    }
    s.lock().unwrap();
    assert_eq!(s.unlock(PASS).unwrap().people, Some(1));
    s.open_demo().unwrap();
    assert_eq!(
        s.move_data_dir(&w.dir.path().join("khác"), PASS)
            .unwrap_err()
            .field_errors()[0]
            .rule,
        "not_ward"
    );
}

#[test]
fn a_record_that_does_not_read_is_named_by_field_and_the_ward_details_change() {
    let w = temp_ward();
    let mut s = new_session(w.dir.path());
    let mut p = serde_json::to_value(hoa()).unwrap();
    p["birth_date"] = serde_json::json!("31/02/1978");
    let err = s.save_person_json(p.clone()).unwrap_err();
    let f = &err.field_errors()[0];
    assert_eq!(f.field, "birth_date");
    assert!(
        f.message
            .starts_with("Ngày sinh: “31/02/1978” không có trong lịch"),
        "{}",
        f.message
    );
    p["birth_date"] = serde_json::json!("15/03/1978");
    p["positions"][0]["start"] = serde_json::json!("13/2015");
    let err = s.save_person_json(p.clone()).unwrap_err();
    let f = &err.field_errors()[0];
    assert_eq!(f.field, "positions[0].start");
    assert!(
        f.message.starts_with("Chức vụ 1, ngày bắt đầu:"),
        "{}",
        f.message
    );
    // Every value that does not read is named at once, each under its own field (issue 10 §9).
    p["birth_date"] = serde_json::json!("30/02/1978");
    p["party_admission_date"] = serde_json::json!("32/01/2000");
    let err = s.save_person_json(p.clone()).unwrap_err();
    let fields: Vec<&str> = err
        .field_errors()
        .iter()
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(
        fields,
        ["birth_date", "party_admission_date", "positions[0].start"],
        "{err:?}"
    );
    p["birth_date"] = serde_json::json!("15/03/1978");
    p["party_admission_date"] = serde_json::json!("03/02/2000");
    p["positions"][0]["start"] = serde_json::json!("07/2015");
    assert!(s.save_person_json(p).unwrap() > 0);

    let mut unit = unit();
    unit.place_name = "Phổ Hòa, Đức Phổ".into();
    assert_eq!(
        s.set_unit(unit.clone()).unwrap().unit.unwrap().place_name,
        "Phổ Hòa, Đức Phổ"
    );
    unit.name = " ".into();
    assert!(s.set_unit(unit).is_err());
}

/// Issue 10 §1: the window's backup, restore and passphrase change check the current passphrase.
#[test]
fn the_window_checks_the_current_passphrase_before_encrypting_anything() {
    const NEW: &str = "Phổ Hòa mật khẩu mới";
    let w = temp_ward();
    let mut s = new_session(w.dir.path());
    s.save_person(hoa()).unwrap();
    let backups = w.dir.path().join("Sao lưu tay");
    let typo = backups.join("gõ nhầm.db");
    let err = s.backup(&typo, "saimatkhau").unwrap_err();
    assert_eq!(err.field_errors()[0].field, "passphrase");
    assert!(!typo.exists());
    let good = backups.join("đúng.db");
    assert_eq!(s.backup(&good, PASS).unwrap().people, 1);

    // Changing the passphrase asks for the current one.
    let err = s.change_passphrase("saimatkhau", NEW, NEW).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "current");
    s.change_passphrase(PASS, NEW, NEW).unwrap();

    // Restoring with a typo as the current passphrase: nothing changes, the ward stays open.
    let err = s.restore(&good, "saimatkhau", None).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "passphrase");
    assert_eq!(s.status().unwrap().people, Some(1));
    // The backup predates the change: the old passphrase is asked for, then the ward keeps NEW.
    let err = s.restore(&good, NEW, None).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "backup_passphrase");
    assert_eq!(
        s.status().unwrap().people,
        Some(1),
        "still open after a refusal"
    );
    s.restore(&good, NEW, Some(PASS)).unwrap();
    s.lock().unwrap();
    assert_eq!(s.unlock(PASS).unwrap_err().code(), "wrong_passphrase");
    assert_eq!(s.unlock(NEW).unwrap().people, Some(1));
}
