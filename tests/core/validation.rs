//! Every validation rule of a cadre record: the error names the field and the rule in
//! Vietnamese, and nothing in the database changes.

use crate::common::*;
use quyhoach::model::*;
use quyhoach::CoreError;

/// Adds `bad` to a ward that already holds Hòa; asserts the error and that nothing changed.
fn rejected(bad: Person, field: &str, rule: &str, message_part: &str) {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    let before = snapshot(&s);
    let err = quyhoach::app::people::save(&mut s, &bad).unwrap_err();
    let fields = err.field_errors();
    let hit = fields
        .iter()
        .find(|f| f.field == field && f.rule == rule)
        .unwrap_or_else(|| panic!("expected {field}/{rule}, got {err:?}"));
    assert!(
        hit.message.contains(message_part),
        "message “{}” should contain “{message_part}”",
        hit.message
    );
    assert_eq!(err.code(), "validation");
    assert_eq!(
        snapshot(&s),
        before,
        "a rejected write changed the database"
    );
    // Also on update: the stored record stays as it was.
    let id = s.list_people().unwrap()[0].id;
    let mut upd = bad.clone();
    upd.id = Some(id);
    if field != "cccd" || rule != "cccd_unique" {
        assert!(quyhoach::app::people::save(&mut s, &upd).is_err());
        assert_eq!(
            snapshot(&s),
            before,
            "a rejected update changed the database"
        );
    }
}

#[test]
fn name_is_required() {
    let mut p = hoa();
    p.full_name = "   ".into();
    p.cccd = None;
    rejected(p, "full_name", "required", "Họ và tên: bắt buộc phải nhập.");
}

#[test]
fn name_needs_family_and_given_name() {
    let mut p = simple("Hòa", Sex::Male, "1980", "051080000001");
    p.full_name = "Hòa".into();
    rejected(p, "full_name", "name_parts", "phải có cả họ và tên");
}

#[test]
fn name_without_digits_or_markup() {
    let p = simple("Trần <b>Đức</b> 2", Sex::Male, "1980", "051080000002");
    rejected(p, "full_name", "name_chars", "không có chữ số hay ký hiệu");
}

#[test]
fn cccd_must_be_twelve_digits() {
    let p = simple("Lê Thị Ngọc Ánh", Sex::Female, "1985", "0510850000123");
    rejected(
        p,
        "cccd",
        "cccd_format",
        "Số CCCD: phải gồm đúng 12 chữ số (đã nhập “0510850000123”, 13 ký tự).",
    );
    let p = simple("Lê Thị Ngọc Ánh", Sex::Female, "1985", "05108500001A");
    rejected(p, "cccd", "cccd_format", "12 chữ số");
}

#[test]
fn cccd_must_be_unique() {
    let p = simple("Phạm Thị Hường", Sex::Female, "1990", "051078001234");
    rejected(
        p,
        "cccd",
        "cccd_unique",
        "Số CCCD: 051078001234 đã có trong hồ sơ của Nguyễn Văn Hòa",
    );
}

#[test]
fn cccd_unique_on_update_too() {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    let id = s
        .add_person(&simple(
            "Phạm Thị Hường",
            Sex::Female,
            "1990",
            "051090000777",
        ))
        .unwrap();
    let before = snapshot(&s);
    let mut p = s.person(id).unwrap();
    p.cccd = Some("051078001234".into());
    let err = quyhoach::app::people::save(&mut s, &p).unwrap_err();
    assert_eq!(err.field_errors()[0].rule, "cccd_unique");
    assert_eq!(snapshot(&s), before);
}

#[test]
fn birth_not_in_future() {
    let p = simple("Đỗ Minh Khôi", Sex::Male, "01/12/2026", "051026000001");
    rejected(
        p,
        "birth_date",
        "birth_in_future",
        "Ngày sinh: 01/12/2026 ở tương lai.",
    );
}

