//! Issue 21 §1: one verdict, from the core. The candidate list gives the check's own verdict —
//! đủ điều kiện (nothing against), đủ nhưng cần lưu ý (warnings only, with the notes), chưa đủ
//! (a violation, with it) — sorted by it; each row carries the cells the check marks, with the
//! rule set's thresholds (a rule edit changes them); `plan candidates --json` says the same.

use chrono::Datelike;
use quyhoach::app::board::{self, Candidate, Candidates};
use quyhoach::app::rules::{save_params, RulesEdit};
use quyhoach::model::plan::*;
use quyhoach::model::*;
use quyhoach::rules::check::Severity;
use quyhoach::rules::eligibility::Verdict;
use quyhoach::Store;

use crate::common::*;

const TERM: &str = "2030-2035";

/// A working cadre from outside the ward with a university degree, LLCT trung cấp, and the
/// given ratings for 2023, 2024, 2025 (None: not entered).
fn cadre(name: &str, sex: Sex, birth: &str, ratings: [Option<RatingLevel>; 3]) -> Person {
    let mut p = Person::new(name, sex, d(birth));
    p.home_town = "xã Tịnh Khê, tỉnh Quảng Ngãi".into();
    p.professional_level = Some(ProfessionalLevel::DaiHoc);
    p.political_theory = Some(PoliticalTheory::TrungCap);
    p.state_management = Some(StateManagement::ChuyenVien);
    p.ratings = [2023, 2024, 2025]
        .into_iter()
        .zip(ratings)
        .filter_map(|(year, level)| {
            Some(Rating {
                year,
                level: level?,
                score: None,
                basis: "QĐ 366-QĐ/TW".into(),
            })
        })
        .collect();
    p
}

const GOOD: [Option<RatingLevel>; 3] = [
    Some(RatingLevel::Htt),
    Some(RatingLevel::Htxs),
    Some(RatingLevel::Htt),
];

fn one(c: &Candidates, id: i64) -> &Candidate {
    c.candidates.iter().find(|c| c.person_id == id).unwrap()
}

fn set_params(s: &mut Store, params: serde_json::Value) {
    save_params(
        s,
        &RulesEdit {
            term: Some(TERM.into()),
            params: params.as_object().unwrap().clone(),
            ..RulesEdit::default()
        },
    )
    .unwrap();
}

#[test]
fn each_verdict_at_its_boundary() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    // Nothing against her: đủ điều kiện.
    let clean = s
        .add_person(&cadre("Trần Thị Ánh", Sex::Female, "05/09/1988", GOOD))
        .unwrap();
    // One rating missing (a warning only): đủ nhưng cần lưu ý, the note without her name.
    let missing = s
        .add_person(&cadre(
            "Lê Thị Bích",
            Sex::Female,
            "12/08/1987",
            [Some(RatingLevel::Htt), None, Some(RatingLevel::Htt)],
        ))
        .unwrap();
    // A rating below the level asked (a violation): chưa đủ.
    let low = s
        .add_person(&cadre(
            "Võ Văn Cường",
            Sex::Male,
            "03/03/1985",
            [
                Some(RatingLevel::Htt),
                Some(RatingLevel::Htt),
                Some(RatingLevel::Ht),
            ],
        ))
        .unwrap();
    let c = board::candidates(&s, TERM, "BCH").unwrap();
    let (a, b, v) = (one(&c, clean), one(&c, missing), one(&c, low));

    assert_eq!(
        (a.verdict, a.verdict_label),
        (Verdict::DuDieuKien, "Đủ điều kiện")
    );
    assert!(a.violations.is_empty() && a.notes.is_empty() && a.doubts.is_empty());
    assert_eq!(a.flags.ratings, vec![None, None, None]);
    assert!(a.flags.months_left.is_none() && a.flags.age.is_none());

    assert_eq!(
        (b.verdict, b.verdict_label),
        (Verdict::CanLuuY, "Đủ nhưng cần lưu ý")
    );
    assert!(b.eligible && b.violations.is_empty() && b.doubts.is_empty());
    assert_eq!(b.notes, ["Chưa có kết quả xếp loại chất lượng năm 2024."]);
    let f = b.flags.ratings[1].as_ref().expect("2024 marked");
    assert_eq!(f.severity, Severity::Warning);
    assert!(b.flags.ratings[0].is_none() && b.flags.ratings[2].is_none());

    assert_eq!(
        (v.verdict, v.verdict_label),
        (Verdict::ChuaDu, "Chưa đủ điều kiện")
    );
    assert!(!v.eligible);
    assert_eq!(
        v.violations,
        ["Năm 2025 xếp loại “Hoàn thành nhiệm vụ”, thấp hơn mức “Hoàn thành tốt nhiệm vụ” cần có."]
    );
    assert_eq!(v.doubts, v.violations);
    let f = v.flags.ratings[2].as_ref().expect("2025 marked");
    assert_eq!(
        (f.severity, f.reason.as_str()),
        (Severity::Violation, v.violations[0].as_str())
    );

    // Sorted by verdict, then by name.
    let order: Vec<i64> = c.candidates.iter().map(|c| c.person_id).collect();
    assert_eq!(order, [clean, missing, low]);
    // The JSON the window reads carries the codes.
    let j = serde_json::to_value(&c).unwrap();
    let verdicts: Vec<&str> = j["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["du_dieu_kien", "can_luu_y", "chua_du"]);
    assert_eq!(
        j["candidates"][1]["flags"]["ratings"][1]["severity"],
        "canh_bao"
    );
}

