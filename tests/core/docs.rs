//! PDF documents in the Party layout (issue 4), parsed back with poppler's pdftotext and pdffonts:
//! exact Vietnamese text, embedded subset fonts, text inside the margins, page numbers from page 2,
//! the annex header on every page, rows never split, the number register and the signer rules.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use quyhoach::docs::{DocKind, DocRequest, DocText, Signer};
use quyhoach::model::plan::*;
use quyhoach::model::PositionHeld;
use quyhoach::Store;

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let mut cmd = Command::new(name);
    cmd.args(args).arg(pdf);
    if name == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils) is needed: {e}"));
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Text of one page (1-based), or all pages.
pub(crate) fn text(pdf: &Path, page: Option<usize>, mode: &str) -> String {
    let p = page.map(|p| p.to_string());
    let mut args = vec![mode];
    if let Some(p) = &p {
        args.extend(["-f", p, "-l", p]);
    }
    tool("pdftotext", &args, pdf)
}

/// Whitespace collapsed, so a name wrapped inside a table cell reads whole.
pub(crate) fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug)]
pub(crate) struct Word {
    pub page: usize,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub text: String,
}

pub(crate) struct Pages {
    pub sizes: Vec<(f32, f32)>,
    pub words: Vec<Word>,
}

fn attr(line: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    let start = line.find(&key).unwrap() + key.len();
    line[start..].split('"').next().unwrap().parse().unwrap()
}

/// Every word with its box, from `pdftotext -bbox`.
pub(crate) fn words(pdf: &Path) -> Pages {
    let html = tool("pdftotext", &["-bbox"], pdf);
    let mut sizes = Vec::new();
    let mut words = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            sizes.push((attr(line, "width"), attr(line, "height")));
        } else if line.starts_with("<word ") {
            let text = line
                .split('>')
                .nth(1)
                .unwrap()
                .trim_end_matches("</word")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
            words.push(Word {
                page: sizes.len(),
                x0: attr(line, "xMin"),
                y0: attr(line, "yMin"),
                x1: attr(line, "xMax"),
                y1: attr(line, "yMax"),
                text,
            });
        }
    }
    Pages { sizes, words }
}

const MM: f32 = 72.0 / 25.4;

/// All text inside the 20/20/30/15 mm margins, except the page numbers in the top margin.
pub(crate) fn assert_inside_margins(p: &Pages) {
    for w in &p.words {
        let (pw, ph) = p.sizes[w.page - 1];
        // (Which number each page carries is checked by `assert_page_numbers`.)
        let number = w.text.parse::<usize>().is_ok() && w.y1 < 20.0 * MM;
        if number {
            continue;
        }
        assert!(
            w.x0 >= 30.0 * MM - 0.5
                && w.x1 <= pw - 15.0 * MM + 0.5
                && w.y0 >= 20.0 * MM - 0.5
                && w.y1 <= ph - 20.0 * MM + 0.5,
            "“{}” on page {} at ({:.1}, {:.1})–({:.1}, {:.1}) is outside the margins of a {:.0}×{:.0} page",
            w.text,
            w.page,
            w.x0,
            w.y0,
            w.x1,
            w.y1,
            pw,
            ph
        );
    }
}

/// HD 05: the first page has no number; page n ≥ 2 has "n" centred with its top about
/// 10 mm from the top edge. Each annex (a change of orientation: the landscape annex of a
/// portrait letter) is numbered on its own: its first page unnumbered, then 2, 3 …
pub(crate) fn assert_page_numbers(p: &Pages) {
    let mut n = 0;
    for (i, (pw, ph)) in p.sizes.iter().enumerate() {
        let page = i + 1;
        let landscape = pw > ph;
        let new_section = i == 0 || (p.sizes[i - 1].0 > p.sizes[i - 1].1) != landscape;
        n = if new_section { 1 } else { n + 1 };
        let top: Vec<&Word> = p
            .words
            .iter()
            .filter(|w| w.page == page && w.y1 < 20.0 * MM)
            .collect();
        if n == 1 {
            assert!(
                top.is_empty(),
                "page {page} opens a section: no number: {top:?}"
            );
        } else {
            assert_eq!(top.len(), 1, "page {page}: {top:?}");
            assert_eq!(top[0].text, n.to_string(), "page {page}");
            let mid = (top[0].x0 + top[0].x1) / 2.0;
            assert!((mid - pw / 2.0).abs() < 2.0, "page {page} number centred");
            assert!(
                (top[0].y0 - 10.0 * MM).abs() < 1.5 * MM,
                "page {page}: number's top {:.1} mm from the edge",
                top[0].y0 / MM
            );
            // (Their size, 14 pt, is read with the fonts: `hd05::assert_numbers_in_14`.)
        }
    }
}

