//! Source programmes, young cadres, rotation and approving bodies (issue 16, seeds 000, 001,
//! 004), on real encrypted stores: the criteria at their boundaries, the programme from
//! proposal to outcome, its report parsed back with pdftotext and its list read back with
//! calamine, and the Tờ trình addressed to the body the catalogue names.

use std::process::Command;

use calamine::{open_workbook, Reader, Xlsx};
use quyhoach::app::programmes::{self, CriteriaForm, OutcomeInput, ProgrammeForm, RecordInput};
use quyhoach::app::{rotation, young};
use quyhoach::docs::{DocKind, DocRequest, Signer};
use quyhoach::model::programme::{GraduationClass, MemberStage};
use quyhoach::model::*;

use crate::common::*;

fn rated(p: &mut Person, years: &[(i32, RatingLevel)]) {
    p.ratings = years
        .iter()
        .map(|(year, level)| Rating {
            year: *year,
            level: *level,
            score: None,
            basis: String::new(),
        })
        .collect();
}

fn held(p: &mut Person, title: &str, start: &str) {
    p.positions.push(PositionHeld {
        title: title.into(),
        organisation: "phường Phổ Hòa".into(),
        start: Some(d(start)),
        end: None,
    });
}

/// A young graduate rated HTT in 2024 and 2025, with a good degree.
fn graduate(name: &str, birth: &str, cccd: &str) -> Person {
    let mut p = simple(name, Sex::Female, birth, cccd);
    p.professional_level = Some(ProfessionalLevel::DaiHoc);
    p.graduation_class = Some(GraduationClass::Kha);
    p.political_theory = Some(PoliticalTheory::TrungCap);
    rated(
        &mut p,
        &[(2024, RatingLevel::Htt), (2025, RatingLevel::Htxs)],
    );
    p
}

fn commune_criteria() -> CriteriaForm {
    CriteriaForm {
        age_under: Some(30),
        age_at: "01/06/2026".into(),
        professional: "dai_hoc".into(),
        graduation: "Khá".into(),
        rating_years: 2,
        rating_min: "HTT".into(),
        in_plan_for: vec!["PCT-UBND".into()],
        ..Default::default()
    }
}

#[test]
fn the_young_cadre_list_at_its_boundaries() {
    let w = temp_ward();
    let mut s = new_store(&w);
    // Exactly 30 on the day: not "dưới 30".
    let thirty = s
        .add_person(&graduate("Lê Thị Ba Mươi", "01/06/1996", "051000000101"))
        .unwrap();
    // One day younger: 29.
    let young = s
        .add_person(&graduate("Trần Thị Hai Chín", "02/06/1996", "051000000102"))
        .unwrap();
    // Rated 2025 only: 2024 missing.
    let mut p = graduate("Phạm Văn Thiếu", "10/10/1999", "051000000103");
    rated(&mut p, &[(2025, RatingLevel::Htt)]);
    let missing = s.add_person(&p).unwrap();
    // A degree of class "trung bình khá" and 2024 only "hoàn thành": two short, left out.
    let mut p = graduate("Đỗ Văn Hai Thiếu", "10/10/1999", "051000000104");
    p.graduation_class = Some(GraduationClass::TrungBinhKha);
    rated(&mut p, &[(2024, RatingLevel::Ht), (2025, RatingLevel::Htt)]);
    let two_short = s.add_person(&p).unwrap();
    add_party_term(&mut s, "2025-2030");
    for id in [thirty, young, missing, two_short] {
        propose(&mut s, "2025-2030", "PCT-UBND", id, "01/09/2025");
    }
    // Not in the plan for the post.
    let unplanned = s
        .add_person(&graduate("Vũ Thị Ngoài", "05/05/2000", "051000000105"))
        .unwrap();

    // The class of degree is stored and read back.
    assert_eq!(
        s.person(young).unwrap().graduation_class,
        Some(GraduationClass::Kha)
    );

    let l = young::list(&s, &commune_criteria(), "01/06/2026").unwrap();
    let ids = |v: &[quyhoach::rules::young::Assessment]| -> Vec<i64> {
        v.iter().map(|a| a.person_id).collect()
    };
    assert_eq!(ids(&l.meeting), vec![young]);
    let short = ids(&l.just_short);
    assert!(short.contains(&thirty) && short.contains(&missing) && short.contains(&unplanned));
    assert!(
        !short.contains(&two_short),
        "two criteria short is not “just short”"
    );
    let reason = |id: i64| {
        l.just_short
            .iter()
            .find(|a| a.person_id == id)
            .unwrap()
            .reasons()
    };
    assert_eq!(reason(thirty), "Tuổi dưới 30 (tại 01/06/2026): 30 tuổi");
    assert_eq!(
        reason(missing),
        "02 năm liền gần nhất (2024–2025) hoàn thành tốt nhiệm vụ trở lên: thiếu xếp loại năm 2024"
    );
    assert_eq!(
        reason(unplanned),
        "Có trong quy hoạch chức danh Phó Chủ tịch UBND: chưa có trong quy hoạch các chức danh này"
    );

    // A saved set gives the same list after reopening.
    young::save_set(&mut s, "Cán bộ trẻ cấp xã (dưới 30)", &commune_criteria()).unwrap();
    s.close().unwrap();
    let s = reopen(&w);
    let sets = young::sets(&s).unwrap();
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0].criteria.age_under, Some(30));
    assert_eq!(sets[0].criteria.graduation, Some(GraduationClass::Kha));

    // Exported and read back.
    let out = w.dir.path().join("Cán bộ trẻ.xlsx");
    young::export(&s, &l, &out).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<String> = sheet.rows().flatten().map(|c| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == "Trần Thị Hai Chín"));
    assert!(cells
        .iter()
        .any(|c| c == "Tuổi dưới 30 (tại 01/06/2026): 30 tuổi"));

    // Bad criteria: the field and the rule named, in Vietnamese.
    let bad = CriteriaForm {
        graduation: "loại ưu".into(),
        ..commune_criteria()
    };
    let e = young::list(&s, &bad, "01/06/2026").unwrap_err();
    assert_eq!(e.field_errors()[0].field, "graduation");
    assert!(e.field_errors()[0]
        .message
        .starts_with("Xếp loại tốt nghiệp: “loại ưu” không có trong danh sách"));
}

