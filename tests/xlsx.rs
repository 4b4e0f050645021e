//! Excel export of the full cadre list, read back with calamine: cells, merged header cells,
//! real dates, the cached total, and (from the package XML) the print setup. (Issue 5, export part.)

mod common;

use std::io::Read;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;
use quyhoach::model::*;
use quyhoach::xlsx::{ExportMeta, Template};

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
    let r = s
        .export_people(&out, &Template::people_default(), &meta)
        .unwrap();
    assert_eq!(r.rows, 2);
    // Never overwrites.
    assert_eq!(
        s.export_people(&out, &Template::people_default(), &meta)
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
    assert_eq!(text(8, 17), "18");
    // Data in list order (Ánh before Hòa), with diacritics intact.
    assert_eq!(text(9, 1), "Lê Thị Ngọc Ánh");
    assert_eq!(text(9, 2), "", "a woman's birth date is in the Nữ column");
    assert_eq!(text(9, 3), "1990", "a year-only birth date stays text");
    assert_eq!(text(9, 11), "Thạc sĩ Quản lý công");
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
    assert!(spans.contains(&((3, 0), (3, 17))), "{spans:?}");
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