fn signer() -> Signer {
    Signer {
        on_behalf: "T/M Ban Thường vụ".into(),
        title: "Phó Bí thư".into(),
        name: "Nguyễn Văn Nho".into(),
    }
}

pub(crate) fn request(kind: DocKind) -> DocRequest {
    let mut r = DocRequest::new(kind, d("20/11/2026").earliest());
    // Lists and tables take no number of their own (issue 20 §2).
    r.issue = kind.type_code().is_some();
    r.term_code = Some("2030-2035".into());
    r.signer = Some(signer());
    r.recipients = Some(vec![
        "Ban Tổ chức Tỉnh ủy".into(),
        "Ủy ban Kiểm tra Tỉnh ủy".into(),
    ]);
    r
}

#[cfg_attr(
    windows,
    ignore = "poppler runs on the Linux side: scripts/test-windows.sh checks PDFs the Windows build wrote"
)]
#[test]
fn the_to_trinh_reads_back_exactly_in_the_party_layout() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    let mut req = request(DocKind::ToTrinh);
    req.number = Some(5);
    req.gap_reason = Some("Số 01–04 đã cấp trong sổ giấy".into());
    req.text = Some(DocText {
        opening: vec![
            "Căn cứ Quy định số 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị; Ở phường, việc kiểm tra, rà soát để bổ sung được thực hiện đúng quy trình;".into(),
        ],
        closing: vec![],
    });
    let out = w.dir.path().join("Văn bản").join("Tờ trình 05.pdf");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let made = quyhoach::docs::save(&mut s, &req, &out).unwrap();
    assert_eq!(made.number.as_deref(), Some("Số 05-TTr/ĐU"));

    // Fonts: the four faces used are embedded and subset, with a Unicode map.
    let fonts = tool("pdffonts", &[], &out);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for r in &rows {
        assert!(r.contains("LiberationSerif"), "{r}");
        let cols: Vec<&str> = r.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "emb sub uni: {r}"
        );
        assert!(
            cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+',
            "subset prefix: {r}"
        );
    }

    // Page 1: the frame, exactly.
    let p1 = text(&out, Some(1), "-layout");
    for line in [
        "ĐẢNG BỘ TỈNH QUẢNG NGÃI",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY PHƯỜNG PHỔ HÒA",
        "Số 05-TTr/ĐU",
        "Phổ Hòa, ngày 20 tháng 11 năm 2026",
        "TỜ TRÌNH",
        "đề nghị phê duyệt quy hoạch cán bộ nhiệm kỳ 2030 – 2035",
        "-----",
        "Kính trình: Ban Thường vụ Tỉnh ủy Quảng Ngãi",
        "I- DANH SÁCH GIỚI THIỆU QUY HOẠCH",
    ] {
        assert!(p1.contains(line), "page 1 lacks “{line}”:\n{p1}");
    }
    let all = flat(&text(&out, None, "-raw"));
    // Stacked marks extract exactly (ể, ặ, Ở), and the clerk's paragraph is there.
    assert!(
        all.contains("Ở phường, việc kiểm tra, rà soát để bổ sung"),
        "{all}"
    );
    assert!(all.contains(
        "Ủy viên Ban Thường vụ Đảng ủy: 3 đồng chí (Nguyễn Văn An, Trần Thị Bình, Đặng Thị Hạnh)."
    ));
    // Figures computed from the plan: 8 people, 3 women.
    assert!(all.contains("- Tổng số: 8 đồng chí"), "{all}");
    assert!(all.contains("nữ 3 đồng chí (37,5%)"));
    assert!(all.contains("Tỷ lệ nữ trong Ban Chấp hành (quy hoạch) năm 2030: 37,5% (3/8); chỉ tiêu từ 20% trở lên: đạt."));
    // Signature block and recipients.
    for t in [
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Nguyễn Văn Nho",
        "Nơi nhận:",
        "- Như trên;",
        "- Ban Tổ chức Tỉnh ủy;",
        "- Ủy ban Kiểm tra Tỉnh ủy;",
        "- Lưu Văn phòng Đảng ủy.",
    ] {
        assert!(all.contains(t), "lacks “{t}”");
    }
    // The annex names the document it belongs to.
    assert!(all.contains("Phụ lục DANH SÁCH TRÍCH NGANG CÁN BỘ QUY HOẠCH NHIỆM KỲ 2030 – 2035 (Kèm theo Tờ trình số 05-TTr/ĐU, ngày 20 tháng 11 năm 2026 của Ban Thường vụ Đảng ủy phường Phổ Hòa)"), "{all}");

    let pages = words(&out);
    assert_inside_margins(&pages);
    assert_page_numbers(&pages);
    // Portrait body, landscape annex.
    assert!(pages.sizes[0].0 < pages.sizes[0].1);
    assert!(pages.sizes.last().unwrap().0 > pages.sizes.last().unwrap().1);
    // The signature sits with the last lines of the body: the page ending "… xem xét, phê duyệt."
    // also holds the first signature.
    let last_body = pages
        .words
        .iter()
        .rfind(|w| w.text == "duyệt." && pages.sizes[w.page - 1].0 < pages.sizes[w.page - 1].1)
        .map(|w| w.page);
    let name = pages.words.iter().find(|w| w.text == "Nho").map(|w| w.page);
    assert!(last_body.is_some());
    assert_eq!(last_body, name);
}

