//! Issue 13 item 4: documents are described as a model (sections of blocks) that the PDF and the
//! Word renderers print, and an annex is the same report table the Excel export writes.

use crate::common::*;
use quyhoach::docs::{DocKind, DocRequest, Signer};
use quyhoach::document::{Block, Orientation};
use quyhoach::report::table::{CellAlign, Row};
use quyhoach::report::ExportKind;

fn to_trinh() -> DocRequest {
    let mut r = DocRequest::new(DocKind::ToTrinh, d("20/11/2026").earliest());
    r.issue = true;
    r.number = Some(7);
    r.term_code = Some("2030-2035".into());
    r.signer = Some(Signer {
        on_behalf: "T/M Ban Thường vụ".into(),
        title: "Bí thư".into(),
        name: "Lê Thị Ánh Tuyết".into(),
    });
    r.recipients = Some(vec!["Ban Tổ chức Tỉnh ủy".into()]);
    r
}

#[test]
fn a_to_trinh_is_described_as_sections_of_blocks() {
    let w = temp_ward();
    let s = crate::common::scenario::build(&w);
    let doc = quyhoach::docs::describe(&s, &to_trinh()).unwrap();
    assert_eq!(doc.sections.len(), 2, "the letter and its annex");
    let (main, annex) = (&doc.sections[0], &doc.sections[1]);
    assert_eq!(main.orientation, Orientation::Portrait);
    assert_eq!(annex.orientation, Orientation::Landscape);
    assert!(!main.numbers.on_first_page, "page 1 is not numbered");
    // The header first, the signature last, with the recipients beside it.
    let Block::Header(h) = &main.blocks[0] else {
        panic!("{:?}", main.blocks[0])
    };
    assert_eq!(h.issuer, "ĐẢNG ỦY PHƯỜNG PHỔ HÒA");
    assert_eq!(h.number.as_deref(), Some("Số 07-TTr/ĐU"));
    assert_eq!(h.place_date, "Phổ Hòa, ngày 20 tháng 11 năm 2026");
    let Some(Block::Signature(sig)) = main.blocks.last() else {
        panic!("{:?}", main.blocks.last())
    };
    assert_eq!(sig.name, "Lê Thị Ánh Tuyết");
    assert_eq!(sig.on_behalf, "T/M BAN THƯỜNG VỤ");
    assert_eq!(sig.recipients.last().unwrap(), "- Lưu Văn phòng Đảng ủy.");
    // The paragraph before the signature keeps its last lines with it.
    let Block::Paragraph(last) = &main.blocks[main.blocks.len() - 2] else {
        panic!()
    };
    assert!(last.keep_with_next, "{:?}", last.text());
    // The annex table keeps its last row with the annex's signature.
    let table = annex
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("the annex holds a table");
    assert!(table.keep_with_next && table.number_row);
    assert!(matches!(annex.blocks.last(), Some(Block::Signature(s)) if s.recipients.is_empty()));

    // The annex is the Excel export's table: same columns, groups and cells.
    let data = s.plan_data("2030-2035").unwrap();
    let excel = quyhoach::report::plan::plan_list_rows(
        &data,
        &ExportKind::TrichNgang.default_template(),
        2025,
    )
    .unwrap();
    assert_eq!(table.table, excel);
    assert!(excel
        .columns
        .iter()
        .any(|c| c.group.as_deref() == Some("Ngày sinh")));
    let name = excel
        .columns
        .iter()
        .position(|c| c.key == "full_name")
        .unwrap();
    assert_eq!(excel.columns[name].align, CellAlign::Left);
    assert!(excel.rows.iter().any(|r| matches!(r,
        Row::Data(cells) if cells[name].display() == "Nguyễn Văn An")));
    let (cells, two_rows) = excel.header_cells();
    assert!(two_rows);
    assert!(cells
        .iter()
        .any(|c| c.text == "Ngày sinh" && c.last == c.first + 1 && c.rows == 1));
}
