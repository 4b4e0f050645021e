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

#[test]
fn rotation_counts_leadership_posts_only_and_cites_the_wards_own_basis() {
    use quyhoach::app::rotation;
    use quyhoach::model::{PositionHeld, Sex};
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    // A specialist of 17 years and a head of the Party building board of 9.
    let mut p = simple("Ngô Thị Chuyên", Sex::Female, "01/01/1980", "051000000301");
    p.positions.push(PositionHeld {
        title: "Chuyên viên Ban Xây dựng Đảng".into(),
        organisation: "Đảng ủy phường Phổ Hòa".into(),
        start: Some(d("01/01/2009")),
        end: None,
    });
    let specialist = s.add_person(&p).unwrap();
    let mut p = simple("Đỗ Văn Trưởng", Sex::Male, "01/01/1978", "051000000302");
    p.positions.push(PositionHeld {
        title: "trưởng ban xây dựng đảng".into(),
        organisation: "Đảng ủy phường Phổ Hòa".into(),
        start: Some(d("01/01/2017")),
        end: None,
    });
    let head = s.add_person(&p).unwrap();
    let l = rotation::lists(&s, "20/11/2026").unwrap();
    let long: Vec<i64> = l.long_tenure.iter().map(|r| r.person_id).collect();
    assert!(long.contains(&head), "{long:?}");
    assert!(
        !long.contains(&specialist),
        "a specialist holds no leadership post"
    );
    // No province's document by default: the rule alone.
    let line = l.long_tenure.iter().find(|r| r.person_id == head).unwrap();
    assert_eq!(
        line.rule,
        "Giữ một vị trí lãnh đạo 2 nhiệm kỳ (8 năm liên tục) trở lên: xem xét bố trí, luân chuyển"
    );
    assert!(l.long_tenure.iter().all(|r| !r.rule.contains("Hải Phòng")));
    assert!(l.local_key.iter().all(|r| !r.rule.contains("Hải Phòng")));

    // The ward names its own basis (data): printed after each rule.
    let mut params = rotation::params(&s).unwrap();
    params.basis =
        "Kết luận số 15-KL/TU ngày 10/3/2026 của Ban Thường vụ Tỉnh ủy Quảng Ngãi".into();
    rotation::save_params(&mut s, &params).unwrap();
    let l = rotation::lists(&s, "20/11/2026").unwrap();
    let line = l.long_tenure.iter().find(|r| r.person_id == head).unwrap();
    assert_eq!(
        line.rule,
        "Giữ một vị trí lãnh đạo 2 nhiệm kỳ (8 năm liên tục) trở lên: xem xét bố trí, luân chuyển (Kết luận số 15-KL/TU ngày 10/3/2026 của Ban Thường vụ Tỉnh ủy Quảng Ngãi)"
    );
    let s2 = {
        s.close().unwrap();
        reopen(&w)
    };
    assert_eq!(
        rotation::params(&s2).unwrap().basis,
        "Kết luận số 15-KL/TU ngày 10/3/2026 của Ban Thường vụ Tỉnh ủy Quảng Ngãi"
    );
    let mut s = s2;

    // The check: a planned specialist of 17 years is not a rotation case; a leader of 9 is.
    let dung = s
        .list_people()
        .unwrap()
        .into_iter()
        .find(|x| x.full_name == "Phạm Thị Dung")
        .unwrap()
        .id;
    let mut p = s.person(dung).unwrap();
    p.positions[0].start = Some(d("2009"));
    s.update_person(&p).unwrap();
    let r = quyhoach::app::plan::check(&s, "2030-2035", d("20/11/2026").earliest()).unwrap();
    let rotation: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == quyhoach::rules::codes::RuleCode::Rotation)
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        rotation.iter().all(|m| !m.contains("Chuyên viên")),
        "{rotation:?}"
    );
    assert!(
        rotation
            .iter()
            .any(|m| m.starts_with("Lê Văn Cường: giữ chức vụ Chủ nhiệm Ủy ban Kiểm tra Đảng ủy")),
        "{rotation:?}"
    );
    // Nor is a specialist's missing start date asked for as tenure to count; a leader's is.
    let mut p = s.person(dung).unwrap();
    p.positions[0].start = None;
    s.update_person(&p).unwrap();
    let cuong = s
        .list_people()
        .unwrap()
        .into_iter()
        .find(|x| x.full_name == "Lê Văn Cường")
        .unwrap()
        .id;
    let mut p = s.person(cuong).unwrap();
    p.positions[0].start = None;
    s.update_person(&p).unwrap();
    let r = quyhoach::app::plan::check(&s, "2030-2035", d("20/11/2026").earliest()).unwrap();
    let undated: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == quyhoach::rules::codes::RuleCode::PositionStartMissing)
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        undated,
        vec!["Lê Văn Cường: chức vụ Chủ nhiệm Ủy ban Kiểm tra Đảng ủy chưa rõ ngày bắt đầu, nên chưa tính được thời gian giữ chức vụ (xem xét luân chuyển); hãy bổ sung ngày trong hồ sơ."]
    );
}

