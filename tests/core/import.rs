//! Importing cadre lists from Excel and CSV (issue 5): the round trip of an export into an empty
//! database, every kind of bad row named by row and column with nothing imported, CSV encodings,
//! the user's column mapping, the rejected-rows workbook and the CLI.

use crate::common::*;
use calamine::{open_workbook, Reader, Xlsx};
use quyhoach::import::{ImportOptions, ProblemLevel, Progress};
use quyhoach::model::*;
use quyhoach::report::{ExportKind, Template};
use quyhoach::xlsx::ExportMeta;
use rust_xlsxwriter::Workbook;
use unicode_normalization::UnicodeNormalization;

fn no_progress() -> impl FnMut(Progress) {
    |_| {}
}

/// What a list carries of a record: no history (ended posts, ratings, discipline, training) and
/// no id. Everything else must come back exactly.
fn as_listed(p: &Person) -> Person {
    let mut p = p.clone();
    p.id = None;
    p.positions.retain(|h| h.is_current());
    p.ratings.clear();
    p.discipline_rewards.clear();
    p.trainings.clear();
    p.retirement_override = None;
    p
}

/// Every column a list can carry, under the header names wards use.
const FULL_TEMPLATE: &str = r#"{"title":"DANH SÁCH ĐẦY ĐỦ","sheet":"Cán bộ","columns":[
 {"key":"stt","header":"STT"},
 {"key":"full_name","header":"Họ và tên"},
 {"key":"other_name","header":"Tên gọi khác"},
 {"key":"sex","header":"Giới tính"},
 {"key":"birth_date","header":"Ngày sinh"},
 {"key":"ethnicity","header":"Dân tộc"},
 {"key":"religion","header":"Tôn giáo"},
 {"key":"home_town","header":"Quê quán"},
 {"key":"birthplace","header":"Nơi sinh"},
 {"key":"residence","header":"Nơi ở hiện nay"},
 {"key":"cccd","header":"Số CCCD"},
 {"key":"old_id","header":"Số CMND cũ"},
 {"key":"party_card_no","header":"Số thẻ đảng viên"},
 {"key":"positions","header":"Chức vụ hiện nay"},
 {"key":"position_start","header":"Thời gian giữ chức vụ"},
 {"key":"party_admission_date","group":"Ngày vào Đảng","header":"Dự bị"},
 {"key":"party_official_date","group":"Ngày vào Đảng","header":"Chính thức"},
 {"key":"general_education","header":"Giáo dục phổ thông"},
 {"key":"professional","header":"Trình độ chuyên môn"},
 {"key":"political_theory","header":"Lý luận chính trị"},
 {"key":"state_management","header":"Quản lý nhà nước"},
 {"key":"foreign_language","header":"Ngoại ngữ"},
 {"key":"it","header":"Tin học"},
 {"key":"status","header":"Tình trạng"},
 {"key":"status_date","header":"Ngày thay đổi tình trạng"},
 {"key":"status_reason","header":"Lý do thay đổi tình trạng"}]}"#;

fn round_trip(template: &Template, people: &[Person], compare: impl Fn(&Person) -> Person) {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_people(people).unwrap();
    let out = w
        .dir
        .path()
        .join("Xuất Excel")
        .join("danh sách cán bộ.xlsx");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    quyhoach::xlsx::export_people(&s, &out, template, &ExportMeta::default()).unwrap();
    let before: Vec<Person> = s
        .list_people()
        .unwrap()
        .iter()
        .map(|x| s.person(x.id).unwrap())
        .collect();
    s.close().unwrap();

    let w2 = temp_ward();
    let mut empty = new_store(&w2);
    let preview = quyhoach::app::imports::preview(
        &empty,
        &out,
        &ImportOptions::default(),
        &mut no_progress(),
    )
    .unwrap();
    let errors: Vec<_> = preview
        .rows
        .iter()
        .filter(|r| r.has_errors())
        .map(|r| (r.row, r.problems.clone()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(preview.ok_rows, people.len());
    assert!(preview.unmapped.is_empty(), "{:?}", preview.unmapped);
    quyhoach::app::imports::import_all(&mut empty, &preview, &mut no_progress()).unwrap();
    let after: Vec<Person> = empty
        .list_people()
        .unwrap()
        .iter()
        .map(|x| empty.person(x.id).unwrap())
        .collect();
    assert_eq!(after.len(), before.len());
    for (a, b) in after.iter().zip(&before) {
        assert_eq!(compare(a), compare(b), "{}", b.full_name);
    }
}

#[test]
fn every_column_round_trips_into_an_empty_database() {
    let mut people = quyhoach::demo::demo_people(60);
    people.push(hoa());
    let mut anh = simple("Lê Thị Ngọc Ánh", Sex::Female, "1990", "051190000111");
    anh.professional_level = Some(ProfessionalLevel::ThacSi);
    anh.professional_field = "Quản lý công".into();
    people.push(anh);
    let t = Template::from_json(FULL_TEMPLATE, ExportKind::CanBo).unwrap();
    round_trip(&t, &people, as_listed);
}

#[test]
fn the_shipped_cadre_list_round_trips_the_fields_it_shows() {
    let mut people = quyhoach::demo::demo_people(30);
    people.push(hoa());
    // The shipped list has no other name, birthplace, residence, card numbers or status reason.
    let shown = |p: &Person| {
        let mut p = as_listed(p);
        p.other_name.clear();
        p.birthplace.clear();
        p.residence.clear();
        p.old_id.clear();
        p.party_card_no.clear();
        p.status_reason.clear();
        p
    };
    assert!(people.iter().any(|p| p.status == Status::Retired));
    round_trip(&Template::people_default(), &people, shown);
}

/// A workbook as a clerk might have typed it: a title, a one-row header, then `rows`.
fn workbook(path: &std::path::Path, header: &[&str], rows: &[Vec<Value>]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("DS cán bộ").unwrap();
    ws.write_string(0, 0, "DANH SÁCH CÁN BỘ PHƯỜNG").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (3 + r as u32, c as u16);
            match v {
                Value::T(s) => ws.write_string(r, c, s).map(|_| ()),
                Value::N(x) => ws.write_number(r, c, *x).map(|_| ()),
                Value::Empty => Ok(()),
            }
            .unwrap();
        }
    }
    wb.save(path).unwrap();
}