#[test]
fn the_rotation_lists_count_eight_years_exactly() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let mut p = simple("Nguyễn Văn Tám", Sex::Male, "01/01/1975", "051000000201");
    p.home_town = "xã Đức Phong, tỉnh Quảng Ngãi".into();
    held(&mut p, "Chủ tịch UBND", "15/03/2018");
    let eight = s.add_person(&p).unwrap();
    let mut p = simple("Trần Văn Bảy", Sex::Male, "01/01/1976", "051000000202");
    p.home_town = "xã Đức Phong, tỉnh Quảng Ngãi".into();
    held(&mut p, "Phó Chủ tịch UBND", "16/03/2018");
    let seven = s.add_person(&p).unwrap();
    let mut p = simple("Lê Văn Địa Phương", Sex::Male, "01/01/1980", "051000000203");
    p.home_town = "phường Phổ Hòa, tỉnh Quảng Ngãi".into();
    held(&mut p, "Bí thư Đảng ủy", "01/07/2025");
    let local = s.add_person(&p).unwrap();

    let l = rotation::lists(&s, "15/03/2026").unwrap();
    let long: Vec<i64> = l.long_tenure.iter().map(|r| r.person_id).collect();
    assert_eq!(
        long,
        vec![eight],
        "8 years exactly is listed, a day short is not"
    );
    assert_eq!(l.long_tenure[0].years, 8);
    assert!(l.long_tenure[0].rule.contains("8 năm liên tục"));
    assert!(!long.contains(&seven));
    let locals: Vec<i64> = l.local_key.iter().map(|r| r.person_id).collect();
    assert_eq!(locals, vec![local]);
    assert!(l.local_key[0]
        .rule
        .contains("không phải là người địa phương"));

    // The years are data: 7 lists the second too.
    let mut params = rotation::params(&s).unwrap();
    params.years = 7;
    rotation::save_params(&mut s, &params).unwrap();
    assert_eq!(
        rotation::lists(&s, "15/03/2026").unwrap().long_tenure.len(),
        2
    );

    // A rotation ends the old post the day before and starts the new one.
    let input = rotation::MovementInput {
        person_id: eight,
        kind: "Luân chuyển".into(),
        from_title: "Chủ tịch UBND".into(),
        to_title: "Phó Trưởng Ban Xây dựng Đảng".into(),
        to_org: "Đảng ủy phường Phổ Hòa".into(),
        date: "01/04/2026".into(),
        decision_no: "45-QĐ/TU".into(),
        ..Default::default()
    };
    rotation::record(&mut s, &input).unwrap();
    let p = s.person(eight).unwrap();
    assert_eq!(p.positions[0].end, Some(d("31/03/2026")));
    assert_eq!(p.positions[1].title, "Phó Trưởng Ban Xây dựng Đảng");
    assert_eq!(p.positions[1].start, Some(d("01/04/2026")));
    let moves = rotation::movements(&s, Some(eight)).unwrap();
    assert_eq!(moves.len(), 1);
    assert_eq!(moves[0].decision_no, "45-QĐ/TU");
    assert!(rotation::lists(&s, "02/04/2026")
        .unwrap()
        .long_tenure
        .iter()
        .all(|r| r.person_id != eight));

    // A post not held is refused, naming the field; nothing changes.
    let e = rotation::record(
        &mut s,
        &rotation::MovementInput {
            from_title: "Chủ tịch UBND".into(),
            ..input
        },
    )
    .unwrap_err();
    assert_eq!(e.field_errors()[0].field, "from_title");
    assert_eq!(rotation::movements(&s, None).unwrap().len(), 1);
}