/// The case: a cadre short of the Bí thư's standard (Cao đẳng) and without ratings is
/// not "Đủ điều kiện" beside those warnings: she is "đủ nhưng cần lưu ý", the notes say why,
/// in one line for the ratings, without her name.
#[test]
fn short_of_the_standard_with_missing_ratings_needs_attention() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    let mut p = cadre("Nguyễn Thị Hạnh", Sex::Female, "20/10/1986", [None; 3]);
    p.professional_level = Some(ProfessionalLevel::CaoDang);
    let id = s.add_person(&p).unwrap();
    let c = board::candidates(&s, TERM, "BT").unwrap();
    let h = one(&c, id);
    assert_eq!(h.verdict, Verdict::CanLuuY, "{h:?}");
    assert!(
        h.notes
            .contains(&"Chưa có kết quả xếp loại chất lượng các năm 2023, 2024, 2025.".to_string()),
        "{:?}",
        h.notes
    );
    assert!(
        h.notes.iter().any(|n| n
            == "Chưa đạt tiêu chuẩn chức danh Bí thư Đảng ủy: Chuyên môn: cần đại học trở lên (hiện Cao đẳng)."),
        "{:?}",
        h.notes
    );
    assert!(h.notes.iter().all(|n| !n.contains("Nguyễn Thị Hạnh")));
    assert!(h
        .flags
        .ratings
        .iter()
        .all(|f| f.as_ref().is_some_and(|f| f.severity == Severity::Warning)));
}

/// Months left are marked by the rule set's threshold for the entry's đối tượng: a man retiring
/// 10/2034 has 51 months at 07/2030 — short of 60, enough once the ward sets 48; for two terms
/// he needs twice as many. The board and the candidate list follow the edit at once.
#[test]
fn the_months_left_flag_follows_the_rule_set() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    let id = s
        .add_person(&cadre("Phạm Văn Dũng", Sex::Male, "15/10/1972", GOOD))
        .unwrap();
    let entry = s
        .plan_person(
            TERM,
            "BCH",
            id,
            &PlanEvent::new(PlanStep::Proposed, d("20/09/2026")),
        )
        .unwrap();
    let months_flag = |s: &Store| {
        let b = board::board(s, TERM).unwrap();
        let e = b
            .positions
            .iter()
            .flat_map(|p| &p.entries)
            .find(|e| e.entry_id == entry)
            .unwrap()
            .clone();
        (
            e.months_left,
            e.flags.months_left.clone(),
            e.verdict,
            b.terms_choices,
        )
    };
    let (months, flag, verdict, choices) = months_flag(&s);
    assert_eq!(months, 51);
    let flag = flag.expect("51 < 60 is marked");
    assert_eq!(flag.severity, Severity::Violation);
    assert!(
        flag.reason.starts_with(
            "Còn 51 tháng công tác tính đến tháng 07/2030 (nghỉ hưu tháng 10/2034), dưới 60 tháng"
        ),
        "{}",
        flag.reason
    );
    assert_eq!(verdict, Verdict::ChuaDu);
    assert!(choices[1].label.contains("120 tháng"), "{choices:?}");

    set_params(&mut s, serde_json::json!({ "min_months_left_first": 48 }));
    let (_, flag, verdict, choices) = months_flag(&s);
    assert_eq!(flag, None, "48 months asked: 51 is enough");
    assert_eq!(verdict, Verdict::DuDieuKien);
    assert!(
        choices[0].label.contains("48 tháng") && choices[1].label.contains("96 tháng"),
        "{choices:?}"
    );

    // The candidate list, judged for one term and for two (the dialog then names 96, not 60).
    let other = s
        .add_person(&cadre("Hồ Văn Giang", Sex::Male, "15/10/1972", GOOD))
        .unwrap();
    let c1 = board::candidates_for_terms(&s, TERM, "BTV", 1).unwrap();
    assert_eq!(one(&c1, other).verdict, Verdict::DuDieuKien);
    let c2 = board::candidates_for_terms(&s, TERM, "BTV", 2).unwrap();
    let g = one(&c2, other);
    assert_eq!((c2.terms, g.verdict), (2, Verdict::ChuaDu));
    let f = g.flags.months_left.as_ref().unwrap();
    assert!(
        f.reason.contains("dưới 96 tháng của hai nhiệm kỳ"),
        "{}",
        f.reason
    );
    assert!(
        g.doubts.iter().any(|d| d.contains("dưới 96 tháng")),
        "{:?}",
        g.doubts
    );
    assert!(board::candidates_for_terms(&s, TERM, "BTV", 3).is_err());

    // Back to 60: the board marks the entry again.
    set_params(&mut s, serde_json::json!({ "min_months_left_first": 60 }));
    assert!(months_flag(&s).1.is_some());
}