#[derive(Clone)]
enum Value {
    T(String),
    N(f64),
    Empty,
}

fn t(s: &str) -> Value {
    Value::T(s.to_string())
}

const HEADER: &[&str] = &[
    "TT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số CCCD",
    "Trình độ LLCT",
];

#[test]
fn every_bad_row_is_named_by_row_and_column_and_nothing_is_imported() {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    let nfd = |x: &str| x.nfd().collect::<String>();
    let rows = vec![
        // Row 4: fine, typed as NFD: imported as NFC with a notice.
        vec![
            Value::N(1.0),
            t(&nfd("Trần Thị Ngọc Ánh")),
            t("Nữ"),
            t("05/09/1992"),
            t("051192000123"),
            t("Trung cấp"),
        ],
        // Row 5: no 31 February.
        vec![
            Value::N(2.0),
            t("Lê Văn Bảy"),
            t("Nam"),
            t("31/02/1980"),
            t(""),
            t(""),
        ],
        // Row 6: 13-digit CCCD.
        vec![
            Value::N(3.0),
            t("Phạm Văn Cường"),
            t("Nam"),
            t("1980"),
            t("0510800001234"),
            t(""),
        ],
        // Row 7: a number cell that lost the leading zero.
        vec![
            Value::N(4.0),
            t("Võ Thị Dung"),
            t("Nữ"),
            Value::N(29587.0),
            Value::N(51081000123.0),
            t(""),
        ],
        // Row 8: the same person as row 4 (same name, birth date typed d/m/yy).
        vec![
            Value::N(5.0),
            t("Trần Thị Ngọc Ánh"),
            t("Nữ"),
            t("5/9/92"),
            t(""),
            t(""),
        ],
        // Row 9: already in the database, typed in NFD and with "Hoà" for "Hòa".
        vec![
            Value::N(6.0),
            t(&nfd("Nguyễn Văn Hoà")),
            t("Nam"),
            t("15/03/1978"),
            t(""),
            t(""),
        ],
        // Row 10: an unknown theory level and no sex.
        vec![
            Value::N(7.0),
            t("Đỗ Ngọc Ểnh"),
            Value::Empty,
            t("12/12/1985"),
            t(""),
            t("Đại học"),
        ],
        // A section heading and a total row are skipped.
        vec![t("II. CÁN BỘ KHÔNG CHUYÊN TRÁCH")],
        vec![t("Tổng số"), Value::N(7.0)],
    ];
    let file = w.dir.path().join("danh sách cũ của phường.xlsx");
    workbook(&file, HEADER, &rows);
    let before = s.count_people().unwrap();
    let mut seen = Vec::new();
    let p = quyhoach::app::imports::preview(
        &s,
        &file,
        &ImportOptions::default(),
        &mut |p: Progress| seen.push(p),
    )
    .unwrap();
    assert!(seen.last().is_some_and(|l| l.done == l.total));
    assert_eq!(p.sheet, "DS cán bộ");
    assert_eq!(p.rows.len(), 7, "section and total rows skipped");
    let msgs = |row: usize| -> Vec<(Option<String>, String, ProblemLevel)> {
        p.rows
            .iter()
            .find(|r| r.row == row)
            .unwrap()
            .problems
            .iter()
            .map(|x| (x.column.clone(), x.message.clone(), x.severity))
            .collect()
    };
    // Row 4: a notice only, and the record is NFC.
    assert_eq!(msgs(4).len(), 1);
    assert_eq!(msgs(4)[0].2, ProblemLevel::CanhBao);
    assert!(msgs(4)[0].1.contains("bảng mã tổ hợp"), "{:?}", msgs(4));
    assert_eq!(
        p.rows[0].person.as_ref().unwrap().full_name,
        "Trần Thị Ngọc Ánh"
    );
    assert!(unicode_normalization::is_nfc(
        &p.rows[0].person.as_ref().unwrap().full_name
    ));
    let d_col = Some("D “Ngày sinh”".to_string());
    let e_col = Some("E “Số CCCD”".to_string());
    assert_eq!(
        msgs(5),
        vec![(
            d_col.clone(),
            "Ngày sinh: “31/02/1980” không có trong lịch (ngày hoặc tháng sai)".into(),
            ProblemLevel::Loi
        )]
    );
    assert_eq!(
        msgs(6),
        vec![(
            e_col.clone(),
            "Số CCCD: “0510800001234” có 13 chữ số; phải đúng 12 chữ số.".into(),
            ProblemLevel::Loi
        )]
    );
    // Every CCCD starts with 0: the zero Excel dropped is put back, with a notice.
    assert_eq!(
        msgs(7),
        vec![(
            e_col.clone(),
            "Số CCCD: Excel đã lưu thành số và bỏ chữ số 0 ở đầu; đã thêm lại thành 051081000123."
                .into(),
            ProblemLevel::CanhBao
        )]
    );
    assert_eq!(
        msgs(8),
        vec![(
            Some("B “Họ và tên”".into()),
            "Họ và tên: trùng với dòng 4 của tệp (cùng họ tên và ngày sinh).".into(),
            ProblemLevel::Loi
        )]
    );
    let m9 = msgs(9);
    assert!(m9.iter().any(|m| m.1
        == "Họ và tên: trùng với Nguyễn Văn Hòa (15/03/1978) đã có trong cơ sở dữ liệu (cùng họ tên và ngày sinh)."), "{m9:?}");
    let m10 = msgs(10);
    assert!(
        m10.iter().any(|m| {
            m.0 == Some("F “Trình độ LLCT”".into())
        && m.1 == "Lý luận chính trị: “Đại học” không phải Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân."
        }),
        "{m10:?}"
    );
    assert!(
        m10.iter().any(|m| m.1.starts_with("Giới tính: bắt buộc")),
        "{m10:?}"
    );
    assert_eq!((p.ok_rows, p.error_rows), (2, 5));

    // All or nothing: the import is refused and the database is unchanged.
    let err = quyhoach::app::imports::import_all(&mut s, &p, &mut no_progress()).unwrap_err();
    assert_eq!(err.code(), "validation");
    assert!(
        err.field_errors()[0]
            .message
            .starts_with("Dòng 5: Ngày sinh"),
        "{err:?}"
    );
    assert_eq!(s.count_people().unwrap(), before);

    // The rejected rows, with the reasons beside them, can be saved for correction.
    let rejected = w.dir.path().join("dòng không nhập.xlsx");
    assert_eq!(quyhoach::import::write_rejected(&p, &rejected).unwrap(), 5);
    let mut wb: Xlsx<_> = open_workbook(&rejected).unwrap();
    let r = wb.worksheet_range("Dòng không nhập").unwrap();
    let cell = |row: u32, col: u32| {
        r.get_value((row, col))
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    assert_eq!(cell(0, 0), "Dòng");
    assert_eq!(cell(0, 2), "Họ và tên");
    assert_eq!(cell(0, 7), "Lý do không nhập");
    assert_eq!(
        (cell(1, 0), cell(1, 2), cell(1, 4)),
        ("5".into(), "Lê Văn Bảy".into(), "31/02/1980".into())
    );
    assert!(cell(1, 7).starts_with("Cột D “Ngày sinh”: Ngày sinh: “31/02/1980”"));
    assert_eq!(cell(3, 0), "8");
}

#[test]
fn a_clean_file_imports_all_rows_in_one_go() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let rows = vec![
        vec![
            Value::N(1.0),
            t("Trần Thị Ngọc Ánh"),
            t("Nữ"),
            t("05/09/1992"),
            t("051192000123"),
            t("TC"),
        ],
        vec![
            Value::N(2.0),
            t("Lê Văn Bảy"),
            t("nam"),
            Value::N(29587.0),
            t(""),
            t("Cao cấp"),
        ],
        vec![
            Value::N(3.0),
            t("Phạm Văn Cường"),
            t("Nam"),
            t("3/1980"),
            t("051080000111"),
            Value::Empty,
        ],
        // Same name and birth month, another CCCD: another person, not a duplicate.
        vec![
            Value::N(4.0),
            t("Phạm Văn Cường"),
            t("Nam"),
            t("3/1980"),
            t("051080000999"),
            Value::Empty,
        ],
    ];
    let file = w.dir.path().join("bốn người.xlsx");
    workbook(&file, HEADER, &rows);
    let p =
        quyhoach::app::imports::preview(&s, &file, &ImportOptions::default(), &mut no_progress())
            .unwrap();
    assert_eq!((p.ok_rows, p.error_rows), (4, 0));
    let ids = quyhoach::app::imports::import_all(&mut s, &p, &mut no_progress()).unwrap();
    assert_eq!(ids.len(), 4);
    let bay = s.person(ids[1]).unwrap();
    assert_eq!(
        bay.birth_date.to_display(),
        "01/01/1981",
        "Excel serial 29587"
    );
    assert_eq!(bay.political_theory, Some(PoliticalTheory::CaoCap));
    assert_eq!(s.person(ids[2]).unwrap().birth_date.to_display(), "03/1980");
    // Importing the same file again finds everyone already there.
    let again =
        quyhoach::app::imports::preview(&s, &file, &ImportOptions::default(), &mut no_progress())
            .unwrap();
    assert_eq!(again.error_rows, 4);
    assert!(again.rows[0].problems[0]
        .message
        .contains("đã có trong cơ sở dữ liệu"));
}