#[test]
fn age_between_16_and_90_at_entry() {
    let p = simple("Đỗ Minh Khôi", Sex::Male, "23/11/2010", "051010000001");
    rejected(
        p,
        "birth_date",
        "age_range",
        "cho tuổi 15, ngoài khoảng 16–90 tuổi",
    );
    let p = simple("Đỗ Văn Cả", Sex::Male, "1935", "051035000001");
    rejected(p, "birth_date", "age_range", "cho tuổi 91");
    // The boundaries themselves are accepted: 16 today, 90 today.
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&simple(
        "Đỗ Minh Khôi",
        Sex::Male,
        "22/11/2010",
        "051010000002",
    ))
    .unwrap();
    s.add_person(&simple(
        "Đỗ Văn Cả",
        Sex::Male,
        "22/11/1936",
        "051036000002",
    ))
    .unwrap();
}

#[test]
fn impossible_dates_are_refused_when_read() {
    let json = r#"{"full_name":"Võ Thị Sáu","sex":"nu","birth_date":"31/02/1980"}"#;
    let err = serde_json::from_str::<Person>(json)
        .unwrap_err()
        .to_string();
    assert!(err.contains("“31/02/1980” không có trong lịch"), "{err}");
}

#[test]
fn party_admission_after_18th_birthday() {
    let mut p = simple(
        "Huỳnh Thị Thu Trang",
        Sex::Female,
        "10/06/1990",
        "051090000003",
    );
    p.party_admission_date = Some(d("09/06/2008"));
    rejected(
        p,
        "party_admission_date",
        "party_before_18",
        "Ngày vào Đảng: 09/06/2008 trước ngày đủ 18 tuổi (10/06/2008).",
    );
    // On the 18th birthday itself it is accepted.
    let w = temp_ward();
    let mut s = new_store(&w);
    let mut ok = simple(
        "Huỳnh Thị Thu Trang",
        Sex::Female,
        "10/06/1990",
        "051090000003",
    );
    ok.party_admission_date = Some(d("10/06/2008"));
    s.add_person(&ok).unwrap();
}

#[test]
fn party_official_after_admission() {
    let mut p = simple("Bùi Quốc Việt", Sex::Male, "1985", "051085000004");
    p.party_admission_date = Some(d("01/09/2010"));
    p.party_official_date = Some(d("01/09/2010"));
    rejected(
        p,
        "party_official_date",
        "official_before_admission",
        "Ngày chính thức: 01/09/2010 phải sau ngày vào Đảng 01/09/2010.",
    );
    let mut p = simple("Bùi Quốc Việt", Sex::Male, "1985", "051085000004");
    p.party_official_date = Some(d("01/09/2011"));
    rejected(
        p,
        "party_official_date",
        "official_without_admission",
        "chưa có ngày vào Đảng",
    );
}

#[test]
fn party_dates_not_in_future() {
    let mut p = simple("Bùi Quốc Việt", Sex::Male, "1985", "051085000004");
    p.party_admission_date = Some(d("01/01/2027"));
    rejected(
        p,
        "party_admission_date",
        "date_in_future",
        "Ngày vào Đảng: ngày 01/01/2027 ở tương lai",
    );
}

#[test]
fn position_needs_title_and_order() {
    let mut p = simple("Ngô Thị Yến", Sex::Female, "1988", "051088000005");
    p.positions.push(PositionHeld {
        title: " ".into(),
        organisation: String::new(),
        start: Some(d("2015")),
        end: None,
    });
    rejected(
        p,
        "positions[0].title",
        "required",
        "Chức vụ thứ 1: bắt buộc phải nhập.",
    );
    let mut p = simple("Ngô Thị Yến", Sex::Female, "1988", "051088000005");
    p.positions.push(PositionHeld {
        title: "Chủ tịch Hội Liên hiệp Phụ nữ".into(),
        organisation: String::new(),
        start: Some(d("01/06/2020")),
        end: Some(d("31/05/2020")),
    });
    rejected(
        p,
        "positions[0].end",
        "end_before_start",
        "ngày thôi giữ 31/05/2020 trước ngày bắt đầu 01/06/2020",
    );
}