/// A ward with `n` people all planned for the Executive Committee (long names included).
pub(crate) fn big_plan(w: &TempWard, n: usize) -> Store {
    let mut s = new_store(w);
    let mut people = quyhoach::demo::demo_people(n);
    people[0].full_name = "Tôn Nữ Thị Hoàng Phương Thảo Nguyên Ngọc Bích Huyền Trang".into();
    people[0].positions.push(PositionHeld {
        title: "Phó Chủ tịch Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường kiêm Trưởng Ban Công tác Mặt trận khu dân cư số 3".into(),
        organisation: String::new(),
        start: Some(d("01/2024")),
        end: None,
    });
    let ids = s.add_people(&people).unwrap();
    add_party_term(&mut s, "2030-2035");
    let ev = PlanEvent::new(PlanStep::Proposed, d("20/09/2026"));
    for id in ids {
        s.plan_person("2030-2035", "BCH", id, &ev).unwrap();
    }
    s
}

#[cfg_attr(
    windows,
    ignore = "poppler runs on the Linux side: scripts/test-windows.sh checks PDFs the Windows build wrote"
)]
#[test]
fn a_300_person_annex_repeats_its_header_and_never_splits_a_row() {
    let w = temp_ward();
    let mut s = big_plan(&w, 300);
    let out = w.dir.path().join("Tờ trình 300 người.pdf");
    let made = quyhoach::docs::save(&mut s, &request(DocKind::ToTrinh), &out).unwrap();
    assert_eq!(made.number.as_deref(), Some("Số 01-TTr/ĐU"));
    let pages = words(&out);
    assert_eq!(pages.sizes.len(), made.pages);
    assert_inside_margins(&pages);
    assert_page_numbers(&pages);
    let landscape: Vec<usize> = (1..=pages.sizes.len())
        .filter(|p| pages.sizes[p - 1].0 > pages.sizes[p - 1].1)
        .collect();
    assert!(landscape.len() >= 5, "{} annex pages", landscape.len());
    // Each annex page starts with the header and its column-number row.
    for &p in &landscape {
        let t = flat(&text(&out, Some(p), "-raw"));
        assert!(
            t.contains("TT Họ và tên Ngày sinh"),
            "page {p}: {}",
            &t[..200.min(t.len())]
        );
        assert!(
            t.contains("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22"),
            "page {p}"
        );
    }
    // Every person is listed once, whole, on one page: rows 1…300 in order across the pages,
    // and a row's words never spread over two pages.
    let all = flat(&text(&out, None, "-raw"));
    let st = s.list_people().unwrap();
    assert_eq!(st.len(), 300);
    for p in &st {
        assert!(
            all.contains(&format!(" {} ", p.full_name)),
            "{}",
            p.full_name
        );
    }
    // The TT column (left edge of the table), page by page, after each page's column-number "1":
    // 1…300 in order, each row whole on its page.
    let mut tts = Vec::new();
    for &p in &landscape {
        let mut column: Vec<&Word> = pages
            .words
            .iter()
            .filter(|w| w.page == p && w.x0 < 30.0 * MM + 15.0 && w.y0 > 20.0 * MM)
            .collect();
        column.sort_by(|a, b| a.y0.total_cmp(&b.y0));
        let on_page: Vec<usize> = column.iter().filter_map(|w| w.text.parse().ok()).collect();
        assert_eq!(
            on_page.first(),
            Some(&1),
            "page {p} starts with its column numbers"
        );
        tts.extend_from_slice(&on_page[1..]);
    }
    assert_eq!(tts, (1..=300).collect::<Vec<_>>());
    // (That no row splits is proven on the layout itself: pdf::table's unit test.)
    // The long name and title wrap inside their cells instead of overflowing (margins checked).
    assert!(all.contains("Trưởng Ban Công tác Mặt trận khu dân cư số 3"));
}

