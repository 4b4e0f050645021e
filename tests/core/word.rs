//! Issue 15: every document also as an editable Word file (.docx), written from the same model as
//! the PDF. Each file is read back (zip + XML): sections (size, orientation, margins, numbering),
//! fonts and language, the PAGE field, the annex table's repeated header rows and merged cells,
//! and the Vietnamese text. LibreOffice then prints it, and that PDF passes the layout checks the
//! app's own PDF passes (margins, page numbers, the annex header on each page, no overprinting).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use quick_xml::XmlVersion;

use crate::common::print::{libreoffice_pdf, overprinted, word_boxes};
use crate::common::*;
use crate::docs::{
    assert_inside_margins, assert_page_numbers, big_plan, flat, request, text, words,
};
use quyhoach::docs::{DocFormat, DocKind};
use quyhoach::Store;

/// The parts of a .docx, by name.
fn parts(docx: &Path) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        assert_eq!(
            f.compression(),
            zip::CompressionMethod::Deflated,
            "{name} is compressed"
        );
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        out.insert(name, s);
    }
    out
}

/// An element of the XML, with its attributes and children (text kept in `text`).
#[derive(Debug, Default, Clone)]
struct El {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<El>,
    text: String,
}

impl El {
    fn parse(xml: &str) -> El {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut stack = vec![El::default()];
        let start = |e: &quick_xml::events::BytesStart| El {
            name: e.name().as_ref().to_string(),
            attrs: e
                .attributes()
                .map(|a| {
                    let a = a.unwrap();
                    (
                        a.key.as_ref().to_string(),
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .unwrap()
                            .to_string(),
                    )
                })
                .collect(),
            ..El::default()
        };
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => stack.push(start(&e)),
                Event::Empty(e) => {
                    let el = start(&e);
                    stack.last_mut().unwrap().children.push(el);
                }
                Event::End(_) => {
                    let el = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(el);
                }
                Event::Text(t) => stack
                    .last_mut()
                    .unwrap()
                    .text
                    .push_str(&t.xml_content(XmlVersion::Implicit1_0)),
                Event::GeneralRef(r) => {
                    if let Some(c) = r.resolve_char_ref().unwrap() {
                        stack.last_mut().unwrap().text.push(c);
                        continue;
                    }
                    let name = r.into_inner().to_string();
                    let c = match name.as_str() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("entity {other}"),
                    };
                    stack.last_mut().unwrap().text.push_str(c);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(stack.len(), 1, "well-formed");
        stack.pop().unwrap().children.remove(0)
    }

    /// Every descendant named `name`, in document order.
    fn all(&self, name: &str) -> Vec<&El> {
        let mut out = Vec::new();
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            out.extend(c.all(name));
        }
        out
    }

    fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    fn attr(&self, name: &str) -> &str {
        self.attrs.get(name).map(String::as_str).unwrap_or("")
    }

    /// The text of a paragraph (or anything): its w:t, w:br as a line break.
    fn text(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            match c.name.as_str() {
                "w:t" => s.push_str(&c.text),
                "w:br" => s.push('\n'),
                _ => s.push_str(&c.text()),
            }
        }
        s
    }
}

/// The children of these elements in the order ECMA-376's schema gives them (those the app
/// writes), so Word opens the file without offering to repair it.
const SCHEMA_ORDER: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:pBdr",
            "w:spacing",
            "w:ind",
            "w:jc",
            "w:rPr",
            "w:sectPr",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:sz", "w:szCs", "w:u", "w:lang",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:pgNumType",
            "w:titlePg",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblW",
            "w:jc",
            "w:tblInd",
            "w:tblBorders",
            "w:tblLayout",
            "w:tblCellMar",
        ],
    ),
    (
        "w:tcPr",
        &["w:tcW", "w:gridSpan", "w:vMerge", "w:tcBorders", "w:vAlign"],
    ),
    ("w:tbl", &["w:tblPr", "w:tblGrid", "w:tr"]),
    ("w:tr", &["w:trPr", "w:tc"]),
    ("w:tc", &["w:tcPr", "w:p", "w:tbl"]),
    ("w:p", &["w:pPr", "w:r"]),
    ("w:r", &["w:rPr", "w:br", "w:t", "w:fldChar", "w:instrText"]),
    (
        "w:settings",
        &[
            "w:zoom",
            "w:mirrorMargins",
            "w:defaultTabStop",
            "w:evenAndOddHeaders",
            "w:characterSpacingControl",
            "w:compat",
            "w:themeFontLang",
        ],
    ),
];