#[test]
fn ratings_one_per_year_within_range() {
    let mut p = simple("Đặng Văn Lộc", Sex::Male, "1980", "051080000006");
    p.ratings = vec![
        Rating {
            year: 2024,
            level: RatingLevel::Htt,
            score: None,
            basis: String::new(),
        },
        Rating {
            year: 2024,
            level: RatingLevel::Ht,
            score: None,
            basis: String::new(),
        },
    ];
    rejected(
        p,
        "ratings[1].year",
        "rating_duplicate",
        "Xếp loại năm 2024: mỗi năm chỉ có một kết quả.",
    );
    let mut p = simple("Đặng Văn Lộc", Sex::Male, "1980", "051080000006");
    p.ratings = vec![Rating {
        year: 2027,
        level: RatingLevel::Htt,
        score: None,
        basis: String::new(),
    }];
    rejected(
        p,
        "ratings[0].year",
        "rating_year",
        "năm không hợp lệ (phải từ 1996 đến 2026)",
    );
    let mut p = simple("Đặng Văn Lộc", Sex::Male, "1980", "051080000006");
    p.ratings = vec![Rating {
        year: 2025,
        level: RatingLevel::Htxs,
        score: Some(101.0),
        basis: String::new(),
    }];
    rejected(
        p,
        "ratings[0].score",
        "score_range",
        "điểm 101 ngoài thang 0–100",
    );
}

#[test]
fn discipline_needs_form_and_order() {
    let mut p = simple("Trương Công Định", Sex::Male, "1975", "051075000007");
    p.discipline_rewards.push(DisciplineReward {
        kind: RecordKind::Discipline,
        form: "Khiển trách".into(),
        date: d("12/09/2024"),
        decision_no: "45-QĐ/UBKTĐU".into(),
        until: Some(d("11/09/2024")),
        note: String::new(),
    });
    rejected(
        p,
        "discipline_rewards[0].until",
        "end_before_start",
        "Kỷ luật “Khiển trách”: ngày hết hiệu lực 11/09/2024 trước ngày quyết định 12/09/2024.",
    );
}

#[test]
fn training_needs_name() {
    let mut p = simple("Lý Thị Nguyệt", Sex::Female, "1992", "051092000008");
    p.trainings.push(Training {
        name: String::new(),
        institution: "Trường Chính trị tỉnh".into(),
        from: None,
        to: None,
        certificate: String::new(),
    });
    rejected(
        p,
        "trainings[0].name",
        "required",
        "Khóa đào tạo thứ 1, tên khóa: bắt buộc phải nhập.",
    );
}

#[test]
fn status_change_needs_a_date() {
    let mut p = simple("Hồ Văn Hưởng", Sex::Male, "1966", "051066000009");
    p.status = Status::Retired;
    rejected(
        p,
        "status_date",
        "required",
        "bắt buộc khi tình trạng là “Đã nghỉ hưu”",
    );
}

#[test]
fn all_broken_rules_are_reported_together() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let mut p = simple("X", Sex::Male, "01/12/2026", "123");
    p.full_name = "X".into();
    let err = quyhoach::app::people::save(&mut s, &p).unwrap_err();
    let rules: Vec<_> = err.field_errors().iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, vec!["name_parts", "birth_in_future", "cccd_format"]);
    assert!(matches!(err, CoreError::Validation(_)));
    assert_eq!(s.count_people().unwrap(), 0);
}

#[test]
fn text_is_stored_nfc_and_trimmed() {
    use unicode_normalization::UnicodeNormalization;
    let w = temp_ward();
    let mut s = new_store(&w);
    let nfd_name: String = "  Nguyễn   Thị  Ánh Tuyết ".nfd().collect();
    let mut p = simple(&nfd_name, Sex::Female, "1991", " 051091000010 ");
    p.home_town = "xã Đức Phổ ".nfd().collect();
    let id = s.add_person(&p).unwrap();
    let back = s.person(id).unwrap();
    assert_eq!(back.full_name, "Nguyễn Thị Ánh Tuyết");
    assert!(unicode_normalization::is_nfc(&back.full_name));
    assert_eq!(back.home_town, "xã Đức Phổ");
    assert_eq!(back.cccd.as_deref(), Some("051091000010"));
}

#[test]
fn unit_fields_are_required() {
    let w = temp_ward();
    let mut u = unit();
    u.place_name = " ".into();
    let err = quyhoach::app::safety::create_ward(&w.path, PASS, &u)
        .err()
        .unwrap();
    assert_eq!(err.field_errors()[0].field, "place_name");
    assert_eq!(
        err.field_errors()[0].message,
        "Địa danh ghi ngày tháng: bắt buộc phải nhập."
    );
    assert!(!w.path.exists(), "no file is created for a rejected ward");
}