#[cfg_attr(
    windows,
    ignore = "poppler runs on the Linux side: scripts/test-windows.sh checks PDFs the Windows build wrote"
)]
#[test]
fn an_empty_plan_and_a_cv_lay_out() {
    let w = temp_ward();
    let mut s = new_store(&w);
    add_party_term(&mut s, "2030-2035");
    let id = s.add_person(&hoa()).unwrap();
    let out = w.dir.path().join("trống.pdf");
    quyhoach::docs::save(&mut s, &request(DocKind::ToTrinh), &out).unwrap();
    let all = flat(&text(&out, None, "-raw"));
    assert!(all.contains("Chưa có đồng chí nào được giới thiệu quy hoạch."));
    assert!(all.contains("Chưa có đồng chí nào trong quy hoạch."));
    assert_inside_margins(&words(&out));

    let mut cv = DocRequest::new(DocKind::LyLich, d("20/11/2026").earliest());
    cv.person_id = Some(id);
    let out = w.dir.path().join("Sơ yếu lý lịch Nguyễn Văn Hòa.pdf");
    let made = quyhoach::docs::save(&mut s, &cv, &out).unwrap();
    assert_eq!(made.number, None);
    let t = flat(&text(&out, None, "-raw"));
    for part in [
        "Mẫu 2C/TCTW-98",
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh: NGUYỄN VĂN HÒA",
        "2) Các tên gọi khác: Hòa Ểnh",
        "3) Sinh ngày 15 tháng 3 năm 1978",
        "4) Nơi sinh: Ở xã Phổ Thuận",
        "9) Số định danh cá nhân (CCCD): 051078001234",
        "Ngày vào Đảng: 19/05/2003",
        "- Lý luận chính trị: Cao cấp",
        "18) TÓM TẮT QUÁ TRÌNH CÔNG TÁC",
        "07/2015 – 30/06/2020 Phó Chủ tịch UBND, UBND phường Phổ Hòa",
        "01/07/2020 – nay Chủ tịch UBND, UBND phường Phổ Hòa",
        "NGƯỜI KHAI",
    ] {
        assert!(t.contains(part), "lacks “{part}”: {t}");
    }
    let pages = words(&out);
    assert_inside_margins(&pages);
    assert_page_numbers(&pages);
}

#[test]
fn the_number_register_and_the_signer_rules() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    let dir = w.dir.path();
    let save = |s: &mut Store, req: &DocRequest, name: &str| {
        quyhoach::docs::save(s, req, &dir.join(name)).map(|m| m.number)
    };
    // One Tờ trình a day (the same document issued again the same day keeps its number).
    let on = |date: &str| {
        let mut r = request(DocKind::ToTrinh);
        r.date = d(date).earliest();
        r
    };
    let r = request(DocKind::ToTrinh);
    assert_eq!(
        save(&mut s, &r, "1.pdf").unwrap().as_deref(),
        Some("Số 01-TTr/ĐU")
    );
    assert_eq!(
        save(&mut s, &on("21/11/2026"), "2.pdf").unwrap().as_deref(),
        Some("Số 02-TTr/ĐU")
    );
    // A number typed ahead leaves 03–08 blank, with the clerk's reason.
    let mut r9 = on("22/11/2026");
    r9.number = Some(9);
    r9.gap_reason = Some("Số 03–08 đã dùng trong sổ giấy".into());
    assert_eq!(
        save(&mut s, &r9, "9.pdf").unwrap().as_deref(),
        Some("Số 09-TTr/ĐU")
    );
    assert_eq!(
        save(&mut s, &on("23/11/2026"), "10.pdf")
            .unwrap()
            .as_deref(),
        Some("Số 10-TTr/ĐU")
    );
    // Another type counts on its own.
    let mut bc = request(DocKind::BaoCaoRaSoat);
    bc.signer = None; // remembered from the last document
    bc.recipients = None;
    assert_eq!(
        save(&mut s, &bc, "bc.pdf").unwrap().as_deref(),
        Some("Số 01-BC/ĐU")
    );
    // Never over an existing file.
    assert_eq!(save(&mut s, &r, "1.pdf").unwrap_err().code(), "file_exists");

    // K/T is for the Office only; a signer needs a name. Nothing is written.
    let mut kt = request(DocKind::ToTrinh);
    kt.signer = Some(Signer {
        on_behalf: "K/T Bí thư".into(),
        ..signer()
    });
    let err = save(&mut s, &kt, "kt.pdf").unwrap_err();
    assert!(
        err.field_errors()[0]
            .message
            .contains("“K/T” chỉ dùng cho Văn phòng"),
        "{err:?}"
    );
    let mut anon = request(DocKind::ToTrinh);
    anon.signer = Some(Signer {
        name: " ".into(),
        ..signer()
    });
    let err = save(&mut s, &anon, "anon.pdf").unwrap_err();
    assert_eq!(err.field_errors()[0].field, "signer.name");
    assert!(!dir.join("kt.pdf").exists() && !dir.join("anon.pdf").exists());
    assert_eq!(s.next_doc_number("TTr", "2025-2030").unwrap(), 11);
    // The signer and recipients were remembered.
    let st = quyhoach::docs::settings::settings(&s).unwrap();
    assert_eq!(st.signer.on_behalf, "T/M BAN THƯỜNG VỤ");
    assert_eq!(
        st.recipients["to-trinh"],
        vec!["Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"]
    );
}