#[test]
fn a_rotation_decided_now_may_take_effect_later_but_not_be_decided_later() {
    use quyhoach::app::rotation;
    use quyhoach::model::{PositionHeld, Sex};
    let w = temp_ward();
    let mut s = new_store(&w);
    let mut p = simple("Nguyễn Văn Luân", Sex::Male, "01/01/1980", "051000000311");
    p.positions.push(PositionHeld {
        title: "Phó Chủ tịch UBND".into(),
        organisation: "UBND phường Phổ Hòa".into(),
        start: Some(d("01/06/2021")),
        end: None,
    });
    let id = s.add_person(&p).unwrap();
    let input = rotation::MovementInput {
        person_id: id,
        kind: "Luân chuyển".into(),
        from_title: "Phó Chủ tịch UBND".into(),
        from_org: "UBND phường Phổ Hòa".into(),
        to_title: "Phó Trưởng Ban Xây dựng Đảng".into(),
        to_org: "Đảng ủy phường Phổ Hòa".into(),
        date: "01/01/2027".into(),
        decision_no: "120-QĐ/TU".into(),
        decision_date: "22/11/2026".into(),
        ..Default::default()
    };
    // Decided on a day after today: refused, naming the decision's date; nothing written.
    let e = rotation::record(
        &mut s,
        &rotation::MovementInput {
            decision_date: "23/11/2026".into(),
            ..input.clone()
        },
    )
    .unwrap_err();
    assert_eq!(e.field_errors()[0].field, "decision_date");
    assert!(
        e.field_errors()[0]
            .message
            .starts_with("Ngày quyết định: ngày 23/11/2026 ở tương lai (hôm nay là 22/11/2026)"),
        "{e}"
    );
    assert!(rotation::movements(&s, None).unwrap().is_empty());
    assert_eq!(s.person(id).unwrap().positions.len(), 1);

    // Decided today with effect from 01/01/2027: recorded.
    rotation::record(&mut s, &input).unwrap();
    let m = &rotation::movements(&s, Some(id)).unwrap()[0];
    assert_eq!(m.date, d("01/01/2027"));
    assert_eq!(m.decision_date, Some(d("22/11/2026")));
    let p = s.person(id).unwrap();
    assert_eq!(p.positions[0].end, Some(d("31/12/2026")));
    assert_eq!(p.positions[1].start, Some(d("01/01/2027")));
    // Until it takes effect the old post is held, from then the new one.
    let held = |day: &str| -> Vec<String> {
        p.positions_on(d(day).earliest())
            .map(|h| h.title.clone())
            .collect()
    };
    assert_eq!(held("22/11/2026"), vec!["Phó Chủ tịch UBND"]);
    assert_eq!(held("31/12/2026"), vec!["Phó Chủ tịch UBND"]);
    assert_eq!(held("01/01/2027"), vec!["Phó Trưởng Ban Xây dựng Đảng"]);
    // The record with its post to come can still be edited.
    let mut p = p;
    p.home_town = "xã Tịnh Sơn, tỉnh Quảng Ngãi".into();
    s.update_person(&p).unwrap();
    // On a day before it takes effect, the new post is not yet held.
    let l = rotation::lists(&s, "20/12/2026").unwrap();
    assert!(l
        .long_tenure
        .iter()
        .all(|r| r.title != "Phó Trưởng Ban Xây dựng Đảng"));
}

