//! Issue 14, the documents under Hướng dẫn 05-HD/VPTW (27/5/2026): "Kính trình", recipients in
//! 12 pt ending ";" and ".", the sizes of the type name, summary and signature, the body's exact
//! line spacing, the annex opening with "Phụ lục" and numbered on its own, and the ward's
//! settings (tone placement in headings, mirrored margins). Read back from the PDFs with poppler
//! (`pdftohtml -xml`: each line's position, size, bold and italic).

use std::path::Path;

use crate::common::*;
use quyhoach::docs::{DocKind, DocRequest, DocText, Signer, TonePlacement};
use quyhoach::Store;

pub const MM: f32 = 72.0 / 25.4;

/// A line of text as poppler reads it back, in points from the page's top-left corner.
#[derive(Debug, Clone)]
pub struct TextLine {
    pub page: usize,
    pub top: f32,
    pub left: f32,
    pub width: f32,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub text: String,
}

/// The pages' sizes and their lines of text, with fonts, from `pdftohtml -xml`.
pub fn text_lines(pdf: &Path) -> (Vec<(f32, f32)>, Vec<TextLine>) {
    let out = std::process::Command::new("pdftohtml")
        .args(["-xml", "-i", "-zoom", "1", "-stdout"])
        .arg(pdf)
        .output()
        .unwrap_or_else(|e| panic!("pdftohtml (poppler-utils) is needed: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> String {
        let k = format!(" {name}=\"");
        let i = tag.find(&k).unwrap_or_else(|| panic!("{name} in {tag}")) + k.len();
        tag[i..i + tag[i..].find('"').unwrap()].to_string()
    };
    let num = |tag: &str, name: &str| attr(tag, name).parse::<f32>().unwrap();
    let mut sizes = Vec::new();
    let mut fonts = std::collections::HashMap::new();
    let mut lines = Vec::new();
    for l in xml.lines().map(str::trim) {
        if l.starts_with("<page ") {
            sizes.push((num(l, "width"), num(l, "height")));
        } else if l.starts_with("<fontspec ") {
            fonts.insert(attr(l, "id"), num(l, "size"));
        } else if l.starts_with("<text ") {
            let end = l.find('>').unwrap();
            let tag = &l[..end];
            let inner = &l[end + 1..l.rfind("</text>").unwrap()];
            let mut text = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            let text = text
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#34;", "\"");
            lines.push(TextLine {
                page: sizes.len(),
                top: num(tag, "top"),
                left: num(tag, "left"),
                width: num(tag, "width"),
                size: fonts[&attr(tag, "font")],
                bold: inner.contains("<b>"),
                italic: inner.contains("<i>"),
                text,
            });
        }
    }
    (sizes, lines)
}

/// The line whose text is `text` (whole), panicking with the page's lines if none.
pub fn line<'a>(lines: &'a [TextLine], text: &str) -> &'a TextLine {
    lines
        .iter()
        .find(|l| l.text.trim() == text)
        .unwrap_or_else(|| {
            let all: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
            panic!("no line “{text}” in {all:#?}")
        })
}

/// Every page number (the text above the top margin) is set in 14 pt.
pub fn assert_numbers_in_14(pdf: &Path) {
    let (_, lines) = text_lines(pdf);
    let numbers: Vec<&TextLine> = lines.iter().filter(|l| l.top < 20.0 * MM).collect();
    assert!(!numbers.is_empty(), "{} has page numbers", pdf.display());
    for n in numbers {
        assert!(
            n.size == 14.0 && !n.bold && !n.italic && n.text.parse::<usize>().is_ok(),
            "{n:?}"
        );
    }
}

pub fn to_trinh() -> DocRequest {
    let mut r = DocRequest::new(DocKind::ToTrinh, d("20/11/2026").earliest());
    r.issue = true;
    r.number = Some(5);
    r.gap_reason = Some("Số 01–04 đã cấp trong sổ giấy".into());
    r.term_code = Some("2030-2035".into());
    r.signer = Some(Signer {
        on_behalf: "T/M Ban Thường vụ".into(),
        title: "Phó Bí thư".into(),
        name: "Nguyễn Văn Nho".into(),
    });
    r.recipients = Some(vec![
        "Ban Tổ chức Tỉnh ủy".into(),
        "Ủy ban Kiểm tra Tỉnh ủy,".into(),
    ]);
    r.text = Some(DocText {
        opening: vec![
            "Căn cứ Quy định số 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị;".into(),
            "Căn cứ Hướng dẫn số 45-HD/BTCTW ngày 21/11/2025 của Ban Tổ chức Trung ương;".into(),
            "Ban Thường vụ Đảng ủy phường báo cáo kết quả như sau:".into(),
        ],
        closing: vec![],
    });
    r
}