#[cfg_attr(
    windows,
    ignore = "poppler runs on the Linux side: scripts/test-windows.sh checks PDFs the Windows build wrote"
)]
#[test]
fn review_report_structure_table_and_training_list() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    let lines = s.plan_lines("2030-2035").unwrap();
    let khoa = lines
        .iter()
        .find(|l| l.full_name == "Bùi Văn Khoa" && l.position_code == "BCH")
        .unwrap()
        .entry_id;
    let mut out_ev = PlanEvent::new(PlanStep::Removed, d("12/11/2026"));
    out_ev.review_year = Some(2026);
    out_ev.reason = Some(RemovalReason::Transferred);
    out_ev.decision_no = "45-QĐ/ĐU".into();
    out_ev.decision_date = Some(d("12/11/2026"));
    s.add_plan_step(khoa, &out_ev).unwrap();
    let out = w.dir.path().join("báo cáo rà soát 2026.pdf");
    quyhoach::docs::save(&mut s, &request(DocKind::BaoCaoRaSoat), &out).unwrap();
    let t = flat(&text(&out, None, "-raw"));
    assert!(
        t.contains(
            "BÁO CÁO kết quả rà soát, bổ sung quy hoạch cán bộ năm 2026, nhiệm kỳ 2030 – 2035"
        ),
        "{t}"
    );
    assert!(t.contains("3- Đưa ra khỏi quy hoạch: 1 lượt đồng chí: Bùi Văn Khoa (Ủy viên Ban Chấp hành Đảng bộ phường – chuyển công tác, 45-QĐ/ĐU)."), "{t}");
    assert!(t.contains("1- Bổ sung vào quy hoạch: 0 lượt đồng chí."));
    assert!(t.contains("- Tổng số: 7 đồng chí"), "Khoa no longer counts");
    assert!(
        !t.contains("- Như trên;"),
        "only a Tờ trình says “Như trên”"
    );
    assert_inside_margins(&words(&out));

    let out = w.dir.path().join("biểu cơ cấu.pdf");
    let mut req = request(DocKind::BieuCoCau);
    req.attached_to = Some("(Kèm theo Báo cáo số 01-BC/ĐU ngày 20/11/2026)".into());
    quyhoach::docs::save(&mut s, &req, &out).unwrap();
    let t = flat(&text(&out, None, "-raw"));
    assert!(t.contains("BIỂU TỔNG HỢP CƠ CẤU, CHẤT LƯỢNG CÁN BỘ QUY HOẠCH NHIỆM KỲ 2030 – 2035 (Kèm theo Báo cáo số 01-BC/ĐU ngày 20/11/2026)"), "{t}");
    assert!(t.contains("Tổng số (7 người"), "{t}");
    assert_inside_margins(&words(&out));

    let out = w.dir.path().join("cần đào tạo.pdf");
    quyhoach::docs::save(&mut s, &request(DocKind::DaoTao), &out).unwrap();
    let t = flat(&text(&out, None, "-raw"));
    assert!(
        t.contains("Lý luận chính trị: cần trung cấp trở lên (hiện Sơ cấp)"),
        "{t}"
    );
    assert!(t.contains("Chuyên môn: cần đại học trở lên (hiện Cao đẳng)"));
}