fn assert_schema_order(part: &str, el: &El) {
    if let Some((_, order)) = SCHEMA_ORDER.iter().find(|(n, _)| *n == el.name) {
        let mut last = 0;
        for c in &el.children {
            let i = order
                .iter()
                .position(|n| *n == c.name)
                .unwrap_or_else(|| panic!("{part}: unexpected {} in {}", c.name, el.name));
            // (A run's break and text alternate.)
            assert!(
                i >= last || el.name == "w:r",
                "{part}: {} after {} in {}",
                c.name,
                order[last],
                el.name
            );
            last = i;
        }
        if ["w:tc", "w:tbl"].contains(&el.name.as_str()) {
            assert!(el
                .children
                .iter()
                .any(|c| c.name == "w:p" || c.name == "w:tr"));
        }
    }
    for c in &el.children {
        assert_schema_order(part, c);
    }
}

fn save(s: &mut Store, req: &quyhoach::docs::DocRequest, out: &Path) -> quyhoach::docs::DocOutput {
    quyhoach::docs::save(s, req, out).unwrap()
}

const TWIPS_PER_MM: f32 = 1440.0 / 25.4;

fn twips(el: &El, attr: &str) -> f32 {
    el.attr(attr).parse::<f32>().unwrap()
}

#[cfg_attr(windows, ignore = "LibreOffice and poppler run on the Linux side")]
#[test]
fn a_to_trinh_as_word_reads_back_and_prints_like_the_pdf() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    let dir = w.dir.path().join("Văn bản Word");
    std::fs::create_dir_all(&dir).unwrap();
    let mut req = request(DocKind::ToTrinh);
    req.number = Some(5);
    req.gap_reason = Some("Số 01–04 đã cấp trong sổ giấy".into());
    let out = dir.join("Tờ trình 05.docx");
    let made = save(&mut s, &req, &out);
    assert_eq!(made.format, DocFormat::Docx);
    assert_eq!(made.number.as_deref(), Some("Số 05-TTr/ĐU"));
    let p = parts(&out);
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/header1.xml",
        "word/header2.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
    ] {
        assert!(p.contains_key(part), "{part} in {:?}", p.keys());
    }
    // Times New Roman named, Vietnamese, 14 pt by default; no images, no text boxes.
    let styles = El::parse(&p["word/styles.xml"]);
    let fonts = styles.all("w:rFonts")[0];
    for a in ["w:ascii", "w:hAnsi", "w:cs"] {
        assert_eq!(fonts.attr(a), "Times New Roman");
    }
    assert_eq!(styles.all("w:lang")[0].attr("w:val"), "vi-VN");
    assert!(!p.keys().any(|k| k.starts_with("word/media")));
    let doc_xml = &p["word/document.xml"];
    for banned in ["w:drawing", "w:pict", "w:txbxContent"] {
        assert!(!doc_xml.contains(banned), "{banned}");
    }

    let doc = El::parse(doc_xml);
    // Two sections: the letter (A4 portrait) and its annex (A4 landscape, numbered on its own).
    let sects = doc.all("w:sectPr");
    assert_eq!(sects.len(), 2);
    for (i, sect) in sects.iter().enumerate() {
        let size = sect.child("w:pgSz").unwrap();
        let (pw, ph) = (twips(size, "w:w"), twips(size, "w:h"));
        let (a, b) = if i == 0 {
            (210.0, 297.0)
        } else {
            (297.0, 210.0)
        };
        assert!((pw - a * TWIPS_PER_MM).abs() < 2.0 && (ph - b * TWIPS_PER_MM).abs() < 2.0);
        assert_eq!(size.attr("w:orient"), if i == 0 { "" } else { "landscape" });
        let m = sect.child("w:pgMar").unwrap();
        for (side, mm) in [
            ("w:top", 20.0),
            ("w:bottom", 20.0),
            ("w:left", 30.0),
            ("w:right", 15.0),
            ("w:header", 10.0),
        ] {
            assert!(
                (twips(m, side) - mm * TWIPS_PER_MM).abs() < 2.0,
                "section {i} {side}: {}",
                m.attr(side)
            );
        }
        // The first page of each section shows no number (titlePg, an empty first header).
        assert!(sect.child("w:titlePg").is_some(), "section {i}");
        let refs: Vec<(&str, &str)> = sect
            .all("w:headerReference")
            .iter()
            .map(|r| (r.attr("w:type"), r.attr("r:id")))
            .collect();
        assert_eq!(refs, [("default", "rId3"), ("first", "rId4")]);
    }
    assert!(sects[0].child("w:pgNumType").is_none());
    assert_eq!(sects[1].child("w:pgNumType").unwrap().attr("w:start"), "1");
    // The page number: a PAGE field in 14 pt, centred; the first-page header is empty.
    let numbered = El::parse(&p["word/header1.xml"]);
    assert_eq!(numbered.all("w:instrText")[0].text.trim(), "PAGE");
    assert_eq!(numbered.all("w:jc")[0].attr("w:val"), "center");
    assert_eq!(numbered.all("w:sz")[0].attr("w:val"), "28");
    assert!(El::parse(&p["word/header2.xml"]).all("w:t").is_empty());
    let rels = &p["word/_rels/document.xml.rels"];
    assert!(rels.contains(r#"Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml""#));

    // The Vietnamese text of the header, title, body, signature and recipients.
    let paras: Vec<String> = doc.all("w:p").iter().map(|p| p.text()).collect();
    for t in [
        "ĐẢNG BỘ TỈNH QUẢNG NGÃI",
        "ĐẢNG ỦY PHƯỜNG PHỔ HÒA",
        "*",
        "Số 05-TTr/ĐU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Phổ Hòa, ngày 20 tháng 11 năm 2026",
        "TỜ TRÌNH",
        "đề nghị phê duyệt quy hoạch cán bộ nhiệm kỳ 2030 – 2035",
        "-----",
        "Kính trình: Ban Thường vụ Tỉnh ủy Quảng Ngãi",
        "I- DANH SÁCH GIỚI THIỆU QUY HOẠCH",
        "Nơi nhận:",
        "- Như trên;",
        "- Ban Tổ chức Tỉnh ủy;",
        "- Ủy ban Kiểm tra Tỉnh ủy;",
        "- Lưu Văn phòng Đảng ủy.",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Nguyễn Văn Nho",
        "Phụ lục",
        "DANH SÁCH TRÍCH NGANG CÁN BỘ QUY HOẠCH NHIỆM KỲ 2030 – 2035",
        "(Kèm theo Tờ trình số 05-TTr/ĐU, ngày 20 tháng 11 năm 2026 của Ban Thường vụ Đảng ủy phường Phổ Hòa)",
    ] {
        assert!(paras.iter().any(|p| p == t), "no paragraph “{t}”");
    }
    assert!(paras.iter().any(|p| {
        p.starts_with(
        "- Ủy viên Ban Thường vụ Đảng ủy: 3 đồng chí (Nguyễn Văn An, Trần Thị Bình, Đặng Thị Hạnh)."
    )
    }));
    let para = |t: &str| {
        *doc.all("w:p")
            .iter()
            .find(|p| p.text() == t)
            .unwrap_or_else(|| panic!("{t}"))
    };
    // Runs: the Party's name bold 15 with its rule under it; the date italic; "Nơi nhận:"
    // underlined; the type name 16 bold; the post not bold.
    let party = para("ĐẢNG CỘNG SẢN VIỆT NAM");
    assert!(party.all("w:b").len() == 1 && party.all("w:sz")[0].attr("w:val") == "30");
    assert_eq!(
        party.all("w:pBdr")[0]
            .child("w:bottom")
            .unwrap()
            .attr("w:val"),
        "single"
    );
    assert_eq!(
        para("Phổ Hòa, ngày 20 tháng 11 năm 2026").all("w:i").len(),
        1
    );
    assert_eq!(para("Nơi nhận:").all("w:u")[0].attr("w:val"), "single");
    let name = para("TỜ TRÌNH");
    assert!(!name.all("w:b").is_empty() && name.all("w:sz")[0].attr("w:val") == "32");
    assert!(para("PHÓ BÍ THƯ").all("w:b").is_empty());
    assert_eq!(
        para("- Lưu Văn phòng Đảng ủy.").all("w:sz")[0].attr("w:val"),
        "24"
    );
    // The body: justified, first line indented 10 mm, exactly 18 pt between lines.
    let body = doc
        .all("w:p")
        .into_iter()
        .find(|p| p.text().starts_with("Căn cứ "))
        .unwrap();
    assert_eq!(body.all("w:jc")[0].attr("w:val"), "both");
    assert!((twips(body.all("w:ind")[0], "w:firstLine") - 10.0 * TWIPS_PER_MM).abs() < 2.0);
    let spacing = body.all("w:spacing")[0];
    assert_eq!(
        (spacing.attr("w:line"), spacing.attr("w:lineRule")),
        ("360", "exact")
    );
    // The header and the signature are borderless tables of two columns.
    let tables = doc.all("w:tbl");
    let head = tables[0];
    assert_eq!(head.all("w:gridCol").len(), 2);
    assert_eq!(
        head.child("w:tblPr").unwrap().all("w:top")[0].attr("w:val"),
        "nil"
    );

    // The annex table: two header rows (a group merged across its columns, the others merged
    // down) and the column-number row, all three repeated on every page; no row splits.
    let annex = tables
        .iter()
        .find(|t| t.all("w:gridCol").len() == 22)
        .expect("the 22-column annex");
    let rows = annex.all("w:tr");
    for (i, r) in rows.iter().enumerate() {
        let pr = r.child("w:trPr").unwrap();
        assert!(pr.child("w:cantSplit").is_some(), "row {i} never splits");
        assert_eq!(pr.child("w:tblHeader").is_some(), i < 3, "row {i}");
    }
    let first = rows[0];
    let birth = first
        .all("w:tc")
        .into_iter()
        .find(|c| c.text() == "Ngày sinh")
        .unwrap();
    assert_eq!(birth.all("w:gridSpan")[0].attr("w:val"), "2");
    let tt = first.all("w:tc")[0];
    assert_eq!(tt.text(), "TT");
    assert_eq!(tt.all("w:vMerge")[0].attr("w:val"), "restart");
    assert_eq!(
        rows[1].all("w:tc")[0].all("w:vMerge")[0].attr("w:val"),
        "continue"
    );
    let sub: Vec<String> = rows[1].all("w:tc").iter().map(|c| c.text()).collect();
    assert!(sub.contains(&"Nam".to_string()) && sub.contains(&"Nữ".to_string()));
    let numbers: Vec<String> = rows[2].all("w:tc").iter().map(|c| c.text()).collect();
    assert_eq!(numbers, (1..=22).map(|n| n.to_string()).collect::<Vec<_>>());
    let cells: Vec<String> = annex.all("w:tc").iter().map(|c| c.text()).collect();
    assert!(cells.contains(&"Nguyễn Văn An".to_string()));
    assert!(cells.contains(&"I. BÍ THƯ ĐẢNG ỦY".to_string()));

    // Printed by LibreOffice, it passes the app's own layout checks.
    let pdf = libreoffice_pdf(std::slice::from_ref(&out), &dir).remove(0);
    let pages = words(&pdf);
    assert_inside_margins(&pages);
    assert_page_numbers(&pages);
    crate::hd05::assert_numbers_in_14(&pdf);
    assert!(pages.sizes[0].0 < pages.sizes[0].1);
    assert!(pages.sizes.last().unwrap().0 > pages.sizes.last().unwrap().1);
    assert_eq!(overprinted(&word_boxes(&pdf)), Vec::<String>::new());
    let page1 = flat(&text(&pdf, Some(1), "-layout"));
    for t in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY PHƯỜNG PHỔ HÒA",
        "Số 05-TTr/ĐU",
        "Kính trình: Ban Thường vụ Tỉnh ủy Quảng Ngãi",
    ] {
        assert!(
            page1.contains(t),
            "LibreOffice's page 1 lacks “{t}”: {page1}"
        );
    }
}