fn save(s: &mut Store, dir: &Path, name: &str, req: &DocRequest) -> std::path::PathBuf {
    let out = dir.join(name);
    quyhoach::docs::save(s, req, &out).unwrap();
    out
}

#[cfg_attr(
    windows,
    ignore = "poppler runs on the Linux side: scripts/test-windows.sh checks PDFs the Windows build wrote"
)]
#[test]
fn a_to_trinh_follows_hd05() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    let out = save(&mut s, w.dir.path(), "Tờ trình HD 05.pdf", &to_trinh());
    assert_numbers_in_14(&out);
    let (sizes, lines) = text_lines(&out);
    let p1: Vec<TextLine> = lines.iter().filter(|l| l.page == 1).cloned().collect();

    // 12. Type name 16 bold, summary 14 bold.
    let name = line(&p1, "TỜ TRÌNH");
    assert!(name.bold && name.size == 16.0, "{name:?}");
    let summary = line(
        &p1,
        "đề nghị phê duyệt quy hoạch cán bộ nhiệm kỳ 2030 – 2035",
    );
    assert!(summary.bold && summary.size == 14.0, "{summary:?}");
    // 10. "Kính trình:" in 14 italic under the summary (and its five hyphens); no "Kính gửi".
    let to = line(&p1, "Kính trình:");
    assert!(to.italic && !to.bold && to.size == 14.0, "{to:?}");
    assert!(to.top > summary.top + 14.0, "under the summary");
    assert!(lines
        .iter()
        .any(|l| l.text.contains("Ban Thường vụ Tỉnh ủy Quảng Ngãi")
            && l.page == 1
            && (l.top - to.top).abs() < 1.0));
    assert!(!lines.iter().any(|l| l.text.contains("Kính gửi")));
    // 11. The last legal basis ends with "."; the one before keeps its ";".
    let all: String = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all.contains("của Ban Tổ chức Trung ương."), "{all}");
    assert!(all.contains("của Bộ Chính trị;"), "{all}");
    // 12. Body lines exactly 18 pt apart (the default of the ward setting).
    let basis = line(
        &p1,
        "Căn cứ Quy định số 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị;",
    );
    assert_eq!(basis.size, 14.0);
    let next = p1
        .iter()
        .find(|l| l.top > basis.top + 1.0 && l.text.starts_with("Căn cứ Hướng dẫn"))
        .unwrap();
    // One line of the first basis, 6 pt after it: 18 + 6 between the two.
    assert!(
        (next.top - basis.top - 24.0).abs() < 1.0,
        "{basis:?} {next:?}"
    );
    let wrapped = p1
        .iter()
        .skip_while(|l| !l.text.starts_with("Căn cứ Hướng dẫn"))
        .take(2)
        .collect::<Vec<_>>();
    assert!(
        (wrapped[1].top - wrapped[0].top - 18.0).abs() < 1.0,
        "{wrapped:?}"
    );

    // 11/12. The signature: "T/M …" 14 bold, the post 14 not bold, the name 14 bold; recipients
    // in 12, each ending ";", the last "- Lưu Văn phòng Đảng ủy.".
    let letter: Vec<TextLine> = lines
        .iter()
        .filter(|l| sizes[l.page - 1].0 < sizes[l.page - 1].1)
        .cloned()
        .collect();
    let tm = line(&letter, "T/M BAN THƯỜNG VỤ");
    assert!(tm.bold && tm.size == 14.0);
    let post = line(&letter, "PHÓ BÍ THƯ");
    assert!(!post.bold && post.size == 14.0, "{post:?}");
    let signer = line(&letter, "Nguyễn Văn Nho");
    assert!(signer.bold && signer.size == 14.0);
    let heading = line(&letter, "Nơi nhận:");
    assert_eq!(heading.size, 14.0);
    let recipients: Vec<&TextLine> = letter
        .iter()
        .filter(|l| l.page == heading.page && l.top > heading.top && l.left < heading.left + 5.0)
        .collect();
    let texts: Vec<&str> = recipients.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "- Như trên;",
            "- Ban Tổ chức Tỉnh ủy;",
            "- Ủy ban Kiểm tra Tỉnh ủy;",
            "- Lưu Văn phòng Đảng ủy."
        ]
    );
    assert!(recipients.iter().all(|l| l.size == 12.0 && !l.bold));

    // 13. The annex opens with "Phụ lục" on its own centred line, the title under it, then the
    // line naming the Tờ trình; it is numbered on its own (checked page by page in docs.rs).
    let first_annex = (1..=sizes.len())
        .find(|&p| sizes[p - 1].0 > sizes[p - 1].1)
        .unwrap();
    let annex: Vec<TextLine> = lines
        .iter()
        .filter(|l| l.page == first_annex)
        .cloned()
        .collect();
    let label = line(&annex, "Phụ lục");
    let pw = sizes[first_annex - 1].0;
    let text_mid = (30.0 * MM + pw - 15.0 * MM) / 2.0;
    assert!(label.bold && (label.left + label.width / 2.0 - text_mid).abs() < 2.0);
    let title = line(
        &annex,
        "DANH SÁCH TRÍCH NGANG CÁN BỘ QUY HOẠCH NHIỆM KỲ 2030 – 2035",
    );
    assert!(title.top > label.top);
    let parent = line(
        &annex,
        "(Kèm theo Tờ trình số 05-TTr/ĐU, ngày 20 tháng 11 năm 2026 của Ban Thường vụ Đảng ủy phường Phổ Hòa)",
    );
    assert!(parent.italic && parent.top > title.top);
    assert!(
        !annex.iter().any(|l| l.top < 20.0 * MM),
        "the annex's first page has no number"
    );
}