#[cfg_attr(
    windows,
    ignore = "poppler runs on the Linux side: scripts/test-windows.sh checks PDFs the Windows build wrote"
)]
#[test]
fn cli_doc_writes_a_pdf_and_names_bad_input() {
    let w = temp_ward();
    crate::common::scenario::build(&w).close().unwrap();
    let pass = pass_file(&w);
    let out = w.dir.path().join("tờ trình.pdf");
    let o = cli(
        &w,
        &pass,
        &[
            "doc",
            "to-trinh",
            "--term",
            "2030-2035",
            "--ngay",
            "05/01/2027",
            "--nguoi-ky",
            "Nguyễn Văn Nho",
            "--noi-nhan",
            "Ban Tổ chức Tỉnh ủy",
            "--issue",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Số 01-TTr/ĐU"));
    assert!(text(&out, Some(1), "-layout").contains("Phổ Hòa, ngày 05 tháng 01 năm 2027"));
    let o = cli(
        &w,
        &pass,
        &["doc", "to-trinh", "--ngay", "31/02/2027", "--out", "x.pdf"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Ngày văn bản"));
    let o = cli(&w, &pass, &["doc", "nghi-quyet", "--out", "x.pdf"]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("“nghi-quyet” không có")
            && e.contains("(to-trinh)")
            && e.contains("(bao-cao-ra-soat)"),
        "{e}"
    );
}

/// Issue 10 §2: a draft takes no number; issuing takes one; saving the issued document again
/// keeps it; a cancelled number is never given again.
#[cfg_attr(
    windows,
    ignore = "poppler runs on the Linux side: scripts/test-windows.sh checks PDFs the Windows build wrote"
)]
#[test]
fn drafts_take_no_number_and_an_issued_number_is_used_once() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    let dir = w.dir.path();
    let mut draft = request(DocKind::ToTrinh);
    draft.issue = false;
    let made = quyhoach::docs::save(&mut s, &draft, &dir.join("nháp.pdf")).unwrap();
    assert!(made.draft && made.number.is_none());
    let page1 = text(&dir.join("nháp.pdf"), Some(1), "-layout");
    assert!(flat(&page1).contains("Số -TTr/ĐU"), "{page1}");
    assert!(
        s.doc_register().unwrap().is_empty(),
        "a draft is not registered"
    );

    // Issued: 01. Saved again under its number (a reprint, the Word copy): still 01, one entry.
    let first =
        quyhoach::docs::save(&mut s, &request(DocKind::ToTrinh), &dir.join("01.pdf")).unwrap();
    assert_eq!(first.number.as_deref(), Some("Số 01-TTr/ĐU"));
    let mut again = request(DocKind::ToTrinh);
    again.number = first.number_value;
    let second = quyhoach::docs::save(&mut s, &again, &dir.join("01 in lại.pdf")).unwrap();
    assert_eq!(second.number.as_deref(), Some("Số 01-TTr/ĐU"));
    assert!(flat(&text(&dir.join("01 in lại.pdf"), Some(1), "-layout")).contains("Số 01-TTr/ĐU"));
    assert_eq!(s.doc_register().unwrap().len(), 1);

    // 02 (another Tờ trình, the next day) is issued, then cancelled with a reason; the next one
    // is 03 and 02 is refused.
    let on = |date: &str| {
        let mut r = request(DocKind::ToTrinh);
        r.date = d(date).earliest();
        r
    };
    let two = quyhoach::docs::save(&mut s, &on("21/11/2026"), &dir.join("02.pdf")).unwrap();
    assert_eq!(two.number.as_deref(), Some("Số 02-TTr/ĐU"));
    let err =
        quyhoach::docs::settings::cancel_number(&mut s, "TTr", "2025-2030", 2, "  ").unwrap_err();
    assert_eq!(err.field_errors()[0].field, "reason");
    let c = quyhoach::docs::settings::cancel_number(
        &mut s,
        "TTr",
        "2025-2030",
        2,
        "Văn bản không ban hành",
    )
    .unwrap();
    assert_eq!(c.cancel_reason.as_deref(), Some("Văn bản không ban hành"));
    let three = quyhoach::docs::save(&mut s, &on("22/11/2026"), &dir.join("03.pdf")).unwrap();
    assert_eq!(three.number.as_deref(), Some("Số 03-TTr/ĐU"));
    let mut reuse = on("21/11/2026");
    reuse.number = Some(2);
    let err = quyhoach::docs::save(&mut s, &reuse, &dir.join("02 lại.pdf")).unwrap_err();
    assert_eq!(err.field_errors()[0].rule, "cancelled");
    assert!(err.field_errors()[0]
        .message
        .contains("không được dùng lại"));
    assert!(!dir.join("02 lại.pdf").exists());
    let err = quyhoach::docs::settings::cancel_number(&mut s, "TTr", "2025-2030", 2, "lần nữa")
        .unwrap_err();
    assert_eq!(err.field_errors()[0].rule, "cancelled");

    // The register: number, date, type, summary; newest first; the cancelled one kept.
    let reg = s.doc_register().unwrap();
    let texts: Vec<&str> = reg.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["Số 03-TTr/ĐU", "Số 02-TTr/ĐU", "Số 01-TTr/ĐU"]);
    assert_eq!(reg[0].date, "2026-11-22");
    assert_eq!(reg[0].kind, "to-trinh");
    assert!(
        reg[0].summary.contains("nhiệm kỳ 2030-2035"),
        "{:?}",
        reg[0]
    );
    assert!(reg[1].cancelled_at.is_some() && reg[0].cancelled_at.is_none());
    assert_eq!(s.next_doc_number("TTr", "2025-2030").unwrap(), 4);
}