fn signer() -> Signer {
    Signer {
        on_behalf: "T/M BAN THƯỜNG VỤ".into(),
        title: "Phó Bí thư".into(),
        name: "Nguyễn Văn Nho".into(),
    }
}

fn pdftotext(pdf: &std::path::Path) -> String {
    // Raw: in the order drawn, so a cell's wrapped lines stay together.
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[cfg_attr(windows, ignore = "poppler runs on the Linux side")]
#[test]
fn the_to_trinh_is_addressed_to_the_approving_body_of_the_catalogue() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    // The migration's defaults: the province approves the committees and key posts, the
    // ward's standing committee the others (seed 004).
    assert_eq!(
        s.position("BT").unwrap().approving_body,
        "Ban Thường vụ Tỉnh ủy"
    );
    assert_eq!(
        s.position("CN-UBKT").unwrap().approving_body,
        "Ban Thường vụ Đảng ủy"
    );
    // The clerk sets another body for every post of the plan.
    for code in ["BCH", "BTV", "BT", "PBT-TT", "CN-UBKT"] {
        let mut p = s.position(code).unwrap();
        p.approving_body = "Ban Thường vụ Thành ủy Đà Nẵng".into();
        s.save_position(&p).unwrap();
    }
    let mut req = DocRequest::new(DocKind::ToTrinh, d("20/11/2026").earliest());
    req.term_code = Some("2030-2035".into());
    req.signer = Some(signer());
    let out = w.dir.path().join("Tờ trình.pdf");
    quyhoach::docs::save(&mut s, &req, &out).unwrap();
    let text = pdftotext(&out);
    assert!(
        text.contains("Kính trình: Ban Thường vụ Thành ủy Đà Nẵng"),
        "{text}"
    );

    // Per approving body: only the posts the ward's standing committee approves.
    let mut p = s.position("CN-UBKT").unwrap();
    p.approving_body = "Ban Thường vụ Đảng ủy".into();
    s.save_position(&p).unwrap();
    req.approving_body = Some("Ban Thường vụ Đảng ủy".into());
    let out = w.dir.path().join("Tờ trình Đảng ủy.pdf");
    quyhoach::docs::save(&mut s, &req, &out).unwrap();
    let text = pdftotext(&out);
    assert!(
        text.contains("Kính trình: Ban Thường vụ Đảng ủy phường Phổ Hòa"),
        "{text}"
    );
    assert!(text.contains("Chủ nhiệm Ủy ban Kiểm tra"), "{text}");
    assert!(!text.contains("Phó Bí thư Thường trực Đảng ủy"), "{text}");

    // The review report and the training list can be made per approving body too.
    let mut report = DocRequest::new(DocKind::BaoCaoRaSoat, d("20/11/2026").earliest());
    report.term_code = Some("2030-2035".into());
    report.signer = Some(signer());
    report.approving_body = Some("Ban Thường vụ Đảng ủy".into());
    let out = w.dir.path().join("Báo cáo rà soát Đảng ủy.pdf");
    quyhoach::docs::save(&mut s, &report, &out).unwrap();
    let text = pdftotext(&out);
    // Its figures count only the people planned for the posts that body approves.
    assert!(text.contains("- Tổng số: 1 đồng chí"), "{text}");
    report.approving_body = None;
    let all = w.dir.path().join("Báo cáo rà soát.pdf");
    quyhoach::docs::save(&mut s, &report, &all).unwrap();
    let text = pdftotext(&all);
    assert!(!text.contains("- Tổng số: 1 đồng chí"), "{text}");
    let mut list = DocRequest::new(DocKind::DaoTao, d("20/11/2026").earliest());
    list.term_code = Some("2030-2035".into());
    list.signer = Some(signer());
    list.approving_body = Some("Ban Thường vụ Tỉnh ủy Quảng Nam".into());
    let e = quyhoach::docs::save(&mut s, &list, &w.dir.path().join("đào tạo.pdf")).unwrap_err();
    assert_eq!(e.field_errors()[0].field, "approving_body");

    // A body approving nothing in the plan is refused, naming it.
    req.approving_body = Some("Ban Thường vụ Tỉnh ủy Quảng Nam".into());
    let e = quyhoach::docs::save(&mut s, &req, &w.dir.path().join("không.pdf")).unwrap_err();
    assert_eq!(e.field_errors()[0].field, "approving_body");
    assert!(!w.dir.path().join("không.pdf").exists());
}