#[cfg_attr(windows, ignore = "LibreOffice and poppler run on the Linux side")]
#[test]
fn every_kind_as_word_prints_inside_the_margins_and_a_long_annex_repeats_its_header() {
    let w = temp_ward();
    let mut s = big_plan(&w, 120);
    let id = s.add_person(&hoa()).unwrap();
    let dir = w.dir.path().to_path_buf();
    let mut files: Vec<PathBuf> = Vec::new();
    for kind in [
        DocKind::ToTrinh,
        DocKind::BaoCaoRaSoat,
        DocKind::BieuCoCau,
        DocKind::DaoTao,
        DocKind::LyLich,
    ] {
        let mut req = request(kind);
        req.person_id = Some(id);
        let out = dir.join(format!("{}.docx", kind.code()));
        save(&mut s, &req, &out);
        // Well-formed parts and a body that ends with its section.
        let p = parts(&out);
        let doc = El::parse(&p["word/document.xml"]);
        let body = doc.child("w:body").unwrap();
        assert_eq!(body.children.last().unwrap().name, "w:sectPr", "{kind:?}");
        for part in [
            "word/document.xml",
            "word/settings.xml",
            "word/header1.xml",
            "word/header3.xml",
        ] {
            assert_schema_order(part, &El::parse(&p[part]));
        }
        // Two tables never touch (Word would merge them): a paragraph stands between.
        for pair in body.children.windows(2) {
            assert!(
                !(pair[0].name == "w:tbl" && pair[1].name == "w:tbl"),
                "{kind:?}"
            );
        }
        files.push(out);
    }
    let pdfs = libreoffice_pdf(&files, &dir);
    for (pdf, file) in pdfs.iter().zip(&files) {
        let pages = words(pdf);
        assert_inside_margins(&pages);
        assert_page_numbers(&pages);
        assert_eq!(
            overprinted(&word_boxes(pdf)),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
    }
    // The Tờ trình's 120-row annex: every landscape page starts with the header and the
    // column numbers; everyone is listed.
    let pdf = &pdfs[0];
    let pages = words(pdf);
    let landscape: Vec<usize> = (1..=pages.sizes.len())
        .filter(|p| pages.sizes[p - 1].0 > pages.sizes[p - 1].1)
        .collect();
    assert!(landscape.len() >= 3, "{landscape:?}");
    for &p in &landscape {
        let t = flat(&text(pdf, Some(p), "-raw"));
        assert!(
            t.contains("Họ và tên"),
            "page {p}: {}",
            &t[..200.min(t.len())]
        );
        assert!(t.contains("Ngày sinh"), "page {p}");
        assert!(t.contains("19 20 21 22"), "page {p}: column numbers");
    }
    let all = flat(&text(pdf, None, "-raw"));
    for person in s.list_people().unwrap().iter().filter(|p| p.id != id) {
        assert!(all.contains(&person.full_name), "{}", person.full_name);
    }
}

#[test]
fn a_word_copy_takes_the_same_number_and_a_draft_none() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    let dir = w.dir.path();
    // Issued as a PDF: 01. Its Word copy under the same number: still 01, one register entry.
    let pdf = save(&mut s, &request(DocKind::ToTrinh), &dir.join("01.pdf"));
    assert_eq!(pdf.format, DocFormat::Pdf);
    let mut copy = request(DocKind::ToTrinh);
    copy.number = pdf.number_value;
    let word = save(&mut s, &copy, &dir.join("01.DOCX"));
    assert_eq!(word.format, DocFormat::Docx);
    assert_eq!(word.number.as_deref(), Some("Số 01-TTr/ĐU"));
    assert_eq!(s.doc_register().unwrap().len(), 1);
    assert!(parts(&dir.join("01.DOCX"))["word/document.xml"].contains("Số 01-TTr/ĐU"));
    // A Word file issued on its own (another Tờ trình, another day) takes the next number, as a
    // PDF would.
    let mut other = request(DocKind::ToTrinh);
    other.date = d("21/11/2026").earliest();
    let next = save(&mut s, &other, &dir.join("02.docx"));
    assert_eq!(next.number.as_deref(), Some("Số 02-TTr/ĐU"));
    assert_eq!(s.next_doc_number("TTr", "2025-2030").unwrap(), 3);
    // A draft in Word takes no number; its number is left blank.
    let mut draft = request(DocKind::ToTrinh);
    draft.issue = false;
    let made = save(&mut s, &draft, &dir.join("nháp.docx"));
    assert!(made.draft && made.number.is_none());
    assert!(parts(&dir.join("nháp.docx"))["word/document.xml"].contains("Số      -TTr/ĐU"));
    assert_eq!(s.doc_register().unwrap().len(), 2);
    // The format asked for wins over the file's ending; never over an existing file.
    let mut asked = request(DocKind::BieuCoCau);
    asked.format = Some(DocFormat::Docx);
    let made = save(&mut s, &asked, &dir.join("biểu cơ cấu.tai-lieu"));
    assert_eq!(made.format, DocFormat::Docx);
    assert!(parts(&dir.join("biểu cơ cấu.tai-lieu")).contains_key("word/document.xml"));
    let err =
        quyhoach::docs::save(&mut s, &request(DocKind::ToTrinh), &dir.join("02.docx")).unwrap_err();
    assert_eq!(err.code(), "file_exists");
    // Mirrored margins for two-sided printing reach Word too.
    let mut st = quyhoach::docs::settings::settings(&s).unwrap();
    st.layout.mirrored = true;
    quyhoach::docs::settings::save_settings(&mut s, &st).unwrap();
    save(
        &mut s,
        &request(DocKind::ToTrinh),
        &dir.join("hai mặt.docx"),
    );
    assert!(parts(&dir.join("hai mặt.docx"))["word/settings.xml"].contains("<w:mirrorMargins/>"));
}