#[test]
fn cli_doc_writes_a_draft_unless_issued_and_keeps_the_register() {
    let w = temp_ward();
    crate::common::scenario::build(&w).close().unwrap();
    let pass = pass_file(&w);
    let out = |n: &str| w.dir.path().join(n).to_str().unwrap().to_string();
    let base = [
        "doc",
        "to-trinh",
        "--term",
        "2030-2035",
        "--ngay",
        "05/01/2027",
        "--nguoi-ky",
        "Nguyễn Văn Nho",
    ];
    let run = |extra: &[&str]| {
        let mut a: Vec<&str> = base.to_vec();
        a.extend_from_slice(extra);
        cli(&w, &pass, &a)
    };
    let o = run(&["--out", &out("nháp.pdf")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bản nháp"));
    let o = run(&["--issue", "--out", &out("số 1.pdf")]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("Số 01-TTr/ĐU"), "{err}");
    // The scenario's plan has a violation: the clerk is told before the number is used.
    assert!(err.contains("chưa đúng quy định"), "{err}");
    let o = run(&["--issue", "--so", "1", "--out", &out("số 1 bản 2.pdf")]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("Số 01-TTr/ĐU"));
    let o = cli(
        &w,
        &pass,
        &[
            "register",
            "cancel",
            "--loai",
            "TTr",
            "--nhiem-ky",
            "2025-2030",
            "--so",
            "1",
            "--ly-do",
            "Soạn lại",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = cli(&w, &pass, &["register", "list", "--json"]);
    let reg: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(reg.as_array().unwrap().len(), 1);
    assert_eq!(reg[0]["cancel_reason"], "Soạn lại");
    let o = run(&["--issue", "--out", &out("số 2.pdf")]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("Số 02-TTr/ĐU"));
}

/// Issue 11: where Times New Roman is installed (Windows) documents use it and embed it; the
/// layout holds with either font. Here a serif with Vietnamese letters stands in for it through
/// `QUYHOACH_FONTS_DIR` (under the names Windows gives Times New Roman's files).
#[cfg_attr(
    windows,
    ignore = "poppler runs on the Linux side: scripts/test-windows.sh checks PDFs the Windows build wrote"
)]
#[test]
fn an_installed_times_new_roman_is_preferred_and_embedded() {
    let w = temp_ward();
    crate::common::scenario::build(&w).close().unwrap();
    let pass = pass_file(&w);
    let fonts = w.dir.path().join("Phông chữ Windows");
    std::fs::create_dir_all(&fonts).unwrap();
    let src = Path::new("/usr/share/fonts/truetype/dejavu");
    for (from, to) in [
        ("DejaVuSerif.ttf", "times.ttf"),
        ("DejaVuSerif-Bold.ttf", "timesbd.ttf"),
        ("DejaVuSerif-Italic.ttf", "timesi.ttf"),
        ("DejaVuSerif-BoldItalic.ttf", "timesbi.ttf"),
    ] {
        std::fs::copy(src.join(from), fonts.join(to))
            .unwrap_or_else(|e| panic!("fonts-dejavu-core is needed ({from}): {e}"));
    }
    // The CLI with the fonts folder of a Windows PC.
    let run_with_fonts = |args: &[&str], out: &Path| {
        let o = Command::new(env!("CARGO_BIN_EXE_quyhoach"))
            .env("QUYHOACH_FONTS_DIR", &fonts)
            .arg("--db")
            .arg(&w.path)
            .arg("--passphrase-file")
            .arg(&pass)
            .args(args)
            .arg("--out")
            .arg(out)
            .run();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let out = w.dir.path().join("Tờ trình phông hệ thống.pdf");
    run_with_fonts(
        &[
            "doc",
            "to-trinh",
            "--term",
            "2030-2035",
            "--ngay",
            "05/01/2027",
            "--nguoi-ky",
            "Nguyễn Văn Nho",
        ],
        &out,
    );
    let fonts_used = tool("pdffonts", &[], &out);
    assert!(fonts_used.contains("DejaVuSerif"), "{fonts_used}");
    assert!(!fonts_used.contains("Liberation"), "{fonts_used}");
    let pages = words(&out);
    assert_inside_margins(&pages);
    assert_page_numbers(&pages);
    let page1 = flat(&text(&out, Some(1), "-layout"));
    // A wider font wraps the date line in its column; the words are all there.
    assert!(page1.contains("ngày 05 tháng 01 năm"), "{page1}");
    // A folder without the four files: the bundled Liberation Serif, as before.
    std::fs::remove_file(fonts.join("timesbi.ttf")).unwrap();
    let out2 = w.dir.path().join("Tờ trình phông có sẵn.pdf");
    run_with_fonts(&["doc", "bieu-co-cau", "--term", "2030-2035"], &out2);
    assert!(tool("pdffonts", &[], &out2).contains("LiberationSerif"));
}

/// Issue 22: each kind is described once (`DocKind::spec`), and its description names the
/// request's fields it reads: setting any other field leaves the document byte for byte the
/// same, in PDF and in Word.
#[test]
fn each_kind_reads_only_the_fields_its_description_names() {
    use quyhoach::docs::{DocFormat, Field};
    let w = temp_ward();
    let mut s = quyhoach::demo::create_demo(&w.path, PASS, 60).unwrap();
    s.set_today(today());
    let all = [
        Field::Term,
        Field::Year,
        Field::Person,
        Field::Programme,
        Field::ApprovingBody,
        Field::AttachedTo,
        Field::Horizon,
    ];
    for &kind in DocKind::ALL {
        let spec = kind.spec();
        let mut base = DocRequest::new(kind, d("20/11/2026").earliest());
        base.signer = Some(signer());
        base.term_code = spec
            .fields
            .contains(&Field::Term)
            .then(|| "2030-2035".into());
        base.person_id = spec.fields.contains(&Field::Person).then_some(1);
        base.programme_id = spec.fields.contains(&Field::Programme).then_some(1);
        // Under wine the PDFs are read on the Linux side (poppler), the Word files here.
        let formats: &[DocFormat] = if cfg!(windows) {
            &[DocFormat::Docx]
        } else {
            &[DocFormat::Pdf, DocFormat::Docx]
        };
        for &format in formats {
            base.format = Some(format);
            // A PDF carries random font and document identifiers: compared by its laid-out text.
            let seen = |bytes: Vec<u8>| match format {
                DocFormat::Pdf => {
                    let file = w.dir.path().join("so-sanh.pdf");
                    std::fs::write(&file, &bytes).unwrap();
                    text(&file, None, "-layout").into_bytes()
                }
                DocFormat::Docx => bytes,
            };
            let made = seen(
                quyhoach::docs::make(&s, &base)
                    .unwrap_or_else(|e| panic!("{}: {e}", kind.code()))
                    .bytes,
            );
            for field in all.iter().filter(|f| !spec.fields.contains(f)) {
                let mut other = base.clone();
                match field {
                    Field::Term => other.term_code = Some("2030-2035".into()),
                    Field::Year => other.year = 2020,
                    Field::Person => other.person_id = Some(2),
                    Field::Programme => other.programme_id = Some(1),
                    Field::ApprovingBody => {
                        other.approving_body = Some("Ban Thường vụ Thành ủy".into())
                    }
                    Field::AttachedTo => other.attached_to = Some("(Kèm theo Tờ trình)".into()),
                    Field::Horizon => other.horizon = Some(5),
                }
                let again = seen(
                    quyhoach::docs::make(&s, &other)
                        .unwrap_or_else(|e| panic!("{} {field:?}: {e}", kind.code()))
                        .bytes,
                );
                assert!(
                    again == made,
                    "{} ({format:?}) changes with {field:?}, which its description does not name",
                    kind.code()
                );
            }
        }
    }
}