/// A post already full is something to confirm too, said by the core.
#[test]
fn a_full_post_asks_for_confirmation() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    let mut ids = Vec::new();
    for (i, name) in ["Đặng Văn An", "Đỗ Thị Bình", "Hà Văn Châu", "Kiều Thị Dung"]
        .iter()
        .enumerate()
    {
        ids.push(
            s.add_person(&cadre(
                name,
                Sex::Male,
                &format!("0{}/01/1985", i + 1),
                GOOD,
            ))
            .unwrap(),
        );
    }
    for id in &ids[..3] {
        s.plan_person(
            TERM,
            "CVP-ĐU",
            *id,
            &PlanEvent::new(PlanStep::Proposed, d("20/09/2026")),
        )
        .unwrap();
    }
    let c = board::candidates(&s, TERM, "CVP-ĐU").unwrap();
    assert_eq!((c.planned, c.max), (3, Some(3)));
    let last = one(&c, ids[3]);
    assert!(last.violations.is_empty());
    assert_eq!(
        last.doubts,
        ["Chức danh đã có 3/3 người: thêm người này sẽ vượt số lượng."]
    );
    // Those already planned are chưa đủ, with that reason first.
    let planned = one(&c, ids[0]);
    assert!(planned.planned_here && planned.verdict == Verdict::ChuaDu);
    assert_eq!(
        planned.violations[0],
        "Đã có trong quy hoạch chức danh này."
    );
}

/// `plan candidates --json` carries the verdict of each row as the window gets it; the readable
/// list heads each group with the verdict's label.
#[test]
fn cli_plan_candidates_gives_the_verdict() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    // The CLI judges on the real day: ratings of the three years before it.
    let year = chrono::Local::now().year();
    let mut good = cadre("Trần Thị Ánh", Sex::Female, "05/09/1988", [None; 3]);
    let mut short = cadre("Võ Văn Cường", Sex::Male, "03/03/1985", [None; 3]);
    let mut missing = cadre("Lê Thị Bích", Sex::Female, "12/08/1987", [None; 3]);
    for y in year - 3..year {
        let r = |level| Rating {
            year: y,
            level,
            score: None,
            basis: String::new(),
        };
        good.ratings.push(r(RatingLevel::Htt));
        short.ratings.push(r(if y == year - 1 {
            RatingLevel::Kht
        } else {
            RatingLevel::Htt
        }));
        if y != year - 2 {
            missing.ratings.push(r(RatingLevel::Htxs));
        }
    }
    let good = s.add_person(&good).unwrap();
    let short = s.add_person(&short).unwrap();
    let missing = s.add_person(&missing).unwrap();
    s.close().unwrap();
    let pass = pass_file(&w);
    let o = cli(
        &w,
        &pass,
        &[
            "plan",
            "candidates",
            "--term",
            TERM,
            "--position",
            "BCH",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = j["candidates"].as_array().unwrap();
    let by = |id: i64| rows.iter().find(|r| r["person_id"] == id).unwrap();
    assert_eq!(by(good)["verdict"], "du_dieu_kien");
    assert_eq!(by(missing)["verdict"], "can_luu_y");
    assert_eq!(by(missing)["verdict_label"], "Đủ nhưng cần lưu ý");
    assert_eq!(by(short)["verdict"], "chua_du");
    assert_eq!(by(short)["flags"]["ratings"][2]["severity"], "vi_pham");
    assert!(by(short)["violations"][0]
        .as_str()
        .unwrap()
        .contains("“Không hoàn thành nhiệm vụ”"));
    // The same order as the window: by verdict.
    assert_eq!(rows[0]["person_id"], good);
    assert_eq!(rows[2]["person_id"], short);

    let o = cli(
        &w,
        &pass,
        &["plan", "candidates", "--term", TERM, "--position", "BCH"],
    );
    let text = String::from_utf8(o.stdout).unwrap();
    for head in [
        "Đủ điều kiện (1 người)",
        "Đủ nhưng cần lưu ý (1 người)",
        "Chưa đủ điều kiện (1 người)",
    ] {
        assert!(text.contains(head), "{text}");
    }
    assert!(!text.contains("du_dieu_kien"), "{text}");
    // Two terms through the flag; a third is refused in Vietnamese, naming the flag.
    let o = cli(
        &w,
        &pass,
        &[
            "plan",
            "candidates",
            "--term",
            TERM,
            "--position",
            "BCH",
            "--terms",
            "3",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("Đối tượng quy hoạch") && err.contains("--terms"),
        "{err}"
    );
}