fn programme_with(s: &mut Store, people: &[i64]) -> i64 {
    use quyhoach::app::programmes::{self, CriteriaForm, ProgrammeForm};
    let id = programmes::create(
        s,
        &ProgrammeForm {
            name: "Đề án tạo nguồn cán bộ chủ chốt phường".into(),
            deciding_body: "Ban Thường vụ Tỉnh ủy".into(),
            decision_no: "88-QĐ/TU".into(),
            decision_date: "10/01/2026".into(),
            start_year: 2026,
            end_year: 2030,
            posts: vec!["BT".into(), "CT-UBND".into()],
            criteria: CriteriaForm::default(),
        },
    )
    .unwrap();
    for p in people {
        programmes::propose(s, id, *p, "01/03/2026").unwrap();
    }
    programmes::approve(s, id, "95-QĐ/TU", "15/03/2026").unwrap();
    id
}

fn holding(name: &str, cccd: &str, posts: &[(&str, &str, &str)]) -> quyhoach::model::Person {
    let mut p = simple(name, quyhoach::model::Sex::Female, "01/01/1988", cccd);
    for (title, org, start) in posts {
        p.positions.push(quyhoach::model::PositionHeld {
            title: (*title).into(),
            organisation: (*org).into(),
            start: Some(d(start)),
            end: None,
        });
    }
    p
}

