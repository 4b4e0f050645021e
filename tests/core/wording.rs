//! Issue 21 §3, what the documents and lists say: the Tờ trình names its addressee in full from
//! the ward's settings, a target with nobody to count says so, rotation counts only leadership
//! posts and takes the ward's own basis, a programme's outcome records the post's own
//! organisation. Each read back from the document or the use case, with Vietnamese data.

use std::io::Read;
use std::path::Path;

use crate::common::*;
use crate::docs::{flat, request, text};
use quyhoach::docs::DocKind;
use quyhoach::Store;

/// The paragraphs of a .docx, one a line.
pub(crate) fn docx_text(docx: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    let mut rest = xml.as_str();
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').unwrap() + at;
        let tag = &rest[at + 1..end];
        if tag == "/w:p" {
            out.push('\n');
        }
        rest = &rest[end + 1..];
        if tag == "w:t" || tag.starts_with("w:t ") {
            let close = rest.find("</w:t>").unwrap();
            out.push_str(
                &rest[..close]
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
            );
            rest = &rest[close..];
        }
    }
    out
}

fn set_superior(s: &mut Store, superior: &str) {
    let mut u = s.unit().unwrap();
    u.superior_body = superior.into();
    s.set_unit(&u).unwrap();
}

/// The Tờ trình of the scenario as PDF text and as Word text.
fn to_trinh(w: &TempWard, s: &mut Store, name: &str) -> (String, String) {
    let mut req = request(DocKind::ToTrinh);
    req.issue = false;
    let pdf = w.dir.path().join(format!("{name}.pdf"));
    quyhoach::docs::save(s, &req, &pdf).unwrap();
    let docx = w.dir.path().join(format!("{name}.docx"));
    quyhoach::docs::save(s, &req, &docx).unwrap();
    (flat(&text(&pdf, None, "-raw")), docx_text(&docx))
}

#[cfg_attr(windows, ignore = "poppler runs on the Linux side")]
#[test]
fn the_to_trinh_names_the_superiors_standing_committee_in_full() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    // Every post of the plan approved by the catalogue's default, named without its place.
    for code in ["BCH", "BTV", "BT", "PBT-TT", "CN-UBKT"] {
        let mut p = s.position(code).unwrap();
        p.approving_body = "Ban Thường vụ Tỉnh ủy".into();
        s.save_position(&p).unwrap();
    }
    set_superior(&mut s, "Đảng bộ tỉnh Quảng Nam");
    let (pdf, docx) = to_trinh(&w, &mut s, "Tờ trình Quảng Nam");
    for t in [&pdf, &docx] {
        assert!(t.contains("ĐẢNG BỘ TỈNH QUẢNG NAM"), "{t}");
        assert!(
            t.contains("Kính trình: Ban Thường vụ Tỉnh ủy Quảng Nam"),
            "{t}"
        );
    }
    // A city: the default "Tỉnh ủy" of the catalogue is the city's Thành ủy.
    set_superior(&mut s, "Đảng bộ thành phố Đà Nẵng");
    let (pdf, docx) = to_trinh(&w, &mut s, "Tờ trình Đà Nẵng");
    for t in [&pdf, &docx] {
        assert!(t.contains("ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG"), "{t}");
        assert!(
            t.contains("Kính trình: Ban Thường vụ Thành ủy Đà Nẵng"),
            "{t}"
        );
        assert!(!t.contains("Ban Thường vụ Tỉnh ủy"), "{t}");
    }
    // The superior typed as its committee, capitals and the other placing of the mark.
    set_superior(&mut s, "Thành uỷ  Huế");
    let (pdf, _) = to_trinh(&w, &mut s, "Tờ trình Huế");
    assert!(
        pdf.contains("Kính trình: Ban Thường vụ Thành ủy Huế"),
        "{pdf}"
    );
    set_superior(&mut s, "ĐẢNG BỘ TỈNH QUẢNG NGÃI");
    let (pdf, _) = to_trinh(&w, &mut s, "Tờ trình Quảng Ngãi");
    assert!(
        pdf.contains("Kính trình: Ban Thường vụ Tỉnh ủy QUẢNG NGÃI"),
        "{pdf}"
    );
    // Posts with different approving bodies: the superior's standing committee, in full.
    let mut p = s.position("CN-UBKT").unwrap();
    p.approving_body = "Ban Thường vụ Đảng ủy".into();
    s.save_position(&p).unwrap();
    set_superior(&mut s, "Đảng bộ thành phố Đà Nẵng");
    let (pdf, _) = to_trinh(&w, &mut s, "Tờ trình hai cấp");
    assert!(
        pdf.contains("Kính trình: Ban Thường vụ Thành ủy Đà Nẵng"),
        "{pdf}"
    );
}

#[cfg_attr(windows, ignore = "poppler runs on the Linux side")]
#[test]
fn a_target_with_nobody_to_count_says_so_not_missed() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    // Nobody of the 2030–2035 plan is planned for Chủ tịch UBND.
    quyhoach::app::rules::add_target(
        &mut s,
        &quyhoach::app::rules::NewTarget {
            body: "CT-UBND".into(),
            indicator: "nu".into(),
            threshold: 0.4,
            strict: false,
            age_under: None,
            year: 2030,
            source: "Nghị quyết Đại hội Đảng bộ phường".into(),
        },
    )
    .unwrap();
    let r = quyhoach::app::plan::check(&s, "2030-2035", d("20/11/2026").earliest()).unwrap();
    let t = r
        .targets
        .iter()
        .find(|t| t.target.body == "CT-UBND")
        .unwrap();
    assert_eq!((t.count, t.of, t.counted, t.met), (0, 0, false, false));
    assert_eq!(t.verdict, "chưa có ai trong quy hoạch để tính");
    // The finding is a note that it cannot be assessed, not a target missed.
    assert!(r
        .findings
        .iter()
        .all(|f| !(f.rule == quyhoach::rules::codes::RuleCode::Target
            && f.message.contains("CT-UBND"))));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == quyhoach::rules::codes::RuleCode::TargetEmpty)
        .unwrap();
    assert_eq!(
        f.message,
        "Chỉ tiêu năm 2030: tỷ lệ nữ trong quy hoạch chức danh CT-UBND: chưa có ai trong quy hoạch để tính nên chưa đánh giá được."
    );
    // A target with people counted keeps its verdict.
    let women = r
        .targets
        .iter()
        .find(|t| t.target.body == "BCH" && t.target.indicator.code() == "nu")
        .unwrap();
    assert_eq!((women.counted, women.verdict.as_str()), (true, "đạt"));

    // The Tờ trình and the review report print it so, in PDF and in Word.
    for kind in [DocKind::ToTrinh, DocKind::BaoCaoRaSoat] {
        let mut req = request(kind);
        req.issue = false;
        let pdf = w.dir.path().join(format!("{}.pdf", kind.code()));
        quyhoach::docs::save(&mut s, &req, &pdf).unwrap();
        let docx = w.dir.path().join(format!("{}.docx", kind.code()));
        quyhoach::docs::save(&mut s, &req, &docx).unwrap();
        for t in [flat(&text(&pdf, None, "-raw")), docx_text(&docx)] {
            assert!(
                t.contains("- Tỷ lệ nữ trong quy hoạch chức danh CT-UBND năm 2030: chưa có ai trong quy hoạch để tính (chỉ tiêu từ 40% trở lên)."),
                "{t}"
            );
            assert!(!t.contains("0% (0/0)"), "{t}");
            assert!(t.contains("chỉ tiêu từ 20% trở lên: đạt."), "{t}");
        }
    }
}
