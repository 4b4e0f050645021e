//! Excel export of the full cadre list, read back with calamine: cells, merged header cells,
//! real dates, the cached total, and (from the package XML) the print setup. (Issue 5, export part.)

use std::io::Read;

use crate::common::*;
use calamine::{open_workbook, Data, Reader, Xlsx};
use quyhoach::model::plan::*;
use quyhoach::model::*;
use quyhoach::report::{ExportKind, Template};
use quyhoach::xlsx::ExportMeta;
use quyhoach::xlsx::PlanExport;

fn sheet_xml(path: &std::path::Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn cadre_list_workbook_reads_back() {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    let mut lan = simple("Lê Thị Ngọc Ánh", Sex::Female, "1990", "051090000111");
    lan.professional_level = Some(ProfessionalLevel::ThacSi);
    lan.professional_field = "Quản lý công".into();
    s.add_person(&lan).unwrap();
    let out = w
        .dir
        .path()
        .join("Xuất Excel")
        .join("danh sách cán bộ phường Phổ Hòa.xlsx");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let meta = ExportMeta { attached_to: Some("(Kèm theo Tờ trình số 05-TTr/ĐU ngày 20/11/2026 của Ban Thường vụ Đảng ủy phường Phổ Hòa)".into()) };
    let r = quyhoach::xlsx::export_people(&s, &out, &Template::people_default(), &meta).unwrap();
    assert_eq!(r.rows, 2);
    // Never overwrites.
    assert_eq!(
        quyhoach::xlsx::export_people(&s, &out, &Template::people_default(), &meta)
            .err()
            .unwrap()
            .code(),
        "file_exists"
    );

    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let range = wb.worksheet_range("Danh sách cán bộ").unwrap();
    let text = |r: u32, c: u32| {
        range
            .get_value((r, c))
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    assert_eq!(text(0, 0), "ĐẢNG BỘ TỈNH QUẢNG NGÃI");
    assert_eq!(text(1, 0), "ĐẢNG ỦY PHƯỜNG PHỔ HÒA");
    assert_eq!(text(3, 0), "DANH SÁCH CÁN BỘ");
    assert!(text(4, 0).starts_with("(Kèm theo Tờ trình số 05-TTr/ĐU"));
    // Header: "Ngày sinh" over Nam | Nữ, the column numbers below.
    assert_eq!(text(6, 1), "Họ và tên");
    assert_eq!(text(6, 2), "Ngày sinh");
    assert_eq!((text(7, 2), text(7, 3)), ("Nam".into(), "Nữ".into()));
    assert_eq!(text(8, 0), "1");
    assert_eq!(text(8, 19), "20");
    // Data in list order (Ánh before Hòa), with diacritics intact.
    assert_eq!(text(9, 1), "Lê Thị Ngọc Ánh");
    assert_eq!(text(9, 2), "", "a woman's birth date is in the Nữ column");
    assert_eq!(text(9, 3), "1990", "a year-only birth date stays text");
    assert_eq!(text(9, 12), "Thạc sĩ Quản lý công");
    assert_eq!(text(10, 1), "Nguyễn Văn Hòa");
    match range.get_value((10, 2)) {
        Some(Data::DateTime(d)) => {
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            let day = chrono::NaiveDate::from_ymd_opt(1978, 3, 15).unwrap();
            assert_eq!(d.as_f64(), (day - epoch).num_days() as f64);
        }
        other => panic!("the birth date should be a real date, got {other:?}"),
    }
    assert!(text(10, 7).contains("Chủ tịch UBND, UBND phường Phổ Hòa"));
    // One start per current post, in the same order.
    assert_eq!(text(10, 8), "01/07/2020; 2020");
    // Total row: the formula's cached value is there for readers that do not compute.
    assert_eq!(text(11, 0), "Tổng số");
    assert_eq!(text(11, 1), "2");
    let formulas = wb.worksheet_formula("Danh sách cán bộ").unwrap();
    assert_eq!(
        formulas.get_value((11, 1)).map(String::as_str),
        Some("COUNTA(B10:B11)")
    );

    // Merged cells: the title across all columns, "Ngày sinh" across two, "Họ và tên" down two rows.
    let merged = wb.merge_cells_by_sheet_name("Danh sách cán bộ").unwrap();
    let spans: Vec<((u32, u32), (u32, u32))> = merged.iter().map(|d| (d.start, d.end)).collect();
    assert!(spans.contains(&((3, 0), (3, 19))), "{spans:?}");
    assert!(spans.contains(&((6, 2), (6, 3))), "{spans:?}");
    assert!(spans.contains(&((6, 1), (7, 1))), "{spans:?}");

    // Print setup and fonts from the package itself.
    let sheet = sheet_xml(&out, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(r#"paperSize="9""#) && sheet.contains(r#"orientation="landscape""#),
        "{sheet}"
    );
    assert!(
        sheet.contains(r#"fitToHeight="0""#) && sheet.contains("<pageSetUpPr fitToPage=\"1\"/>")
    );
    assert!(
        sheet.contains(r#"<pane ySplit="9" topLeftCell="A10""#),
        "frozen header"
    );
    let book = sheet_xml(&out, "xl/workbook.xml");
    assert!(
        book.contains("_xlnm.Print_Titles") && book.contains("$7:$9"),
        "{book}"
    );
    let styles = sheet_xml(&out, "xl/styles.xml");
    assert!(styles.contains(r#"<name val="Times New Roman"/>"#));
    assert!(styles.contains(r#"formatCode="dd/mm/yyyy""#));
}

#[test]
fn cli_export_with_a_ward_template() {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    s.close().unwrap();
    let pass = pass_file(&w);
    let tpl = w.dir.path().join("mẫu của tỉnh.json");
    std::fs::write(&tpl, r#"{"title":"BIỂU TRÍCH NGANG","sheet":"Biểu 1","columns":[{"key":"stt","header":"STT"},{"key":"full_name","header":"Họ tên"},{"key":"cccd","header":"CCCD","width":15}]}"#).unwrap();
    let out = w.dir.path().join("biểu 1.xlsx");
    let run = |args: &[&str]| cli(&w, &pass, args);
    let o = run(&[
        "export",
        "can-bo",
        "--out",
        out.to_str().unwrap(),
        "--template",
        tpl.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let range = wb.worksheet_range("Biểu 1").unwrap();
    assert_eq!(
        range.get_value((3, 0)).unwrap().to_string(),
        "BIỂU TRÍCH NGANG"
    );
    assert_eq!(range.get_value((9, 2)).unwrap().to_string(), "051078001234");
    // A bad template names the column and writes nothing.
    std::fs::write(
        &tpl,
        r#"{"title":"X","sheet":"Biểu 1","columns":[{"key":"luong","header":"Lương"}]}"#,
    )
    .unwrap();
    let out2 = w.dir.path().join("biểu 2.xlsx");
    let o = run(&[
        "export",
        "can-bo",
        "--out",
        out2.to_str().unwrap(),
        "--template",
        tpl.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("[columns[0].key] Mẫu xuất Excel, cột 1: “luong”"));
    assert!(!out2.exists());
}

type Sheet = calamine::Range<Data>;

fn open_sheet(
    path: &std::path::Path,
    name: &str,
) -> (Xlsx<std::io::BufReader<std::fs::File>>, Sheet) {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    (wb, range)
}

fn cell(r: &Sheet, row: u32, col: u32) -> String {
    r.get_value((row, col))
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// Rows of column `col` from the body (row 9) down.
fn column(r: &Sheet, col: u32) -> Vec<String> {
    (9..r.end().map(|e| e.0 + 1).unwrap_or(9))
        .map(|row| cell(r, row, col))
        .collect()
}

fn pos_name(s: &quyhoach::Store, code: &str) -> String {
    s.plan_data("2030-2035")
        .unwrap()
        .positions
        .into_iter()
        .find(|p| p.code == code)
        .unwrap()
        .name
}

/// The 2026 review of the Phổ Hòa-like plan: Dung added to BTV, Hạnh continued on BCH, Khoa
/// taken out of BCH (transferred) by decision 45-QĐ/ĐU.
fn reviewed_ward(w: &TempWard) -> quyhoach::Store {
    let mut s = crate::common::scenario::build(w);
    let lines = s.plan_lines("2030-2035").unwrap();
    let entry = |name: &str, code: &str| {
        lines
            .iter()
            .find(|l| l.full_name == name && l.position_code == code)
            .unwrap()
            .entry_id
    };
    let dung = s
        .list_people()
        .unwrap()
        .iter()
        .find(|p| p.full_name == "Phạm Thị Dung")
        .unwrap()
        .id;
    let mut add = PlanEvent::new(PlanStep::Supplemented, d("10/11/2026"));
    add.review_year = Some(2026);
    s.plan_person("2030-2035", "BTV", dung, &add).unwrap();
    let mut cont = PlanEvent::new(PlanStep::Continued, d("10/11/2026"));
    cont.review_year = Some(2026);
    s.add_plan_step(entry("Đặng Thị Hạnh", "BCH"), &cont)
        .unwrap();
    let mut out = PlanEvent::new(PlanStep::Removed, d("12/11/2026"));
    out.review_year = Some(2026);
    out.reason = Some(RemovalReason::Transferred);
    out.decision_no = "45-QĐ/ĐU".into();
    out.decision_date = Some(d("12/11/2026"));
    s.add_plan_step(entry("Bùi Văn Khoa", "BCH"), &out).unwrap();
    s
}

fn plan_opts() -> PlanExport<'static> {
    PlanExport {
        term_code: "2030-2035",
        rating_year: 2025,
        as_of: today(),
    }
}

#[test]
fn plan_list_is_grouped_by_position_with_three_years_of_ratings() {
    let w = temp_ward();
    let s = reviewed_ward(&w);
    let out = w.dir.path().join("trích ngang 2030–2035.xlsx");
    let meta = ExportMeta {
        attached_to: Some("(Kèm theo Tờ trình số 05-TTr/ĐU ngày 20/11/2026)".into()),
    };
    let t = ExportKind::TrichNgang.default_template();
    let r = quyhoach::xlsx::export_plan_list(&s, &out, &t, &meta, &plan_opts()).unwrap();
    // 8 on BCH minus Khoa removed, 3+1 on BTV, 2 on BT, 2 on PBT-TT, 1 on CN-UBKT.
    assert_eq!(r.rows, 7 + 4 + 2 + 2 + 1);
    let (mut wb, range) = open_sheet(&out, "Trích ngang");
    // The title names the term (issue 12).
    assert_eq!(
        cell(&range, 3, 0),
        "DANH SÁCH TRÍCH NGANG CÁN BỘ QUY HOẠCH NHIỆM KỲ 2030 – 2035"
    );
    // Rating headers carry the years; the group spans the three columns.
    assert_eq!(cell(&range, 6, 16), "Đánh giá, xếp loại");
    assert_eq!(
        (
            cell(&range, 7, 16),
            cell(&range, 7, 17),
            cell(&range, 7, 18)
        ),
        ("Năm 2023".into(), "Năm 2024".into(), "Năm 2025".into())
    );
    let merged = wb.merge_cells_by_sheet_name("Trích ngang").unwrap();
    let spans: Vec<((u32, u32), (u32, u32))> = merged.iter().map(|d| (d.start, d.end)).collect();
    assert!(spans.contains(&((6, 16), (6, 18))), "{spans:?}");
    // Sections in rank order, each merged across the table, numbered I, II…
    let first_col = column(&range, 0);
    let sections: Vec<&String> = first_col.iter().filter(|t| t.contains(". ")).collect();
    let expected: Vec<String> = ["BT", "PBT-TT", "CN-UBKT", "BTV", "BCH"]
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "{}. {}",
                ["I", "II", "III", "IV", "V"][i],
                pos_name(&s, c).to_uppercase()
            )
        })
        .collect();
    let mut got: Vec<String> = sections.into_iter().cloned().collect();
    got.sort_by_key(|t| expected.iter().position(|e| e == t));
    assert_eq!(got, expected, "sections: {first_col:?}");
    let names = column(&range, 1);
    let btv = first_col.iter().position(|t| t == &expected[3]).unwrap();
    assert_eq!(
        names[btv + 1..btv + 5].to_vec(),
        vec![
            "Nguyễn Văn An",
            "Trần Thị Bình",
            "Đặng Thị Hạnh",
            "Phạm Thị Dung"
        ]
    );
    // Dung's row: born 20/11/1985 in the Nữ column, plan kind "Bổ sung", her 2024 rating missing.
    let dung = 9 + btv as u32 + 4;
    assert_eq!(cell(&range, dung, 2), "");
    match range.get_value((dung, 3)) {
        Some(Data::DateTime(_)) => {}
        other => panic!("birth date should be a date, got {other:?}"),
    }
    assert_eq!(cell(&range, dung, 17), "", "no rating for 2024");
    assert_eq!(
        (cell(&range, dung, 16), cell(&range, dung, 18)),
        ("HTT".into(), "HTT".into())
    );
    assert_eq!(cell(&range, dung, 19), pos_name(&s, "BTV"));
    assert_eq!(cell(&range, dung, 20), "Bổ sung");
    // Khoa was taken out: not listed under BCH.
    assert!(!names.iter().any(|n| n == "Bùi Văn Khoa"));
    // Total row counts the names, cached.
    assert_eq!(names.last().unwrap(), "16");
    // Print setup: A4 landscape, fit to width, header rows repeated, frozen header.
    let sheet = sheet_xml(&out, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"paperSize="9""#) && sheet.contains(r#"orientation="landscape""#));
    assert!(sheet.contains(r#"fitToHeight="0""#));
    assert!(sheet.contains(r#"<pane ySplit="9" topLeftCell="A10""#));
    assert!(sheet_xml(&out, "xl/workbook.xml").contains("$7:$9"));
}

#[test]
fn structure_table_counts_and_shares_with_formulas() {
    let w = temp_ward();
    let s = crate::common::scenario::build(&w);
    let out = w.dir.path().join("cơ cấu.xlsx");
    let t = ExportKind::CoCau.default_template();
    quyhoach::xlsx::export_structure(&s, &out, &t, &ExportMeta::default(), "2030-2035").unwrap();
    let (mut wb, range) = open_sheet(&out, "Cơ cấu chất lượng");
    let col = |key: &str| t.columns.iter().position(|c| c.key == key).unwrap() as u32;
    let names = column(&range, 1);
    let btv = 9 + names
        .iter()
        .position(|n| *n == pos_name(&s, "BTV"))
        .unwrap() as u32;
    let num = |row: u32, key: &str| match range.get_value((row, col(key))) {
        Some(Data::Float(x)) => *x,
        Some(Data::Int(x)) => *x as f64,
        other => panic!("{key}: {other:?}"),
    };
    // BTV plan: An (48 at 07/2030, Cao cấp, Tịnh Sơn), Bình (37, Trung cấp, Phổ Hòa),
    // Hạnh (41, Trung cấp, Đức Phong); all with a university degree.
    assert_eq!(num(btv, "total"), 3.0);
    assert_eq!(num(btv, "women"), 2.0);
    assert_eq!(num(btv, "young"), 1.0);
    assert_eq!(
        [
            "age_band_0",
            "age_band_1",
            "age_band_2",
            "age_band_3",
            "age_band_4",
            "age_band_5"
        ]
        .map(|k| num(btv, k)),
        [0.0, 1.0, 1.0, 1.0, 0.0, 0.0]
    );
    assert_eq!(num(btv, "prof_dai_hoc"), 3.0);
    assert_eq!(num(btv, "llct_cao_cap_cu_nhan"), 1.0);
    assert_eq!(num(btv, "llct_trung_cap"), 2.0);
    assert_eq!(
        (num(btv, "origin_local"), num(btv, "origin_other")),
        (1.0, 2.0)
    );
    // The share is a formula over the same row, with its value cached.
    let formulas = wb.worksheet_formula("Cơ cấu chất lượng").unwrap();
    let (tl, wl) = (
        quyhoach::report::table::column_letter(col("total") as u16),
        quyhoach::report::table::column_letter(col("women") as u16),
    );
    assert_eq!(
        formulas
            .get_value((btv, col("women_pct")))
            .cloned()
            .unwrap_or_default(),
        format!("IF({tl}{r}=0,0,{wl}{r}/{tl}{r})", r = btv + 1)
    );
    assert!((num(btv, "women_pct") - 2.0 / 3.0).abs() < 1e-9);
    // Total row: 8 people counted once each, 3 women = 37.5 %.
    let total = 9 + names.len() as u32 - 1;
    assert!(cell(&range, total, 1).starts_with("Tổng số (8 người"));
    assert_eq!(num(total, "total"), 8.0);
    assert_eq!(num(total, "women"), 3.0);
    assert_eq!(num(total, "women_pct"), 0.375);
    let styles = sheet_xml(&out, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="0.0%""#));
}

#[test]
fn review_result_and_training_gaps() {
    let w = temp_ward();
    let s = reviewed_ward(&w);
    let out = w.dir.path().join("rà soát 2026.xlsx");
    let t = ExportKind::RaSoat.default_template();
    let r = quyhoach::xlsx::export_review(&s, &out, &t, &ExportMeta::default(), &plan_opts(), 2026)
        .unwrap();
    assert_eq!(r.rows, 3);
    let (_, range) = open_sheet(&out, "Rà soát quy hoạch");
    assert_eq!(
        cell(&range, 3, 0),
        "KẾT QUẢ RÀ SOÁT, BỔ SUNG QUY HOẠCH CÁN BỘ NĂM 2026 NHIỆM KỲ 2030 – 2035"
    );
    let col = |key: &str| t.columns.iter().position(|c| c.key == key).unwrap() as u32;
    let rows: Vec<Vec<String>> = (9..17)
        .map(|row| {
            vec![
                cell(&range, row, 0),
                cell(&range, row, 1),
                cell(&range, row, col("decision")),
                cell(&range, row, col("reason")),
            ]
        })
        .collect();
    assert_eq!(rows[0][0], "I. BỔ SUNG VÀO QUY HOẠCH");
    assert_eq!(rows[1][..2], ["1".to_string(), "Phạm Thị Dung".into()]);
    assert_eq!(rows[2][0], "II. TIẾP TỤC QUY HOẠCH");
    assert_eq!(rows[3][1], "Đặng Thị Hạnh");
    assert_eq!(rows[4][0], "III. ĐƯA RA KHỎI QUY HOẠCH");
    assert_eq!(
        rows[5][1..],
        [
            "Bùi Văn Khoa".to_string(),
            "45-QĐ/ĐU ngày 12/11/2026".into(),
            "Chuyển công tác".into()
        ]
    );
    assert_eq!(rows[6][0], "Tổng số");
    assert_eq!(rows[6][1], "3");

    let out = w.dir.path().join("cần đào tạo.xlsx");
    let t = ExportKind::DaoTao.default_template();
    quyhoach::xlsx::export_training_gaps(&s, &out, &t, &ExportMeta::default(), &plan_opts())
        .unwrap();
    let (_, range) = open_sheet(&out, "Cần đào tạo");
    let lacks = t.columns.iter().position(|c| c.key == "lacks").unwrap() as u32;
    assert_eq!(cell(&range, 9, 1), "Phạm Thị Dung");
    assert_eq!(
        cell(&range, 9, lacks),
        "Lý luận chính trị: cần trung cấp trở lên (hiện Sơ cấp); Quản lý nhà nước: cần ngạch chuyên viên trở lên (hiện chưa có)"
    );
    assert_eq!(cell(&range, 9, 5), pos_name(&s, "PBT-TT"));
    // Added to the Standing Committee in the review, she lacks only the theory level there.
    assert_eq!(cell(&range, 10, 1), "Phạm Thị Dung");
    assert_eq!(cell(&range, 10, 5), pos_name(&s, "BTV"));
    assert_eq!(
        cell(&range, 10, lacks),
        "Lý luận chính trị: cần trung cấp trở lên (hiện Sơ cấp)"
    );
    assert_eq!(cell(&range, 11, 1), "Hoàng Văn Em");
    assert_eq!(
        cell(&range, 11, lacks),
        "Chuyên môn: cần đại học trở lên (hiện Cao đẳng)"
    );
    assert_eq!(
        (cell(&range, 12, 0), cell(&range, 12, 1)),
        ("Tổng số".into(), "3".into())
    );
}

#[test]
fn templates_of_each_kind_are_checked_and_an_empty_plan_exports() {
    let err = Template::from_json(
        r#"{"title":"X","sheet":"T","columns":[{"key":"group","header":"Nhóm"},{"key":"women_pct","header":"%"}]}"#,
        ExportKind::CoCau,
    )
    .unwrap_err();
    assert!(
        err.field_errors()[0]
            .message
            .contains("cần cả cột “women” và cột “total”"),
        "{err:?}"
    );
    assert!(Template::from_json(
        r#"{"title":"X","sheet":"T","columns":[{"key":"lacks","header":"Thiếu"}]}"#,
        ExportKind::CanBo
    )
    .is_err());
    // A term with no one planned: every plan export still writes a valid workbook.
    let w = temp_ward();
    let mut s = new_store(&w);
    add_party_term(&mut s, "2030-2035");
    for kind in [
        ExportKind::TrichNgang,
        ExportKind::CoCau,
        ExportKind::RaSoat,
        ExportKind::DaoTao,
    ] {
        let out = w.dir.path().join(format!("trống {}.xlsx", kind.code()));
        let t = kind.default_template();
        let meta = ExportMeta::default();
        let r = match kind {
            ExportKind::TrichNgang => {
                quyhoach::xlsx::export_plan_list(&s, &out, &t, &meta, &plan_opts())
            }
            ExportKind::CoCau => quyhoach::xlsx::export_structure(&s, &out, &t, &meta, "2030-2035"),
            ExportKind::RaSoat => {
                quyhoach::xlsx::export_review(&s, &out, &t, &meta, &plan_opts(), 2026)
            }
            _ => quyhoach::xlsx::export_training_gaps(&s, &out, &t, &meta, &plan_opts()),
        }
        .unwrap();
        assert_eq!(r.rows, 0, "{}", kind.code());
        let wb: Xlsx<_> = open_workbook(&out).unwrap();
        assert_eq!(wb.sheet_names().len(), 1);
    }
}

/// Issue 12: every export prints in LibreOffice (as in WPS) as in Excel: A4 landscape, the header
/// on every page, and no text printed over other text (rows are as tall as their wrapped text).
#[cfg_attr(windows, ignore = "LibreOffice and poppler run on the Linux side")]
#[test]
fn every_export_prints_in_libreoffice_with_no_text_over_text() {
    let w = temp_ward();
    let mut s = quyhoach::demo::create_demo(&w.path, PASS, 200).unwrap();
    s.set_today(today());
    // Long names and posts, as real lists have.
    let mut p = hoa();
    p.full_name = "Tôn Nữ Thị Phương Thảo Nguyên Hạnh".into();
    p.positions[1].title =
        "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường kiêm Chủ tịch Hội Liên hiệp Phụ nữ"
            .into();
    s.add_person(&p).unwrap();
    let dir = w.dir.path().join("Bảng tính");
    std::fs::create_dir_all(&dir).unwrap();
    let meta = ExportMeta {
        attached_to: Some(
            "(Kèm theo Tờ trình số 05-TTr/ĐU ngày 20/11/2026 của Ban Thường vụ Đảng ủy phường Hòa An)"
                .into(),
        ),
    };
    let mut files = Vec::new();
    for kind in [
        ExportKind::CanBo,
        ExportKind::TrichNgang,
        ExportKind::CoCau,
        ExportKind::RaSoat,
        ExportKind::DaoTao,
    ] {
        let out = dir.join(format!("{}.xlsx", kind.code()));
        let t = kind.default_template();
        let opts = PlanExport {
            term_code: "2030-2035",
            rating_year: 2025,
            as_of: today(),
        };
        match kind {
            ExportKind::CanBo => quyhoach::xlsx::export_people(&s, &out, &t, &meta),
            ExportKind::TrichNgang => quyhoach::xlsx::export_plan_list(&s, &out, &t, &meta, &opts),
            ExportKind::CoCau => quyhoach::xlsx::export_structure(&s, &out, &t, &meta, "2030-2035"),
            ExportKind::RaSoat => quyhoach::xlsx::export_review(&s, &out, &t, &meta, &opts, 2026),
            ExportKind::DaoTao => quyhoach::xlsx::export_training_gaps(&s, &out, &t, &meta, &opts),
        }
        .unwrap();
        files.push(out);
    }
    let pdfs = crate::common::print::libreoffice_pdf(&files, &dir);
    let mut report = Vec::new();
    for (pdf, xlsx) in pdfs.iter().zip(&files) {
        let pages = crate::common::print::word_boxes(pdf);
        assert!(!pages.is_empty(), "{}", pdf.display());
        for (i, page) in pages.iter().enumerate() {
            let (wd, ht, words) = (page.width, page.height, &page.words);
            assert!(
                (wd - 841.9).abs() < 2.0 && (ht - 595.3).abs() < 2.0,
                "{} trang {}: {wd}×{ht}, không phải A4 ngang",
                xlsx.display(),
                i + 1
            );
            // The column-number row of the header ("1 2 3 …") is on every page.
            let nums: Vec<&str> = words
                .iter()
                .map(|(_, t)| t.as_str())
                .filter(|t| *t == "1" || *t == "2" || *t == "3")
                .collect();
            assert!(
                nums.len() >= 3,
                "{} trang {}: thiếu dòng tiêu đề lặp lại",
                xlsx.display(),
                i + 1
            );
        }
        let over = crate::common::print::overprinted(&pages);
        report.push(format!(
            "{}: {} trang, {} chữ đè",
            xlsx.file_name().unwrap().to_string_lossy(),
            pages.len(),
            over.len()
        ));
        assert!(
            over.is_empty(),
            "{}: {:?}",
            xlsx.display(),
            &over[..over.len().min(10)]
        );
    }
    eprintln!("{}", report.join("\n"));
}

/// Writes `kind`'s workbook of the term 2030-2035 with template `t`.
fn export_kind(
    s: &quyhoach::Store,
    kind: ExportKind,
    t: &Template,
    out: &std::path::Path,
) -> quyhoach::Result<quyhoach::xlsx::ExportReport> {
    let meta = ExportMeta::default();
    let opts = PlanExport {
        term_code: "2030-2035",
        rating_year: 2025,
        as_of: today(),
    };
    match kind {
        ExportKind::CanBo => quyhoach::xlsx::export_people(s, out, t, &meta),
        ExportKind::TrichNgang => quyhoach::xlsx::export_plan_list(s, out, t, &meta, &opts),
        ExportKind::CoCau => quyhoach::xlsx::export_structure(s, out, t, &meta, "2030-2035"),
        ExportKind::RaSoat => quyhoach::xlsx::export_review(s, out, t, &meta, &opts, 2026),
        ExportKind::DaoTao => quyhoach::xlsx::export_training_gaps(s, out, t, &meta, &opts),
    }
}

/// Issue 22: a key a template may name is one some table computes. The shipped templates name
/// only keys their kind accepts; a template naming every key its kind accepts is written from
/// the demo ward; and a template made in code with a key that nothing computes is refused,
/// naming the key, instead of giving a silently empty column.
#[test]
fn every_key_a_template_may_name_is_computed() {
    let w = temp_ward();
    let mut s = quyhoach::demo::create_demo(&w.path, PASS, 60).unwrap();
    s.set_today(today());
    for kind in ExportKind::ALL {
        let accepted = kind.keys();
        for c in &kind.default_template().columns {
            let base = c.key.strip_suffix("_pct").unwrap_or(&c.key);
            assert!(accepted.contains(&base), "{}: {}", kind.code(), c.key);
        }
        // Every key the kind accepts (the age bands and the three age groups of the structure
        // table are the rule set's, checked against it when the table is made).
        let by_rules = |k: &str| k.starts_with("age_band_") || k.starts_with("group3_");
        let columns: Vec<serde_json::Value> = accepted
            .iter()
            .filter(|k| !(kind == ExportKind::CoCau && by_rules(k)))
            .map(|k| serde_json::json!({ "key": k, "header": k }))
            .collect();
        let json = serde_json::json!({ "title": "X", "sheet": "T", "columns": columns });
        let t = Template::from_json(&json.to_string(), kind).unwrap();
        let out = w.dir.path().join(format!("mọi cột {}.xlsx", kind.code()));
        export_kind(&s, kind, &t, &out).unwrap_or_else(|e| panic!("{}: {e}", kind.code()));
        let wb: Xlsx<_> = open_workbook(&out).unwrap();
        assert_eq!(wb.sheet_names().len(), 1);
        // A key nothing computes, put in a template without reading it from a file.
        if kind != ExportKind::CoCau {
            let mut t = kind.default_template();
            t.columns[1].key = "luong".into();
            let out = w.dir.path().join(format!("cột lạ {}.xlsx", kind.code()));
            let err = export_kind(&s, kind, &t, &out).unwrap_err();
            assert_eq!(
                err.field_errors()[0].field,
                "columns.key",
                "{}",
                kind.code()
            );
            assert!(err.field_errors()[0].message.contains("“luong”"), "{err}");
            assert!(!out.exists());
        }
    }
}