#[test]
fn invalid_files_and_wrong_sheets_change_nothing() {
    let w = temp_ward();
    let s = new_store(&w);
    let fake = w.dir.path().join("không phải excel.xlsx");
    std::fs::write(&fake, "Họ và tên;Ngày sinh\nNguyễn Văn A;1980\n").unwrap();
    let err =
        quyhoach::app::imports::preview(&s, &fake, &ImportOptions::default(), &mut no_progress())
            .unwrap_err();
    assert!(
        err.field_errors()[0]
            .message
            .starts_with("Không đọc được tệp"),
        "{err:?}"
    );

    let file = w.dir.path().join("đúng.xlsx");
    workbook(
        &file,
        HEADER,
        &[vec![Value::N(1.0), t("Lê Văn Bảy"), t("Nam"), t("1980")]],
    );
    let opts = ImportOptions {
        sheet: Some("Trang 2".into()),
        ..Default::default()
    };
    let err = quyhoach::app::imports::preview(&s, &file, &opts, &mut no_progress()).unwrap_err();
    assert_eq!(
        err.field_errors()[0].message,
        "Tệp không có trang “Trang 2”; các trang có: “DS cán bộ”."
    );
    // A sheet without a name column.
    let other = w.dir.path().join("bảng lương.xlsx");
    workbook(&other, &["Tháng", "Lương"], &[vec![t("1"), Value::N(5.0)]]);
    let err =
        quyhoach::app::imports::preview(&s, &other, &ImportOptions::default(), &mut no_progress())
            .unwrap_err();
    assert!(err.field_errors()[0]
        .message
        .contains("Không tìm thấy dòng tiêu đề có cột “Họ và tên”"));
    assert_eq!(s.count_people().unwrap(), 0);
}