/// The programme report (issue 16) is built on the same model, so it comes as Word too.
#[cfg_attr(windows, ignore = "LibreOffice and poppler run on the Linux side")]
#[test]
fn the_programme_report_as_word() {
    let w = temp_ward();
    let mut s = quyhoach::demo::create_demo(&w.path, PASS, quyhoach::demo::DEMO_SIZE).unwrap();
    let list = quyhoach::app::programmes::list(&s).unwrap();
    let mut req = quyhoach::docs::DocRequest::new(DocKind::BaoCaoDeAn, d("20/11/2026").earliest());
    req.programme_id = Some(list[0].id);
    req.signer = request(DocKind::ToTrinh).fields.signer;
    let out = w.dir.path().join("Báo cáo Đề án.docx");
    let made = save(&mut s, &req, &out);
    assert_eq!(made.format, DocFormat::Docx);
    let p = parts(&out);
    let doc = El::parse(&p["word/document.xml"]);
    assert_schema_order("word/document.xml", &doc);
    let paras: Vec<String> = doc.all("w:p").iter().map(|p| p.text()).collect();
    assert!(paras.iter().any(|t| t == "BÁO CÁO"), "{paras:?}");
    let programme = quyhoach::app::programmes::show(&s, list[0].id).unwrap();
    let cells: Vec<String> = doc.all("w:tc").iter().map(|c| c.text()).collect();
    for m in &programme.members {
        let name = s.person(m.person_id).unwrap().full_name;
        assert!(cells.contains(&name), "{name}");
    }
    let pdf = libreoffice_pdf(std::slice::from_ref(&out), w.dir.path()).remove(0);
    let pages = words(&pdf);
    assert_inside_margins(&pages);
    assert_page_numbers(&pages);
    assert_eq!(overprinted(&word_boxes(&pdf)), Vec::<String>::new());
}