#[cfg_attr(windows, ignore = "poppler runs on the Linux side")]
#[test]
fn a_programme_from_proposal_to_outcome_and_its_report() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let mut a = graduate("Trần Thị Hai Chín", "02/06/1996", "051000000301");
    a.political_theory = Some(PoliticalTheory::TrungCap);
    let a = s.add_person(&a).unwrap();
    let b = s
        .add_person(&graduate("Ngô Văn Bình", "12/12/1994", "051000000302"))
        .unwrap();
    let mut c = graduate("Hồ Thị Chưa Đủ", "12/12/1994", "051000000303");
    c.political_theory = Some(PoliticalTheory::SoCap);
    let c = s.add_person(&c).unwrap();
    add_party_term(&mut s, "2025-2030");
    for id in [a, b, c] {
        propose(&mut s, "2025-2030", "BT", id, "01/09/2025");
    }
    let form = ProgrammeForm {
        name: "Đề án tạo nguồn cán bộ cho chức danh Bí thư Đảng ủy, Chủ tịch UBND phường".into(),
        deciding_body: "Ban Thường vụ Thành ủy Đà Nẵng".into(),
        decision_no: "10215-QĐ/TU".into(),
        decision_date: "26/03/2024".into(),
        start_year: 2025,
        end_year: 2030,
        posts: vec!["BT".into(), "CT-UBND".into()],
        criteria: CriteriaForm {
            age_under: Some(35),
            professional: "Đại học".into(),
            political_theory: "trung_cap".into(),
            rating_years: 2,
            rating_min: "HTT".into(),
            in_plan_for: vec!["BT".into(), "CT-UBND".into()],
            ..Default::default()
        },
    };
    let id = programmes::create(&mut s, &form).unwrap();

    // Proposals: each criterion shown; one refused with the criterion named, nothing stored.
    let cands = programmes::candidates(&s, id, "01/05/2026").unwrap();
    let cc = cands.iter().find(|x| x.person_id == c).unwrap();
    assert!(!cc.met);
    assert!(cands[0].met, "those meeting the criteria come first");
    let e = programmes::propose(&mut s, id, c, "01/05/2026").unwrap_err();
    assert_eq!(e.field_errors()[0].field, "criteria");
    assert_eq!(
        e.field_errors()[0].message,
        "Hồ Thị Chưa Đủ chưa đủ tiêu chuẩn tham gia đề án — Lý luận chính trị từ Trung cấp trở lên: Sơ cấp."
    );
    programmes::propose(&mut s, id, a, "01/05/2026").unwrap();
    programmes::propose(&mut s, id, b, "01/05/2026").unwrap();
    assert_eq!(s.programme(id).unwrap().members.len(), 2);

    // Before approval no training is recorded.
    let training = RecordInput {
        kind: "dao_tao".into(),
        date: "01/07/2026".into(),
        to: "30/09/2026".into(),
        content: "Bồi dưỡng kỹ năng lãnh đạo, quản lý cấp xã".into(),
        institution: "Trường Chính trị thành phố".into(),
        result: "Hoàn thành".into(),
        certificate: "Giấy chứng nhận số 112".into(),
        ..Default::default()
    };
    assert!(programmes::add_record(&mut s, id, a, &training).is_err());
    assert_eq!(
        programmes::approve(&mut s, id, "215-QĐ/TU", "15/06/2026").unwrap(),
        2
    );
    programmes::add_record(&mut s, id, a, &training).unwrap();
    let bad = RecordInput {
        to: "30/06/2026".into(),
        ..training.clone()
    };
    let e = programmes::add_record(&mut s, id, a, &bad).unwrap_err();
    assert_eq!(e.field_errors()[0].field, "to");
    programmes::add_record(
        &mut s,
        id,
        a,
        &RecordInput {
            kind: "danh_gia".into(),
            date: "2026".into(),
            content: "Bản lĩnh, có triển vọng".into(),
            rating: "Hoàn thành tốt nhiệm vụ".into(),
            ..Default::default()
        },
    )
    .unwrap();

    // Outcomes: A appointed (the post enters her record), B left.
    programmes::set_outcome(
        &mut s,
        id,
        a,
        &OutcomeInput {
            kind: "bo_nhiem".into(),
            post: "CT-UBND".into(),
            date: "01/10/2026".into(),
            decision_no: "301-QĐ/TU".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let e = programmes::set_outcome(
        &mut s,
        id,
        b,
        &OutcomeInput {
            kind: "ra_khoi".into(),
            date: "01/10/2026".into(),
            decision_no: "302-QĐ/TU".into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.field_errors()[0].field, "reason");
    programmes::set_outcome(
        &mut s,
        id,
        b,
        &OutcomeInput {
            kind: "ra_khoi".into(),
            date: "01/10/2026".into(),
            decision_no: "302-QĐ/TU".into(),
            reason: "Chuyển công tác khỏi thành phố".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let rec = s.person(a).unwrap();
    let post = rec.positions.last().unwrap();
    assert_eq!(post.title, "Chủ tịch UBND");
    assert_eq!(post.start, Some(d("01/10/2026")));
    let p = s.programme(id).unwrap();
    let stage = |id: i64| p.members.iter().find(|m| m.person_id == id).unwrap().stage;
    assert_eq!(stage(a), MemberStage::Placed);
    assert_eq!(stage(b), MemberStage::Left);
    assert_eq!(p.approval_no, "215-QĐ/TU");
    assert_eq!(p.posts, vec!["BT".to_string(), "CT-UBND".to_string()]);

    // The report, parsed back: participants, training, evaluation and outcomes.
    let mut req = DocRequest::new(DocKind::BaoCaoDeAn, d("20/11/2026").earliest());
    req.programme_id = Some(id);
    req.signer = Some(signer());
    let out = w.dir.path().join("Báo cáo đề án.pdf");
    quyhoach::docs::save(&mut s, &req, &out).unwrap();
    let text = pdftotext(&out);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "BÁO CÁO",
        "kết quả thực hiện Đề án tạo nguồn cán bộ",
        "Quyết định số 10215-QĐ/TU ngày 26/03/2024 của Ban Thường vụ Thành ủy Đà Nẵng",
        "Được bổ nhiệm, bầu giữ chức vụ: 1 đồng chí; ra khỏi Đề án: 1 đồng chí",
        "Trần Thị Hai Chín",
        "Ngô Văn Bình",
        "Trường Chính trị thành phố",
        "Hoàn thành tốt nhiệm vụ",
        "Chuyển công tác khỏi thành phố",
    ] {
        assert!(flat.contains(want), "missing “{want}” in:\n{text}");
    }
    assert!(flat.contains("Bổ nhiệm Chủ tịch UBND"), "{text}");

    // The list in Excel.
    let xlsx = w.dir.path().join("Đề án.xlsx");
    assert_eq!(programmes::export(&s, id, &xlsx).unwrap(), 2);
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<String> = sheet.rows().flatten().map(|c| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == "Ngô Văn Bình"));
    assert!(cells
        .iter()
        .any(|c| c.starts_with("Bổ nhiệm Chủ tịch UBND từ 01/10/2026")));
}

#[test]
fn the_cli_refuses_a_proposal_naming_the_criterion() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let mut p = graduate("Hồ Thị Chưa Đủ", "12/12/1980", "051000000401");
    p.political_theory = Some(PoliticalTheory::TrungCap);
    let id = s.add_person(&p).unwrap();
    s.close().unwrap();
    let pass = pass_file(&w);
    let out = cli(
        &w,
        &pass,
        &[
            "programme",
            "create",
            "--name",
            "Đề án tạo nguồn",
            "--from",
            "2025",
            "--to",
            "2030",
            "--post",
            "BT",
            "--age-under",
            "40",
            "--age-at",
            "01/05/2026",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pid = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let out = cli(
        &w,
        &pass,
        &[
            "programme",
            "propose",
            &pid,
            "--person",
            &id.to_string(),
            "--date",
            "01/05/2026",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Tuổi dưới 40 (tại 01/05/2026): 45 tuổi"),
        "{err}"
    );
    let out = cli(
        &w,
        &pass,
        &["young", "list", "--date", "01/05/2026", "--age-under", "50"],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Hồ Thị Chưa Đủ"));
}

#[test]
fn the_demo_ward_carries_a_programme_at_every_stage() {
    let w = temp_ward();
    let s = quyhoach::demo::create_demo(&w.path, PASS, quyhoach::demo::DEMO_SIZE).unwrap();
    let list = programmes::list(&s).unwrap();
    assert_eq!(list.len(), 1);
    let p = programmes::show(&s, list[0].id).unwrap();
    let stages: Vec<MemberStage> = p.members.iter().map(|m| m.stage).collect();
    for st in [
        MemberStage::Proposed,
        MemberStage::Approved,
        MemberStage::Placed,
        MemberStage::Left,
    ] {
        assert!(stages.contains(&st), "{st:?} missing: {stages:?}");
    }
    let placed = p
        .members
        .iter()
        .find(|m| m.stage == MemberStage::Placed)
        .unwrap();
    let rec = s.person(placed.person_id).unwrap();
    assert!(rec
        .current_positions()
        .any(|h| h.title == "Phó Chủ tịch UBND"));
    assert!(p.members.iter().any(|m| m.records.len() == 2));
}

#[test]
fn the_young_cadre_list_is_the_programmes_proposal_list() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let a = s
        .add_person(&graduate("Trần Thị Hai Chín", "02/06/1996", "051000000501"))
        .unwrap();
    let mut b = graduate("Lý Thị Sơ Cấp", "02/06/1997", "051000000502");
    b.political_theory = Some(PoliticalTheory::SoCap);
    let b = s.add_person(&b).unwrap();
    let form = ProgrammeForm {
        name: "Đề án tạo nguồn Phó Chủ tịch UBND phường".into(),
        start_year: 2025,
        end_year: 2030,
        posts: vec!["PCT-UBND".into()],
        criteria: CriteriaForm {
            age_under: Some(35),
            political_theory: "trung_cap".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let id = programmes::create(&mut s, &form).unwrap();
    let young_criteria = CriteriaForm {
        age_under: Some(30),
        ..Default::default()
    };
    let l = young::list(&s, &young_criteria, "01/06/2026").unwrap();
    let ids: Vec<i64> = l.meeting.iter().map(|x| x.person_id).collect();
    assert_eq!(ids.len(), 2);
    let r = programmes::propose_list(&mut s, id, &ids, "01/06/2026").unwrap();
    assert_eq!(r.proposed, vec!["Trần Thị Hai Chín".to_string()]);
    assert_eq!(r.refused.len(), 1);
    assert_eq!(r.refused[0].0, "Lý Thị Sơ Cấp");
    assert!(r.refused[0]
        .1
        .contains("Lý luận chính trị từ Trung cấp trở lên: Sơ cấp"));
    let p = s.programme(id).unwrap();
    assert_eq!(p.members.len(), 1);
    assert_eq!(p.members[0].person_id, a);
    assert!(p.members.iter().all(|m| m.person_id != b));
}

/// A programme asking "eligible by the plan's rules" judges each person with the plan board's
/// own eligibility function: the programme and the candidate list of the post never disagree.
#[test]
fn the_plan_rules_criterion_is_the_candidate_lists_verdict() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    let list = quyhoach::app::board::candidates(&s, "2030-2035", "BT").unwrap();
    let ok = list
        .candidates
        .iter()
        .find(|c| c.eligible && !c.planned_here)
        .expect("someone eligible for Bí thư");
    let short = list
        .candidates
        .iter()
        .find(|c| !c.eligible && !c.planned_here && !c.violations.is_empty())
        .expect("someone not eligible for Bí thư");
    let form = ProgrammeForm {
        name: "Đề án tạo nguồn Bí thư Đảng ủy phường giai đoạn 2026–2030".into(),
        start_year: 2026,
        end_year: 2030,
        posts: vec!["BT".into()],
        criteria: CriteriaForm {
            plan_rules: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let id = programmes::create(&mut s, &form).unwrap();
    let today = s.today();
    let a = programmes::judge(&s, id, ok.person_id, today).unwrap();
    assert!(a.met, "{a:?}");
    assert!(
        a.checks[0]
            .criterion
            .contains("Đủ điều kiện quy hoạch Bí thư"),
        "{a:?}"
    );
    assert!(a.checks[0].detail.contains("nhiệm kỳ 2030-2035"), "{a:?}");
    let b = programmes::judge(&s, id, short.person_id, today).unwrap();
    assert!(!b.met);
    assert!(
        b.checks[0].detail.contains(&short.violations[0]),
        "{b:?}\n{short:?}"
    );
    // Proposing the one short is refused with the plan's own reason, and nothing is stored.
    let err = programmes::propose(&mut s, id, short.person_id, "20/11/2026").unwrap_err();
    assert!(err.to_string().contains(&short.violations[0]), "{err}");
    assert!(programmes::show(&s, id).unwrap().members.is_empty());
    programmes::propose(&mut s, id, ok.person_id, "20/11/2026").unwrap();
    // The candidates of the programme agree with the board for everyone still working.
    let all = programmes::candidates(&s, id, "20/11/2026").unwrap();
    for c in list.candidates.iter().filter(|c| !c.planned_here) {
        if let Some(x) = all.iter().find(|x| x.person_id == c.person_id) {
            assert_eq!(
                x.met, c.eligible,
                "{} — {:?} / {:?}",
                c.full_name, x.checks, c.violations
            );
        }
    }
}

/// A programme's details are corrected without touching its participants; a programme made by
/// mistake is deleted, but never one with people in it; bad input changes nothing.
#[test]
fn a_programme_is_corrected_and_one_made_by_mistake_deleted() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let a = s
        .add_person(&graduate("Lý Thị Sửa", "02/06/1995", "051095000401"))
        .unwrap();
    let form = ProgrammeForm {
        name: "Đề án tạo nguồn Bí thư Đảng ủy phường (gõ nhầm)".into(),
        start_year: 2025,
        end_year: 2030,
        posts: vec!["BT".into()],
        ..Default::default()
    };
    let id = programmes::create(&mut s, &form).unwrap();
    programmes::propose(&mut s, id, a, "01/05/2026").unwrap();
    let mut fixed = form.clone();
    fixed.name = "Đề án tạo nguồn Bí thư Đảng ủy, Chủ tịch UBND phường".into();
    fixed.posts = vec!["BT".into(), "CT-UBND".into()];
    fixed.deciding_body = "Ban Thường vụ Thành ủy Đà Nẵng".into();
    fixed.decision_date = "26/03/2024".into();
    programmes::update(&mut s, id, &fixed).unwrap();
    let p = programmes::show(&s, id).unwrap();
    assert_eq!(p.name, fixed.name);
    assert_eq!(p.posts, vec!["BT".to_string(), "CT-UBND".to_string()]);
    assert_eq!(p.deciding_body, "Ban Thường vụ Thành ủy Đà Nẵng");
    assert_eq!(p.members.len(), 1, "the participant stays");
    // A period ending before it starts is refused by name, and nothing changes.
    let mut bad = fixed.clone();
    bad.end_year = 2020;
    let e = programmes::update(&mut s, id, &bad).unwrap_err();
    assert_eq!(e.field_errors()[0].field, "end_year");
    assert_eq!(programmes::show(&s, id).unwrap().end_year, 2030);
    // With a participant it cannot be deleted; it can be corrected.
    let e = programmes::delete(&mut s, id).unwrap_err();
    assert!(e.to_string().contains("đã có 1 người tham gia"), "{e}");
    assert!(programmes::show(&s, id).is_ok());
    // One made by mistake, still empty, goes.
    let empty = programmes::create(
        &mut s,
        &ProgrammeForm {
            name: "Đề án trùng".into(),
            start_year: 2025,
            end_year: 2030,
            ..Default::default()
        },
    )
    .unwrap();
    programmes::delete(&mut s, empty).unwrap();
    assert!(programmes::show(&s, empty).is_err());
    assert_eq!(programmes::list(&s).unwrap().len(), 1);
    let log = s.audit_history("programme", id).unwrap();
    assert!(log.iter().any(|e| e.action == "update"), "{log:?}");
}