#[test]
fn csv_in_utf8_or_windows_1258_and_a_users_mapping() {
    let w = temp_ward();
    let mut s = new_store(&w);
    // UTF-8 with BOM, semicolons, an unrecognised name header mapped by the user.
    let csv = w.dir.path().join("danh sách.csv");
    std::fs::write(
        &csv,
        "\u{feff}Tên đầy đủ;Ngày sinh;Giới tính;Ghi chú\nĐặng Thị Hạnh;08/08/1988;Nữ;x\n",
    )
    .unwrap();
    let err =
        quyhoach::app::imports::preview(&s, &csv, &ImportOptions::default(), &mut no_progress())
            .unwrap_err();
    assert!(err.field_errors()[0]
        .message
        .contains("chọn cột nào là “Họ và tên”"));
    let opts = ImportOptions {
        map: vec!["Tên đầy đủ=full_name".into(), "D=bo-qua".into()],
        ..Default::default()
    };
    let p = quyhoach::app::imports::preview(&s, &csv, &opts, &mut no_progress()).unwrap();
    assert_eq!((p.ok_rows, p.error_rows), (1, 0));
    assert!(p.header.columns[0].mapped_by_user);
    // A mapping to an unknown field is named.
    let bad = ImportOptions {
        map: vec!["A=ho_ten".into()],
        ..Default::default()
    };
    let err = quyhoach::app::imports::preview(&s, &csv, &bad, &mut no_progress()).unwrap_err();
    assert!(err.field_errors()[0]
        .message
        .starts_with("Gán cột “A=ho_ten”: “ho_ten” không phải tên trường đã biết"));
    quyhoach::app::imports::import_all(&mut s, &p, &mut no_progress()).unwrap();

    // Windows-1258, as Excel saves "CSV" on Vietnamese Windows: "Trần Văn Ba" with â + combining grave.
    let legacy = w.dir.path().join("cp1258.csv");
    std::fs::write(
        &legacy,
        b"Ho va ten,Ngay sinh,Gioi tinh\nTr\xe2\xccn V\xe3n Ba,1979,Nam\n",
    )
    .unwrap();
    let p =
        quyhoach::app::imports::preview(&s, &legacy, &ImportOptions::default(), &mut no_progress())
            .unwrap();
    assert_eq!(p.rows[0].full_name, "Trần Văn Ba");
    assert_eq!(p.error_rows, 0);
}