#[test]
fn a_programme_outcome_takes_the_posts_own_organisation_and_ends_the_old_post_when_told() {
    use quyhoach::app::programmes::{self, OutcomeInput};
    use quyhoach::model::programme::MemberStage;
    let w = temp_ward();
    let mut s = new_store(&w);
    let a = s
        .add_person(&holding(
            "Lê Thị Nguồn",
            "051000000321",
            &[
                ("Phó Chủ tịch UBND", "UBND phường Phổ Hòa", "01/06/2021"),
                ("Đảng ủy viên", "Đảng ủy phường Phổ Hòa", "01/07/2020"),
            ],
        ))
        .unwrap();
    let b = s
        .add_person(&holding(
            "Phan Thị Kiêm",
            "051000000322",
            &[(
                "Trưởng Ban Xây dựng Đảng",
                "Đảng ủy phường Phổ Hòa",
                "01/06/2021",
            )],
        ))
        .unwrap();
    let c = s
        .add_person(&holding(
            "Vũ Thị Hội",
            "051000000323",
            &[("Phó Chủ tịch HĐND", "HĐND phường Phổ Hòa", "01/06/2021")],
        ))
        .unwrap();
    let id = programme_with(&mut s, &[a, b, c]);
    let appointed = OutcomeInput {
        kind: "bo_nhiem".into(),
        post: "CT-UBND".into(),
        date: "01/10/2026".into(),
        decision_no: "301-QĐ/TU".into(),
        ends_post: "Phó Chủ tịch UBND".into(),
        ..Default::default()
    };
    // A post to end that the person does not hold: refused by its field, nothing written.
    let e = programmes::set_outcome(
        &mut s,
        id,
        a,
        &OutcomeInput {
            ends_post: "Phó Chủ tịch UBND phường khác".into(),
            ..appointed.clone()
        },
    )
    .unwrap_err();
    assert_eq!(e.field_errors()[0].field, "ends_post");
    assert_eq!(
        e.field_errors()[0].message,
        "Chức vụ thôi giữ: Lê Thị Nguồn hiện không giữ “Phó Chủ tịch UBND phường khác”."
    );
    assert_eq!(s.person(a).unwrap().positions.len(), 2);
    let stage = |s: &Store, p: i64| {
        s.programme(id)
            .unwrap()
            .members
            .iter()
            .find(|m| m.person_id == p)
            .unwrap()
            .stage
    };
    assert_eq!(stage(&s, a), MemberStage::Approved);

    // Appointed Chủ tịch UBND: in UBND phường Phổ Hòa; the deputy post ends the day before,
    // the committee membership continues.
    programmes::set_outcome(&mut s, id, a, &appointed).unwrap();
    let rec = s.person(a).unwrap();
    let new = rec
        .positions
        .iter()
        .find(|h| h.title == "Chủ tịch UBND")
        .unwrap();
    assert_eq!(new.organisation, "UBND phường Phổ Hòa");
    assert_eq!(new.start, Some(d("01/10/2026")));
    let old = rec
        .positions
        .iter()
        .find(|h| h.title == "Phó Chủ tịch UBND")
        .unwrap();
    assert_eq!(old.end, Some(d("30/09/2026")));
    let member = rec
        .positions
        .iter()
        .find(|h| h.title == "Đảng ủy viên")
        .unwrap();
    assert_eq!(member.end, None);

    // Elected Bí thư: the ward's Party committee; by default the old post continues (concurrent).
    programmes::set_outcome(
        &mut s,
        id,
        b,
        &OutcomeInput {
            kind: "bau_cu".into(),
            post: "Bí thư Đảng ủy".into(),
            date: "01/10/2026".into(),
            decision_no: "302-QĐ/TU".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let rec = s.person(b).unwrap();
    let new = rec
        .positions
        .iter()
        .find(|h| h.title == "Bí thư Đảng ủy")
        .unwrap();
    assert_eq!(new.organisation, "Đảng ủy phường Phổ Hòa");
    assert!(rec.positions.iter().all(|h| h.end.is_none()));

    // Elected Chủ tịch HĐND: HĐND phường Phổ Hòa.
    programmes::set_outcome(
        &mut s,
        id,
        c,
        &OutcomeInput {
            kind: "bau_cu".into(),
            post: "CT-HĐND".into(),
            date: "01/10/2026".into(),
            decision_no: "303-QĐ/TU".into(),
            ends_post: "phó chủ tịch hđnd".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let rec = s.person(c).unwrap();
    let new = rec
        .positions
        .iter()
        .find(|h| h.title == "Chủ tịch HĐND")
        .unwrap();
    assert_eq!(new.organisation, "HĐND phường Phổ Hòa");
    assert_eq!(rec.positions[0].end, Some(d("30/09/2026")));
}

#[cfg_attr(windows, ignore = "poppler runs on the Linux side")]
#[test]
fn the_programme_report_is_numbered_through_the_register_in_pdf_and_word() {
    use quyhoach::app::documents::{self, DocInput};
    let w = temp_ward();
    let mut s = new_store(&w);
    let a = s
        .add_person(&holding(
            "Lê Thị Nguồn",
            "051000000331",
            &[("Phó Chủ tịch UBND", "UBND phường Phổ Hòa", "01/06/2021")],
        ))
        .unwrap();
    let id = programme_with(&mut s, &[a]);
    // As the window sends it: issued, a PDF, then its Word copy under the same number.
    let input = DocInput {
        kind: "bao-cao-de-an".into(),
        date: Some("20/11/2026".into()),
        out: w.dir.path().join("Báo cáo đề án.pdf"),
        fields: quyhoach::docs::DocFields {
            programme_id: Some(id),
            signer: Some(quyhoach::docs::Signer {
                on_behalf: "T/M BAN THƯỜNG VỤ".into(),
                title: "BÍ THƯ".into(),
                name: "Nguyễn Văn Nho".into(),
            }),
            issue: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let made = documents::save(&mut s, &input).unwrap();
    assert_eq!(made.number.as_deref(), Some("Số 01-BC/ĐU"));
    let pdf = flat(&text(&input.out, None, "-raw"));
    assert!(pdf.contains("Số 01-BC/ĐU"), "{pdf}");
    assert!(!pdf.contains("Số -BC/ĐU"), "{pdf}");
    // The deciding body named without its place is the ward's superior's, in full.
    assert!(
        pdf.contains("của Ban Thường vụ Tỉnh ủy Quảng Ngãi"),
        "{pdf}"
    );
    let word = DocInput {
        out: w.dir.path().join("Báo cáo đề án.docx"),
        format: Some("docx".into()),
        ..input.clone()
    };
    let made = documents::save(&mut s, &word).unwrap();
    assert_eq!(made.number.as_deref(), Some("Số 01-BC/ĐU"));
    let docx = docx_text(&word.out);
    assert!(docx.contains("Số 01-BC/ĐU"), "{docx}");
    assert!(docx.contains("BÁO CÁO"), "{docx}");
    let register = documents::register(&s).unwrap();
    assert_eq!(register.len(), 1, "one number whichever formats are saved");
}

#[test]
fn the_cli_takes_the_decision_date_the_basis_and_the_post_that_ends() {
    use quyhoach::model::Sex;
    let w = temp_ward();
    let mut s = new_store(&w);
    let mut p = simple("Nguyễn Văn Luân", Sex::Male, "01/01/1980", "051000000341");
    p.positions.push(quyhoach::model::PositionHeld {
        title: "Phó Chủ tịch UBND".into(),
        organisation: "UBND phường Phổ Hòa".into(),
        start: Some(d("01/06/2016")),
        end: None,
    });
    let id = s.add_person(&p).unwrap().to_string();
    s.close().unwrap();
    let pass = pass_file(&w);
    let ok = |args: &[&str]| {
        let out = cli(&w, &pass, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    ok(&[
        "rotation",
        "params",
        "--years",
        "8",
        "--basis",
        "Kết luận số 15-KL/TU của Ban Thường vụ Tỉnh ủy Quảng Ngãi",
    ]);
    let list = ok(&["rotation", "list", "--date", "20/11/2026", "--json"]);
    assert!(
        list.contains("xem xét bố trí, luân chuyển (Kết luận số 15-KL/TU của Ban Thường vụ Tỉnh ủy Quảng Ngãi)"),
        "{list}"
    );
    // A decision date after today is refused by its flag; an effective date after today is not.
    let out = cli(
        &w,
        &pass,
        &[
            "rotation",
            "move",
            "--person",
            &id,
            "--kind",
            "luan_chuyen",
            "--from-title",
            "Phó Chủ tịch UBND",
            "--to-title",
            "Phó Trưởng Ban Xây dựng Đảng",
            "--date",
            "01/01/2099",
            "--decision",
            "120-QĐ/TU",
            "--decision-date",
            "01/01/2099",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Ngày quyết định: ngày 01/01/2099 ở tương lai"),
        "{err}"
    );
    assert!(err.contains("--decision-date"), "{err}");
    ok(&[
        "rotation",
        "move",
        "--person",
        &id,
        "--kind",
        "luan_chuyen",
        "--from-title",
        "Phó Chủ tịch UBND",
        "--to-title",
        "Phó Trưởng Ban Xây dựng Đảng",
        "--date",
        "01/01/2099",
        "--decision",
        "120-QĐ/TU",
        "--decision-date",
        "20/11/2026",
    ]);
    let s = reopen(&w);
    let m = &s.movements(None).unwrap()[0];
    assert_eq!(m.decision_date, Some(d("20/11/2026")));
    assert_eq!(m.date, d("01/01/2099"));
}
