//! A ward like Phổ Hòa (seed 002) plans the 2030–2035 term: the exact findings, targets,
//! training gaps and statistics, through the encrypted store and the CLI. (Issue 3.)

use crate::common::scenario::*;
use crate::common::*;
use quyhoach::model::plan::*;
use quyhoach::model::*;
use quyhoach::rules::check::check;

fn summary(r: &quyhoach::rules::check::CheckReport) -> Vec<String> {
    r.findings
        .iter()
        .map(|f| {
            format!(
                "{:?} {} {} {}",
                f.severity,
                f.rule,
                f.person_name.as_deref().unwrap_or("-"),
                f.position_code.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn the_2030_2035_plan_of_a_ward_like_pho_hoa() {
    let w = temp_ward();
    let s = build(&w);
    let data = s.plan_data("2030-2035").unwrap();
    assert_eq!(
        data.rules.name, "Hướng dẫn 45-HD/BTCTW",
        "the rule set in force at 07/2030 (HD 45, from 21/11/2025)"
    );
    let r = check(&data, today());
    assert_eq!(
        summary(&r),
        vec![
            "Violation discipline Hoàng Văn Em -",
            "Violation rating Võ Văn Giang -",
            "Violation months_left Lê Văn Cường BCH",
            "Violation months_left Lê Văn Cường BT",
            "Violation votes Đặng Thị Hạnh BTV",
            "Warning target - -",
            "Warning rating_missing Phạm Thị Dung -",
            "Warning plan_coefficient - BCH",
            "Warning plan_coefficient - BTV",
            "Warning standard Hoàng Văn Em CN-UBKT",
            "Warning standard Phạm Thị Dung PBT-TT",
            "Warning plan_coefficient - UBKT",
            "Info rotation Lê Văn Cường -",
        ],
        "{:#?}",
        r.findings
    );
    let msg = |rule: &str, pos: Option<&str>| {
        r.findings
            .iter()
            .find(|f| f.rule == rule && f.position_code.as_deref() == pos)
            .unwrap()
            .message
            .clone()
    };
    assert_eq!(
        msg("months_left", Some("BCH")),
        "Lê Văn Cường: còn 30 tháng công tác tính đến tháng 07/2030 (nghỉ hưu tháng 01/2033), dưới 48 tháng cho người tái cử."
    );
    assert_eq!(
        msg("months_left", Some("BT")),
        "Lê Văn Cường: còn 30 tháng công tác tính đến tháng 07/2030 (nghỉ hưu tháng 01/2033), dưới 60 tháng của một nhiệm kỳ."
    );
    assert_eq!(
        msg("target", None),
        "Chỉ tiêu năm 2030: tỷ lệ có lý luận chính trị từ trung cấp trở lên trong cán bộ chủ chốt (quy hoạch) là 75% (3/4), yêu cầu từ 100% trở lên."
    );
    assert_eq!(
        msg("votes", Some("BTV")),
        "Đặng Thị Hạnh: bước “Đã phê duyệt” được 15/33 phiếu đồng ý (45,5%) so với số người được triệu tập, chưa quá 50%."
    );
    assert_eq!(
        msg("discipline", None),
        "Hoàng Văn Em: đang trong thời hạn kỷ luật khiển trách (đến 10/03/2027), đương nhiên ra khỏi quy hoạch."
    );
    // HD 45 §II.6.1: each committee's plan from 1.0 × its members (BCH 27, BTV 11, UBKT 5).
    assert_eq!(
        msg("plan_coefficient", Some("BTV")),
        "Quy hoạch Ủy viên Ban Thường vụ Đảng ủy có 3 người, dưới hệ số 1 lần số ủy viên (11 × 1 = 11 người)."
    );
    // The plan was built in 2026: its first yearly review is in Quarter I of 2027.
    assert_eq!(r.review.year, 2027);
    assert_eq!(
        r.review.message,
        "Quy hoạch nhiệm kỳ 2030-2035 lập năm 2026; đợt rà soát, bổ sung đầu tiên làm trong quý I (hạn 31/03/2027), báo cáo cấp trên trước ngày 30/06/2027."
    );
    assert_eq!(
        msg("rotation", None),
        "Lê Văn Cường: giữ chức vụ Chủ nhiệm Ủy ban Kiểm tra Đảng ủy đã 9 năm (từ 01/2017), thuộc diện xem xét luân chuyển."
    );

    // The ward's targets against the actual figures.
    let t: Vec<(String, i32, usize, usize, bool)> = r
        .targets
        .iter()
        .map(|t| {
            (
                t.target.indicator.code().to_string(),
                t.target.year,
                t.count,
                t.of,
                t.met,
            )
        })
        .collect();
    assert_eq!(
        t,
        vec![
            ("tre".into(), 2030, 2, 8, true),
            ("nu".into(), 2030, 3, 8, true),
            ("so_nu".into(), 2030, 2, 3, true),
            ("dai_hoc".into(), 2030, 4, 4, true),
            ("llct_trung_cap".into(), 2030, 3, 4, false),
            ("ngoai_ngu_tre".into(), 2030, 1, 1, true),
            ("tre".into(), 2035, 2, 8, true),
        ]
    );

    // Training gaps: what each planned person still lacks for the planned post.
    let gaps: Vec<(String, String, Vec<String>)> = r
        .training_gaps
        .iter()
        .map(|g| {
            (
                g.person_name.clone(),
                g.position_code.clone(),
                g.lacks.clone(),
            )
        })
        .collect();
    assert_eq!(
        gaps,
        vec![
            (
                "Phạm Thị Dung".into(),
                "PBT-TT".into(),
                vec![
                    "Lý luận chính trị: cần trung cấp trở lên (hiện Sơ cấp)".to_string(),
                    "Quản lý nhà nước: cần ngạch chuyên viên trở lên (hiện chưa có)".to_string()
                ]
            ),
            (
                "Hoàng Văn Em".into(),
                "CN-UBKT".into(),
                vec!["Chuyên môn: cần đại học trở lên (hiện Cao đẳng)".to_string()]
            ),
        ]
    );

    // Statistics of the whole plan (8 people), at the reference month 07/2030.
    let st = &r.stats;
    let counts =
        |b: &[quyhoach::rules::stats::Bucket]| b.iter().map(|x| x.count).collect::<Vec<_>>();
    assert_eq!(st.total, 8);
    assert_eq!(counts(&st.sex), vec![5, 3]);
    assert_eq!(st.sex[1].percent, 37.5);
    assert_eq!((st.young.count, st.young.percent), (2, 25.0));
    assert_eq!(counts(&st.age_bands), vec![1, 2, 2, 1, 1, 1]);
    assert_eq!(st.age_bands[1].label, "35–40");
    assert_eq!(counts(&st.three_age_groups), vec![2, 4, 2]);
    assert_eq!(counts(&st.ethnicity), vec![8, 0]);
    // Tiến sĩ, Thạc sĩ, Đại học, Cao đẳng, Trung cấp, Sơ cấp, none.
    assert_eq!(counts(&st.professional), vec![0, 0, 7, 1, 0, 0, 0]);
    // Cử nhân, Cao cấp, Trung cấp, Sơ cấp, none.
    assert_eq!(counts(&st.political_theory), vec![0, 3, 3, 2, 0]);
    assert_eq!(counts(&st.origin), vec![3, 5]);

    // The key cadres only.
    let key = data.stats("CHU_CHOT");
    assert_eq!(key.total, 4);
    assert_eq!(counts(&key.sex), vec![2, 2]);
}

#[test]
fn a_new_rule_set_version_changes_the_findings_without_a_rebuild() {
    let w = temp_ward();
    let mut s = build(&w);
    let before = check(&s.plan_data("2030-2035").unwrap(), today());
    assert!(before
        .findings
        .iter()
        .any(|f| f.rule == "months_left" && f.position_code.as_deref() == Some("BCH")));
    let mut rules = s.rules_for(&s.term("2030-2035").unwrap()).unwrap();
    rules.name = "Quy định 377-QĐ/TW (tỉnh sửa đổi)".into();
    rules.params.min_months_left_renominated = 30;
    rules.params.min_rating = RatingLevel::Ht;
    s.add_rule_set(&rules).unwrap();
    let after = check(&s.plan_data("2030-2035").unwrap(), today());
    assert_eq!(after.rule_set, "Quy định 377-QĐ/TW (tỉnh sửa đổi)");
    assert!(!after
        .findings
        .iter()
        .any(|f| f.rule == "months_left" && f.position_code.as_deref() == Some("BCH")));
    assert!(!after.findings.iter().any(|f| f.rule == "rating"));
    assert_eq!(after.findings.len(), before.findings.len() - 2);
    // A bad parameter is refused with the field named, and nothing is stored.
    let n = s.rule_sets().unwrap().len();
    rules.params.min_women_share = 25.0;
    let err = s.add_rule_set(&rules).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "min_women_share");
    assert_eq!(s.rule_sets().unwrap().len(), n);
}

#[test]
fn plan_steps_are_a_history_and_bad_steps_change_nothing() {
    let w = temp_ward();
    let mut s = build(&w);
    let entry = s
        .plan_entries("2030-2035")
        .unwrap()
        .into_iter()
        .find(|e| e.person_id == 3 && e.position_id == s.position("BT").unwrap().id.unwrap())
        .unwrap();
    let before = s.plan_entries("2030-2035").unwrap();
    // Removal needs a reason and a decision.
    let mut out = step(PlanStep::Removed, "20/11/2026");
    let err = quyhoach::app::plan::add_event(&mut s, entry.id, &out).unwrap_err();
    assert_eq!(
        err.field_errors()[0].message,
        "Bước “Đưa ra khỏi quy hoạch”: cần số và ngày quyết định."
    );
    out.decision_no = "130-QĐ/TU".into();
    out.decision_date = Some(d("20/11/2026"));
    let err = quyhoach::app::plan::add_event(&mut s, entry.id, &out).unwrap_err();
    assert_eq!(
        err.field_errors()[0].message,
        "Đưa ra khỏi quy hoạch: cần lý do."
    );
    assert_eq!(s.plan_entries("2030-2035").unwrap(), before);
    out.reason = Some(RemovalReason::OverAge);
    out.review_year = Some(2026);
    quyhoach::app::plan::add_event(&mut s, entry.id, &out).unwrap();
    // Closed: nothing may follow a removal.
    let err =
        quyhoach::app::plan::add_event(&mut s, entry.id, &step(PlanStep::Continued, "21/11/2026"))
            .unwrap_err();
    assert_eq!(
        err.field_errors()[0].message,
        "Bước “Tiếp tục quy hoạch” không thể sau bước “Đưa ra khỏi quy hoạch”."
    );
    let e = s
        .plan_entries("2030-2035")
        .unwrap()
        .into_iter()
        .find(|e| e.id == entry.id)
        .unwrap();
    assert_eq!(
        e.events.iter().map(|e| e.step).collect::<Vec<_>>(),
        vec![PlanStep::Proposed, PlanStep::Removed]
    );
    assert_eq!(e.events[1].reason, Some(RemovalReason::OverAge));
    // The removed entry no longer counts: Cường's BT finding is gone.
    let r = check(&s.plan_data("2030-2035").unwrap(), today());
    assert!(!r
        .findings
        .iter()
        .any(|f| f.rule == "months_left" && f.position_code.as_deref() == Some("BT")));
    // Planning the same person twice for the same post is refused.
    let err = s
        .plan_person(
            "2030-2035",
            "BCH",
            1,
            &step(PlanStep::Proposed, "01/11/2026"),
        )
        .unwrap_err();
    assert!(err.to_string().contains("Nguyễn Văn An đã có trong quy hoạch Ủy viên Ban Chấp hành Đảng bộ phường nhiệm kỳ 2030-2035"), "{err}");
    // A review round groups a year's changes; a second one for the same year is refused.
    s.add_review_round("2030-2035", 2026, "", "").unwrap();
    assert_eq!(
        s.review_rounds("2030-2035").unwrap()[0].name,
        "Rà soát, bổ sung quy hoạch năm 2026"
    );
    assert!(s.add_review_round("2030-2035", 2026, "", "").is_err());
}

fn record() -> ProgrammeRecord {
    ProgrammeRecord {
        kind: String::new(),
        date: d("2026"),
        content: String::new(),
        result: String::new(),
        institution: String::new(),
        to: None,
        certificate: String::new(),
        rating: None,
    }
}

#[test]
fn a_source_programme_with_training_and_evaluation() {
    let w = temp_ward();
    let mut s = build(&w);
    let id = s
        .add_programme(
            "Đề án tạo nguồn Bí thư, Chủ tịch UBND phường giai đoạn 2025–2030",
            "102-KH/UBND",
            2025,
            2030,
        )
        .unwrap();
    s.enrol(id, 2, &d("01/03/2026")).unwrap();
    assert!(s.enrol(id, 2, &d("01/03/2026")).is_err());
    s.add_programme_record(
        id,
        2,
        &ProgrammeRecord {
            kind: "dao_tao".into(),
            date: d("06/2026"),
            content: "Bồi dưỡng kỹ năng lãnh đạo, quản lý cấp xã".into(),
            result: "Hoàn thành".into(),
            ..record()
        },
    )
    .unwrap();
    s.add_programme_record(
        id,
        2,
        &ProgrammeRecord {
            kind: "danh_gia".into(),
            date: d("11/2026"),
            content: "Đánh giá sau 6 tháng thử thách".into(),
            result: "Hoàn thành tốt".into(),
            ..record()
        },
    )
    .unwrap();
    let err = s
        .add_programme_record(
            id,
            5,
            &ProgrammeRecord {
                kind: "danh_gia".into(),
                date: d("11/2026"),
                content: "x".into(),
                result: String::new(),
                ..record()
            },
        )
        .unwrap_err();
    assert_eq!(
        err.field_errors()[0].message,
        "Người mã số 5 chưa có trong đề án số 1."
    );
    let p = s.programme(id).unwrap();
    assert_eq!(p.members.len(), 1);
    assert_eq!(p.members[0].full_name, "Trần Thị Bình");
    assert_eq!(p.members[0].records.len(), 2);
}

#[test]
fn cli_check_and_stats_json() {
    let w = temp_ward();
    build(&w).close().unwrap();
    let pass = pass_file(&w);
    let run = |args: &[&str]| {
        let o = cli(&w, &pass, args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let report: serde_json::Value = serde_json::from_str(&run(&[
        "check",
        "--term",
        "2030-2035",
        "--as-of",
        "22/11/2026",
        "--json",
    ]))
    .unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 13);
    assert_eq!(report["findings"][0]["severity"], "vi_pham");
    assert_eq!(report["reference_month"], "2030-07");
    let text = run(&["check", "--term", "2030-2035", "--as-of", "22/11/2026"]);
    assert!(
        text.contains("[Vi phạm] Lê Văn Cường: còn 30 tháng công tác"),
        "{text}"
    );
    let stats: serde_json::Value = serde_json::from_str(&run(&[
        "stats",
        "--term",
        "2030-2035",
        "--body",
        "BCH",
        "--json",
    ]))
    .unwrap();
    assert_eq!(stats["total"], 8);
    // 3 → 4 per position and other parameters change through the CLI, as a new version.
    run(&["rules", "set", "--param", "min_months_left_renominated=30"]);
    let report: serde_json::Value = serde_json::from_str(&run(&[
        "check",
        "--term",
        "2030-2035",
        "--as-of",
        "22/11/2026",
        "--json",
    ]))
    .unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 12);
    let list = run(&["plan", "list", "--term", "2030-2035"]);
    assert!(list.contains("Bí thư Đảng ủy (BT)"), "{list}");
}

#[test]
fn the_yearly_review_round_is_recorded_in_one_go() {
    use quyhoach::store::review::{ReviewInput, ReviewItem};
    let w = temp_ward();
    let mut s = build(&w);
    let lines = s.plan_lines("2030-2035").unwrap();
    let entry = |name: &str, code: &str| {
        lines
            .iter()
            .find(|l| l.full_name == name && l.position_code == code)
            .unwrap()
            .entry_id
    };
    let item = |name, step, reason| ReviewItem {
        entry_id: entry(name, "BCH"),
        step,
        reason,
        note: String::new(),
    };
    let round = |year, items| ReviewInput {
        year,
        date: d("12/11/2026"),
        decision_no: "45-QĐ/ĐU".into(),
        decision_date: Some(d("12/11/2026")),
        items,
    };
    // A removal without its reason: refused, and neither the round nor any step is written.
    let bad = round(
        2026,
        vec![
            item("Đặng Thị Hạnh", PlanStep::Continued, None),
            item("Bùi Văn Khoa", PlanStep::Removed, None),
        ],
    );
    let err = quyhoach::app::plan::review(&mut s, "2030-2035", &bad).unwrap_err();
    assert!(
        err.field_errors()[0].message.contains("cần lý do"),
        "{err:?}"
    );
    assert!(s.review_rounds("2030-2035").unwrap().is_empty());
    assert_eq!(
        s.plan_lines("2030-2035").unwrap(),
        lines,
        "no step was written"
    );

    let good = round(
        2026,
        vec![
            item("Đặng Thị Hạnh", PlanStep::Continued, None),
            item(
                "Bùi Văn Khoa",
                PlanStep::Removed,
                Some(RemovalReason::Transferred),
            ),
        ],
    );
    let out = quyhoach::app::plan::review(&mut s, "2030-2035", &good).unwrap();
    assert_eq!((out.continued, out.removed), (1, 1));
    let after = s.plan_lines("2030-2035").unwrap();
    let status = |name: &str| {
        after
            .iter()
            .find(|l| l.full_name == name && l.position_code == "BCH")
            .unwrap()
            .status
    };
    assert_eq!(status("Đặng Thị Hạnh"), Some(PlanStep::Continued));
    assert_eq!(status("Bùi Văn Khoa"), Some(PlanStep::Removed));
    assert_eq!(s.review_rounds("2030-2035").unwrap()[0].year, 2026);
    // One round a year.
    let again = s
        .review_round("2030-2035", &round(2026, vec![]), &[])
        .unwrap_err();
    assert!(again.field_errors()[0]
        .message
        .contains("đã có đợt rà soát năm 2026"));
}

/// Issue 10 §5 / issue 13: the candidate list and the check decide eligibility the same way.
/// Every person the list marks eligible for a post is planned there and then has no violation
/// naming them for that post; every person marked not eligible, once planned, gets a violation
/// whose message is one of the list's reasons.
fn candidates_agree_with_the_check(size: usize, ineligible_per_post: usize) {
    let w = temp_ward();
    let mut s = quyhoach::demo::create_demo(&w.path, PASS, size).unwrap();
    s.set_today(today());
    let term = "2030-2035";
    let codes: Vec<String> = quyhoach::app::board::board(&s, term)
        .unwrap()
        .positions
        .iter()
        .map(|p| p.code.clone())
        .collect();
    assert!(codes.len() >= 10, "{codes:?}");
    let date = PartialDate::parse("20/11/2026").unwrap();
    let mut planned_total = 0;
    for code in &codes {
        let list = quyhoach::app::board::candidates(&s, term, code).unwrap();
        // Not eligible: plan one, see the check give one of the reasons, take them out again.
        let mut tried = 0;
        for c in list.candidates.iter().filter(|c| !c.eligible) {
            assert!(!c.violations.is_empty(), "{} lacks a reason", c.full_name);
            if c.violations[0] == "Đã có trong quy hoạch chức danh này."
                || tried >= ineligible_per_post
            {
                continue;
            }
            tried += 1;
            let id = s
                .plan_person(
                    term,
                    code,
                    c.person_id,
                    &PlanEvent::new(PlanStep::Proposed, date),
                )
                .unwrap();
            let report = check(&s.plan_data(term).unwrap(), today());
            // The list's lines are the check's messages without the name in front.
            let given: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.severity == quyhoach::rules::check::Severity::Violation)
                .filter(|f| f.person_id == Some(c.person_id))
                .filter(|f| f.position_code.as_deref().is_none_or(|p| p == code))
                .map(|f| f.text())
                .collect();
            assert!(
                given.iter().any(|m| c.violations.iter().any(|r| r == m)),
                "{} for {code}: list says {:?}, the check says {:?}",
                c.full_name,
                c.violations,
                given
            );
            let mut out = PlanEvent::new(PlanStep::Removed, date);
            out.reason = Some(RemovalReason::Other);
            out.decision_no = "12-QĐ/ĐU".into();
            out.decision_date = Some(date);
            s.add_plan_step(id, &out).unwrap();
        }
        // Eligible: plan them all, then none has a violation for this post.
        let eligible: Vec<_> = list.candidates.iter().filter(|c| c.eligible).collect();
        for c in &eligible {
            s.plan_person(
                term,
                code,
                c.person_id,
                &PlanEvent::new(PlanStep::Proposed, date),
            )
            .unwrap();
            planned_total += 1;
        }
        let report = check(&s.plan_data(term).unwrap(), today());
        for c in &eligible {
            let bad: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.severity == quyhoach::rules::check::Severity::Violation)
                .filter(|f| f.person_id == Some(c.person_id))
                .filter(|f| f.position_code.as_deref().is_none_or(|p| p == code))
                .map(|f| f.message.clone())
                .collect();
            assert!(
                bad.is_empty(),
                "{} marked eligible for {code}: {bad:?}",
                c.full_name
            );
        }
    }
    assert!(planned_total > 0);
}

#[test]
fn candidates_agree_with_the_check_on_the_demo_ward() {
    candidates_agree_with_the_check(quyhoach::demo::DEMO_SIZE, 100);
}

#[test]
fn candidates_agree_with_the_check_on_a_ward_of_300() {
    candidates_agree_with_the_check(300, 3);
}