#[test]
fn cli_import_dry_run_then_import_and_export_of_the_plan() {
    let w = temp_ward();
    new_store(&w).close().unwrap();
    let pass = pass_file(&w);
    let file = w.dir.path().join("ba người.xlsx");
    workbook(
        &file,
        HEADER,
        &[
            vec![
                Value::N(1.0),
                t("Trần Thị Ngọc Ánh"),
                t("Nữ"),
                t("05/09/1992"),
                t("051192000123"),
                t("TC"),
            ],
            vec![
                Value::N(2.0),
                t("Lê Văn Bảy"),
                t("Nam"),
                t("1980"),
                t("0510800001234"),
                t(""),
            ],
        ],
    );
    let f = file.to_str().unwrap();
    let rejected = w.dir.path().join("bị từ chối.xlsx");
    let o = cli(
        &w,
        &pass,
        &["import", f, "--rejected", rejected.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Dòng 5, cột E “Số CCCD” — Lỗi: Số CCCD: “0510800001234” có 13 chữ số"),
        "{out}"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("Không nhập dòng nào: 1 dòng có lỗi"));
    assert!(rejected.exists());
    let s = reopen(&w);
    assert_eq!(s.count_people().unwrap(), 0);
    s.close().unwrap();

    let good = w.dir.path().join("một người.xlsx");
    workbook(
        &good,
        HEADER,
        &[vec![
            Value::N(1.0),
            t("Trần Thị Ngọc Ánh"),
            t("Nữ"),
            t("05/09/1992"),
            t("051192000123"),
            t("TC"),
        ]],
    );
    let g = good.to_str().unwrap();
    let o = cli(&w, &pass, &["import", g, "--dry-run"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("1 dòng nhập được, 0 dòng có lỗi."));
    assert_eq!(
        reopen(&w).count_people().unwrap(),
        0,
        "dry run writes nothing"
    );
    let o = cli(&w, &pass, &["import", g]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Đã nhập 1 người."));
    assert_eq!(reopen(&w).count_people().unwrap(), 1);

    // Plan exports need a term; a wrong kind lists the kinds.
    let xl = w.dir.path().join("trích ngang.xlsx");
    let o = cli(
        &w,
        &pass,
        &["export", "trich-ngang", "--out", xl.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("cần chọn nhiệm kỳ") && e.contains("sửa ở --term"),
        "{e}"
    );
    let o = cli(
        &w,
        &pass,
        &["export", "luong", "--out", xl.to_str().unwrap()],
    );
    let e = String::from_utf8_lossy(&o.stderr);
    for code in ["can-bo", "trich-ngang", "co-cau", "ra-soat", "dao-tao"] {
        assert!(e.contains(&format!("({code})")), "{e}");
    }
}

#[test]
fn lists_typed_in_tcvn3_or_vni_are_converted_headers_included() {
    use quyhoach::import::Legacy;
    let w = temp_ward();
    let s = new_store(&w);
    // .VnTime text: "Họ và tên", "Giới tính", "Ngày sinh", "Quê quán".
    let tcvn3 = w.dir.path().join("danh sách .VnTime.xlsx");
    workbook(
        &tcvn3,
        &["TT", "Hä vµ tªn", "Giíi tÝnh", "Ngµy sinh", "Quª qu¸n"],
        &[
            vec![
                Value::N(1.0),
                t("NguyÔn ThÞ Hoa"),
                t("N÷"),
                t("12/05/1980"),
                t("x· Phæ ThuËn"),
            ],
            vec![
                Value::N(2.0),
                t("§Æng H÷u ThÓ"),
                t("Nam"),
                t("1975"),
                t("ph\u{ad}êng Phæ Hßa"),
            ],
        ],
    );
    let p =
        quyhoach::app::imports::preview(&s, &tcvn3, &ImportOptions::default(), &mut no_progress())
            .unwrap();
    assert_eq!(p.legacy, Some(Legacy::Tcvn3));
    assert_eq!(p.error_rows, 0, "{:?}", p.rows);
    let people: Vec<&Person> = p.people().collect();
    assert_eq!(people[0].full_name, "Nguyễn Thị Hoa");
    assert_eq!(people[0].sex, Sex::Female);
    assert_eq!(people[0].home_town, "xã Phổ Thuận");
    assert_eq!(people[1].full_name, "Đặng Hữu Thể");
    assert_eq!(people[1].home_town, "phường Phổ Hòa");

    // VNI-Times: "Họ và tên", "Ngày sinh", "Giới tính".
    let vni = w.dir.path().join("danh sách VNI.xlsx");
    workbook(
        &vni,
        &["TT", "Hoï vaø teân", "Giôùi tính", "Ngaøy sinh"],
        &[
            vec![
                Value::N(1.0),
                t("Tröông Myõ Dung"),
                t("Nöõ"),
                t("01/01/1990"),
            ],
            vec![Value::N(2.0), t("Huyønh Ngoïc Só"), t("Nam"), t("1988")],
        ],
    );
    let p =
        quyhoach::app::imports::preview(&s, &vni, &ImportOptions::default(), &mut no_progress())
            .unwrap();
    assert_eq!(p.legacy, Some(Legacy::Vni));
    let names: Vec<&str> = p.people().map(|x| x.full_name.as_str()).collect();
    assert_eq!(names, vec!["Trương Mỹ Dung", "Huỳnh Ngọc Sĩ"]);
}

/// A ward's real-looking list (issue 12): title rows, "Ngày sinh⏎Nam" / "Ngày sinh⏎Nữ" typed with
/// Alt+Enter in single header cells, a column-number row, posts without dates, a column nobody
/// maps, one duplicate, one impossible date, one CCCD Excel turned into a number.
fn messy_list(path: &std::path::Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Danh sách").unwrap();
    ws.write_string(0, 0, "ĐẢNG ỦY PHƯỜNG PHỔ HÒA").unwrap();
    ws.write_string(1, 2, "DANH SÁCH CÁN BỘ, CÔNG CHỨC PHƯỜNG NĂM 2026")
        .unwrap();
    let header = [
        "TT",
        "Họ tên",
        "Ngày sinh\nNam",
        "Ngày sinh\n(Nữ)",
        "Quê quán (xã, tỉnh)",
        "Số CCCD",
        "Chức vụ hiện nay",
        "T.Đ chuyên môn",
        "Trình độ LLCT",
        "Ghi chú",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
        ws.write_number(4, c as u16, (c + 1) as f64).unwrap();
    }
    let rows: Vec<Vec<Value>> = vec![
        vec![
            t("1"),
            t("Nguyễn Văn Hòa"),
            t("15/03/1978"),
            Value::Empty,
            t("xã Phổ Thuận, tỉnh Quảng Ngãi"),
            t("051078001234"),
            t("Chủ tịch UBND phường"),
            t("Đại học Luật"),
            t("Cao cấp"),
            t(""),
        ],
        vec![
            t("2"),
            t("Phạm Thị Hường"),
            Value::Empty,
            t("12/08/1988"),
            t("phường Phổ Hòa"),
            Value::N(51188004567.0),
            t("Chủ tịch Hội LHPN; Ủy viên BCH"),
            t("Đại học"),
            t("Trung cấp"),
            t("chuyển từ xã"),
        ],
        vec![
            t("3"),
            t("Lê Văn Bảy"),
            t("31/02/1985"),
            Value::Empty,
            t(""),
            t("051085000777"),
            t("Trưởng Công an phường"),
            t("Đại học"),
            t("Trung cấp"),
            t(""),
        ],
        vec![
            t("4"),
            t("Trần Thị Ngọc Ánh"),
            Value::Empty,
            t("05/09/1992"),
            t(""),
            t(""),
            t("Bí thư Đoàn phường"),
            t("Thạc sĩ Quản lý công"),
            t("Sơ cấp"),
            t(""),
        ],
        vec![
            t("5"),
            t("Nguyễn Văn Hoà"),
            t("15/03/1978"),
            Value::Empty,
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t("nhập trùng"),
        ],
        vec![
            t("6"),
            t("Võ Văn Cường"),
            t("1968"),
            Value::Empty,
            t(""),
            t("051068000999"),
            t("Trưởng thôn Phú Thọ"),
            t("Trung cấp"),
            t(""),
            t(""),
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (5 + r as u32, c as u16);
            match v {
                Value::T(s) if !s.is_empty() => ws.write_string(r, c, s).map(|_| ()),
                Value::N(x) => ws.write_number(r, c, *x).map(|_| ()),
                _ => Ok(()),
            }
            .unwrap();
        }
    }
    ws.write_string(11, 1, "Tổng số: 6").unwrap();
    wb.save(path).unwrap();
}

#[test]
fn a_real_looking_list_previews_errors_only_on_its_bad_rows_and_imports_the_rest() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let file = w.dir.path().join("Danh sách cán bộ 2026.xlsx");
    messy_list(&file);
    let p =
        quyhoach::app::imports::preview(&s, &file, &ImportOptions::default(), &mut no_progress())
            .unwrap();
    let fields: Vec<Option<&str>> = p
        .header
        .columns
        .iter()
        .map(|c| c.field.as_deref())
        .collect();
    assert_eq!(
        fields,
        [
            Some("stt"),
            Some("full_name"),
            Some("birth_male"),
            Some("birth_female"),
            Some("home_town"),
            Some("cccd"),
            Some("positions"),
            Some("professional"),
            Some("political_theory"),
            None
        ]
    );
    // The column nobody recognises is named once, with its letter.
    assert_eq!(p.unmapped, vec!["J “Ghi chú”".to_string()]);
    // Errors exactly on the impossible date (row 8) and the duplicate (row 10), nothing else.
    let bad: Vec<(usize, Vec<String>)> = p
        .rows
        .iter()
        .filter(|r| r.has_errors())
        .map(|r| {
            (
                r.row,
                r.problems
                    .iter()
                    .filter(|x| x.severity == ProblemLevel::Loi)
                    .map(|x| x.message.clone())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(bad.len(), 2, "{bad:#?}");
    assert_eq!(bad[0].0, 8);
    assert_eq!(bad[0].1.len(), 1, "no follow-on errors: {:?}", bad[0].1);
    assert!(bad[0].1[0].contains("31/02/1985"), "{:?}", bad[0].1);
    assert_eq!(bad[1].0, 10);
    assert!(bad[1].1[0].contains("trùng với dòng 6"), "{:?}", bad[1].1);
    assert_eq!((p.ok_rows, p.error_rows), (4, 2));
    // Posts without dates are imported with the start unknown, as a notice.
    let huong = p.rows.iter().find(|r| r.row == 7).unwrap();
    let person = huong.person.as_ref().unwrap();
    assert_eq!(person.cccd.as_deref(), Some("051188004567"));
    assert_eq!(person.positions.len(), 2);
    assert!(person.positions.iter().all(|h| h.start.is_none()));
    assert!(huong
        .problems
        .iter()
        .any(|x| x.severity == ProblemLevel::CanhBao && x.message.contains("chưa rõ ngày")));
    assert!(huong
        .problems
        .iter()
        .any(|x| x.message.contains("bỏ chữ số 0 ở đầu")));

    // The preview as the window shows it: errors first; the note every post without a date
    // brings, once, with its rows and each row's posts; the column left out said in a sentence.
    let groups = &p.groups;
    let errors = groups
        .iter()
        .take_while(|g| g.severity == ProblemLevel::Loi)
        .count();
    assert_eq!(errors, 2, "{groups:#?}");
    assert!(groups[errors..]
        .iter()
        .all(|g| g.severity == ProblemLevel::CanhBao));
    assert_eq!(groups[0].rows_text, "Dòng 8");
    assert_eq!(groups[0].severity_label, "Lỗi");
    let start = groups
        .iter()
        .filter(|g| g.message.contains("hưa rõ ngày bắt đầu giữ chức vụ"))
        .collect::<Vec<_>>();
    assert_eq!(start.len(), 1, "{groups:#?}");
    let start = start[0];
    assert_eq!(
        start.message,
        "Chưa rõ ngày bắt đầu giữ chức vụ; đã nhập, hãy bổ sung ngày trong hồ sơ."
    );
    let rows: Vec<usize> = start.rows.iter().map(|r| r.row).collect();
    assert_eq!(rows, [6, 7, 8, 9, 11], "{start:#?}");
    assert_eq!(start.rows_text, "Dòng 6–9, 11 (5 dòng)");
    let huong_note = start.rows.iter().find(|r| r.row == 7).unwrap();
    assert_eq!(huong_note.full_name, "Phạm Thị Hường");
    assert_eq!(
        huong_note.detail.as_deref(),
        Some("Chức vụ “Chủ tịch Hội LHPN”, “Ủy viên BCH”")
    );
    assert_eq!(
        p.ignored.as_deref(),
        Some("Cột J “Ghi chú” sẽ không được nhập (bỏ qua); chọn trường cho cột nếu cần nhập.")
    );

    // "Nhập N dòng hợp lệ, bỏ qua M dòng lỗi": one transaction for the good rows.
    let out = quyhoach::import::import_valid_people(&mut s, &p, &mut no_progress()).unwrap();
    assert_eq!(out.imported, 4);
    assert_eq!(out.skipped_rows, vec![8, 10]);
    let names: Vec<String> = s
        .list_people()
        .unwrap()
        .iter()
        .map(|x| x.full_name.clone())
        .collect();
    assert_eq!(names.len(), 4);
    assert!(names.contains(&"Phạm Thị Hường".to_string()));
    let rejected = w.dir.path().join("Dòng không nhập.xlsx");
    assert_eq!(quyhoach::import::write_rejected(&p, &rejected).unwrap(), 2);
    // The imported post keeps its unknown start: the trích ngang still prints it, the check asks.
    let huong_id = s
        .list_people()
        .unwrap()
        .iter()
        .find(|x| x.full_name == "Phạm Thị Hường")
        .unwrap()
        .id;
    let rec = s.person(huong_id).unwrap();
    assert_eq!(rec.positions[0].title, "Chủ tịch Hội LHPN");
    assert!(rec.positions[0].start.is_none());
}

#[test]
fn two_row_headers_unmerged_groups_and_vietnamese_mappings_are_remembered() {
    let w = temp_ward();
    let s = new_store(&w);
    let file = w.dir.path().join("hai dòng tiêu đề.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    // "Ngày sinh" written above "Nam" only (not merged); the other headers span both rows unmerged.
    for (c, h) in [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "",
        "Chức vụ",
        "Trình độ",
        "",
        "Ghi chú",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, h) in ["", "", "Nam", "Nữ", "", "LL.CT", "QLNN", ""]
        .iter()
        .enumerate()
    {
        if !h.is_empty() {
            ws.write_string(1, c as u16, *h).unwrap();
        }
    }
    ws.write_string(2, 1, "Đặng Thị Hạnh").unwrap();
    ws.write_string(2, 3, "08/08/1988").unwrap();
    ws.write_string(2, 5, "Trung cấp").unwrap();
    ws.write_string(2, 7, "x").unwrap();
    wb.save(&file).unwrap();
    let p =
        quyhoach::app::imports::preview(&s, &file, &ImportOptions::default(), &mut no_progress())
            .unwrap();
    let field = |letter: &str| {
        p.header
            .columns
            .iter()
            .find(|c| c.letter == letter)
            .and_then(|c| c.field.clone())
    };
    assert_eq!(field("C").as_deref(), Some("birth_male"));
    assert_eq!(field("D").as_deref(), Some("birth_female"));
    assert_eq!(field("F").as_deref(), Some("political_theory"));
    assert_eq!(field("G").as_deref(), Some("state_management"));
    assert_eq!((p.ok_rows, p.error_rows), (1, 0));
    assert!(!p.remembered);
    // Mapped by the fields' Vietnamese names (no English key needed), then remembered.
    let opts = ImportOptions {
        map: vec!["Ghi chú=Bỏ qua cột này".into(), "E=chức vụ hiện nay".into()],
        ..Default::default()
    };
    let p = quyhoach::app::imports::preview(&s, &file, &opts, &mut no_progress()).unwrap();
    assert_eq!(field_of(&p, "E"), Some("positions".into()));
    assert_eq!(field_of(&p, "H"), None);
    assert!(p.unmapped.is_empty(), "{:?}", p.unmapped);
    quyhoach::import::remember_map(&s, &p).unwrap();
    let again =
        quyhoach::app::imports::preview(&s, &file, &ImportOptions::default(), &mut no_progress())
            .unwrap();
    assert!(again.remembered);
    assert!(again.unmapped.is_empty());
    // A mapping to something that is not a field says so in Vietnamese, naming the fields.
    let bad = ImportOptions {
        map: vec!["A=Lương".into()],
        ..Default::default()
    };
    let err = quyhoach::app::imports::preview(&s, &file, &bad, &mut no_progress()).unwrap_err();
    let m = &err.field_errors()[0].message;
    assert!(
        m.contains("không phải tên trường") && m.contains("Ngày sinh (Nữ)"),
        "{m}"
    );
    assert!(
        !m.contains("--"),
        "no CLI flag in a message the app shows: {m}"
    );
    assert!(quyhoach::import::header::known_spellings() >= 100);
}

fn field_of(p: &quyhoach::import::ImportPreview, letter: &str) -> Option<String> {
    p.header
        .columns
        .iter()
        .find(|c| c.letter == letter)
        .and_then(|c| c.field.clone())
}

#[test]
fn cli_imports_the_valid_rows_and_saves_the_rest() {
    let w = temp_ward();
    new_store(&w).close().unwrap();
    let pass = pass_file(&w);
    let file = w.dir.path().join("Danh sách cán bộ 2026.xlsx");
    messy_list(&file);
    let o = cli(&w, &pass, &["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--skip-invalid"));
    let o = cli(
        &w,
        &pass,
        &[
            "import",
            file.to_str().unwrap(),
            "--map",
            "J=Bỏ qua cột này",
            "--bo-dong-loi",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("Đã nhập 4 người; bỏ qua 2 dòng lỗi (dòng 8, 10)"),
        "{err}"
    );
    let rejected = w
        .dir
        .path()
        .join("Danh sách cán bộ 2026 (dòng không nhập).xlsx");
    let mut wb: Xlsx<_> = open_workbook(&rejected).unwrap();
    let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
    let text: String = sheet
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect::<Vec<_>>()
        .join("|");
    assert!(
        text.contains("Lê Văn Bảy") && text.contains("31/02/1985"),
        "{text}"
    );
    assert!(!text.contains("Trần Thị Ngọc Ánh"));
}