#[cfg_attr(
    windows,
    ignore = "poppler runs on the Linux side: scripts/test-windows.sh checks PDFs the Windows build wrote"
)]
#[test]
fn the_ward_sets_line_spacing_tone_placement_and_two_sided_margins() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    // Defaults: "ỦY", 18 pt, single-sided.
    let st = quyhoach::docs::settings::settings(&s).unwrap();
    assert_eq!(st.layout.tone, TonePlacement::OnU);
    assert_eq!(st.layout.line_spacing, 18.0);
    assert!(!st.layout.mirrored);

    // Out of HD 05's range: refused, named in Vietnamese.
    let mut bad = st.clone();
    bad.layout.line_spacing = 24.0;
    let err = quyhoach::docs::settings::save_settings(&mut s, &bad).unwrap_err();
    assert!(
        err.field_errors()[0]
            .message
            .contains("Giãn dòng nội dung: phải từ 18 đến 22"),
        "{err:?}"
    );
    let mut bad = st.clone();
    bad.layout.type_name_size = 18.0;
    assert!(quyhoach::docs::settings::save_settings(&mut s, &bad).is_err());

    let mut set = st.clone();
    set.layout.line_spacing = 22.0;
    set.layout.type_name_size = 15.0;
    set.layout.tone = TonePlacement::OnY;
    set.layout.mirrored = true;
    quyhoach::docs::settings::save_settings(&mut s, &set).unwrap();
    s.close().unwrap();
    // Saved by the store: read again from the encrypted file.
    let mut s = reopen(&w);
    assert_eq!(
        quyhoach::docs::settings::settings(&s).unwrap().layout,
        set.layout
    );

    let mut req = to_trinh();
    req.signer = Some(Signer {
        on_behalf: "T/M Đảng ủy".into(),
        title: "Bí thư".into(),
        name: "Nguyễn Văn Nho".into(),
    });
    let out = save(&mut s, w.dir.path(), "Tờ trình in hai mặt.pdf", &req);
    let (sizes, lines) = text_lines(&out);
    // HD 05's own spelling in the headings: "ĐẢNG UỶ", "T/M ĐẢNG UỶ".
    assert!(line(&lines, "ĐẢNG UỶ PHƯỜNG PHỔ HÒA").bold);
    line(&lines, "T/M ĐẢNG UỶ");
    assert!(!lines.iter().any(|l| l.text.contains("ĐẢNG ỦY PHƯỜNG")));
    assert_eq!(line(&lines, "TỜ TRÌNH").size, 15.0);
    // Body lines 22 pt apart.
    let wrapped = lines
        .iter()
        .skip_while(|l| !l.text.starts_with("Căn cứ Hướng dẫn"))
        .take(2)
        .collect::<Vec<_>>();
    assert!(
        (wrapped[1].top - wrapped[0].top - 22.0).abs() < 1.0,
        "{wrapped:?}"
    );
    // Odd pages: left 30, right 15; even pages: left 15, right 30 (numbers aside).
    assert!(sizes.len() >= 4);
    for (i, (pw, _)) in sizes.iter().enumerate() {
        let page = i + 1;
        let text: Vec<&TextLine> = lines
            .iter()
            .filter(|l| l.page == page && l.top > 20.0 * MM)
            .collect();
        let left = text.iter().map(|l| l.left).fold(f32::MAX, f32::min);
        let right = text.iter().map(|l| l.left + l.width).fold(0.0, f32::max);
        let (l_mm, r_mm) = if page % 2 == 0 {
            (15.0, 30.0)
        } else {
            (30.0, 15.0)
        };
        assert!(
            // (A table's text sits 2.5 pt inside its rules.)
            left >= l_mm * MM - 1.0 && left < l_mm * MM + 4.0 && right <= pw - r_mm * MM + 1.0,
            "page {page}: text from {:.1} to {:.1} mm, margins {l_mm}/{r_mm}",
            left / MM,
            (pw - right) / MM
        );
    }
}
