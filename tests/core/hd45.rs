//! Hướng dẫn 45-HD/BTCTW (21/11/2025), each rule at its boundary, on real encrypted stores and
//! through the CLI's `check --json`: months left as a plain difference (59 short, 60 enough; 120
//! for two terms), retirement before 2021, 3 per seat, posts per person without committee
//! membership, the committees' plan sizes (1.0–1.5 ×, halves up), the disciplined cadre's
//! removal, the review calendar and the reference months of new terms. (Issue 14.)

use crate::common::*;
use quyhoach::model::plan::*;
use quyhoach::model::YearMonth;
use quyhoach::model::*;
use quyhoach::rules::check::{self as rules_check, CheckReport, Finding, Severity};
use quyhoach::Store;

const TERM: &str = "2030-2035";

/// Given names for numbered people (a name holds letters only).
const GIVEN: [&str; 10] = [
    "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Khoa", "Lâm", "Minh",
];

fn check(s: &Store) -> CheckReport {
    rules_check::check(&s.plan_data(TERM).unwrap(), today())
}

fn only<'a>(r: &'a CheckReport, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn named<'a>(r: &'a CheckReport, rule: &str, person: i64) -> Vec<&'a Finding> {
    only(r, rule)
        .into_iter()
        .filter(|f| f.person_id == Some(person))
        .collect()
}

#[test]
fn months_left_is_a_plain_difference_and_two_terms_need_120() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    assert_eq!(
        s.plan_data(TERM).unwrap().rules.name,
        "Hướng dẫn 45-HD/BTCTW"
    );
    // Men born from 1966 retire at 62: 06/1973 → 06/2035 (59 months at 07/2030), 07/1973 → 07/2035.
    let short = add(&mut s, "Nguyễn Văn Năm Chín", Sex::Male, "15/06/1973");
    let enough = add(&mut s, "Trần Văn Sáu Mươi", Sex::Male, "15/07/1973");
    propose(&mut s, TERM, "TB-XDĐ", short, "20/09/2026");
    propose(&mut s, TERM, "CN-UBKT", enough, "20/09/2026");
    // Two terms (đối tượng 2): 07/1978 → 07/2040 is 120 months; 06/1978 → 119.
    let two_ok = add(&mut s, "Lê Thị Một Trăm Hai", Sex::Female, "15/07/1980");
    let two_short = add(&mut s, "Phạm Văn Thiếu", Sex::Male, "15/06/1978");
    let e1 = propose(&mut s, TERM, "CVP-ĐU", two_ok, "20/09/2026");
    let e2 = propose(&mut s, TERM, "CT-MTTQ", two_short, "20/09/2026");
    s.set_entry_terms(e1, 2).unwrap();
    s.set_entry_terms(e2, 2).unwrap();
    let r = check(&s);
    let f = named(&r, "months_left", short);
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(f[0].severity, Severity::Violation);
    assert_eq!(f[0].values["months_left"], 59);
    assert_eq!(
        f[0].message,
        "Nguyễn Văn Năm Chín: còn 59 tháng công tác tính đến tháng 07/2030 (nghỉ hưu tháng 06/2035), dưới 60 tháng của một nhiệm kỳ."
    );
    assert!(named(&r, "months_left", enough).is_empty());
    // A woman born 07/1980 retires at 60 in 07/2040: exactly 120.
    assert!(
        named(&r, "months_left", two_ok).is_empty(),
        "{:#?}",
        r.findings
    );
    let f = named(&r, "months_left", two_short);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (
            f[0].values["months_left"].clone(),
            f[0].values["min"].clone()
        ),
        (119.into(), 120.into())
    );
    assert_eq!(
        f[0].message,
        "Phạm Văn Thiếu: còn 119 tháng công tác tính đến tháng 07/2030 (nghỉ hưu tháng 06/2040), dưới 120 tháng của hai nhiệm kỳ."
    );
    // Only 1 or 2 terms, said in Vietnamese with the field named.
    let err = quyhoach::app::plan::set_entry_terms(&mut s, e1, 3).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "terms");
    assert!(err.field_errors()[0]
        .message
        .contains("đối tượng 1 (một nhiệm kỳ) hoặc đối tượng 2 (hai nhiệm kỳ)"));
    // The board shows it.
    let board = quyhoach::app::board::board(&s, TERM).unwrap();
    let cvp = board.positions.iter().find(|p| p.code == "CVP-ĐU").unwrap();
    assert_eq!(cvp.entries[0].terms, 2);
    assert_eq!(cvp.entries[0].terms_label, "Đối tượng 2 (hai nhiệm kỳ)");
}

#[test]
fn before_2021_the_old_retirement_ages_apply() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    let rows = [
        ("Nguyễn Thị Mười Hai", Sex::Female, "12/1964", "12/2019"),
        ("Trần Thị Cuối Năm", Sex::Female, "12/1965", "12/2020"),
        ("Lê Thị Đầu Năm", Sex::Female, "01/1966", "05/2021"),
        ("Phạm Văn Sáu Mươi", Sex::Male, "12/1960", "12/2020"),
        ("Hoàng Văn Sáu Mốt", Sex::Male, "01/1961", "04/2021"),
    ];
    let ids: Vec<i64> = rows
        .iter()
        .map(|(n, sex, b, _)| add(&mut s, n, *sex, b))
        .collect();
    for id in &ids {
        propose(&mut s, TERM, "BCH", *id, "20/09/2026");
    }
    let r = check(&s);
    for (id, row) in ids.iter().zip(rows) {
        let f = named(&r, "months_left", *id);
        assert_eq!(f.len(), 1, "{}", row.0);
        assert_eq!(f[0].values["retirement_month"], row.3, "{}", row.0);
    }
}

#[test]
fn at_most_three_per_seat() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    let people: Vec<i64> = (1..=10)
        .map(|i| {
            add(
                &mut s,
                &format!("Nguyễn Văn {}", GIVEN[i - 1]),
                Sex::Male,
                "1985",
            )
        })
        .collect();
    // One seat: 3 pass, the 4th is a violation.
    for p in &people[..3] {
        propose(&mut s, TERM, "PCT-UBND", *p, "20/09/2026");
    }
    assert!(only(&check(&s), "max_per_position").is_empty());
    propose(&mut s, TERM, "PCT-UBND", people[3], "20/09/2026");
    let r = check(&s);
    let f = only(&r, "max_per_position");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].message,
        "Chức danh Phó Chủ tịch UBND có 4 người trong quy hoạch, vượt quá 3 người cho một chức danh."
    );
    // Three seats (3 Phó Chủ tịch): 9 pass, the 10th is a violation.
    let mut pct = s.position("PCT-UBND").unwrap();
    pct.seats = 3;
    s.save_position(&pct).unwrap();
    for p in &people[4..9] {
        propose(&mut s, TERM, "PCT-UBND", *p, "20/09/2026");
    }
    assert!(only(&check(&s), "max_per_position").is_empty());
    assert_eq!(
        quyhoach::app::board::board(&s, TERM)
            .unwrap()
            .positions
            .iter()
            .find(|p| p.code == "PCT-UBND")
            .unwrap()
            .max,
        Some(9)
    );
    propose(&mut s, TERM, "PCT-UBND", people[9], "20/09/2026");
    let r = check(&s);
    let f = only(&r, "max_per_position");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].values["seats"].clone(), f[0].values["max"].clone()),
        (3.into(), 9.into())
    );
    assert_eq!(
        f[0].message,
        "Chức danh Phó Chủ tịch UBND có 10 người trong quy hoạch, vượt quá 9 người (3 vị trí, mỗi vị trí không quá 3 người)."
    );
    // Seats are checked when saved.
    pct.seats = 0;
    let err = quyhoach::app::rules::save_position(&mut s, &pct).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "seats");
}

#[test]
fn committee_membership_is_not_counted_in_posts_per_person() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    let p = add(&mut s, "Võ Thị Nhiều Việc", Sex::Female, "1988");
    for code in ["BCH", "BTV", "UBKT", "CT-MTTQ", "TB-XDĐ", "CVP-ĐU"] {
        propose(&mut s, TERM, code, p, "20/09/2026");
    }
    assert!(
        only(&check(&s), "max_positions_per_person").is_empty(),
        "3 posts and 3 committee memberships"
    );
    // The candidate list agrees: a 4th post is refused, a committee is not.
    let c = quyhoach::app::board::candidates(&s, TERM, "PCN-UBKT").unwrap();
    let me = c.candidates.iter().find(|c| c.person_id == p).unwrap();
    assert!(!me.eligible);
    assert_eq!(
        me.violations,
        vec!["Được quy hoạch 4 chức danh cùng cấp, vượt quá 3 chức danh."]
    );
    propose(&mut s, TERM, "PCN-UBKT", p, "20/09/2026");
    let r = check(&s);
    let f = only(&r, "max_positions_per_person");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].values["count"], 4);
}

#[test]
fn committee_plan_sizes_from_1_0_to_1_5_times_halves_up() {
    use quyhoach::rules::check::position::committee_bounds;
    assert_eq!(committee_bounds(15, 1.0, 1.5), (15, 23));
    assert_eq!(committee_bounds(27, 1.0, 1.5), (27, 41));
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    // An inspection committee of 3: its plan holds 3 to 5 (4,5 → 5).
    let mut rules = s.rules_for(&s.term(TERM).unwrap()).unwrap();
    rules.params.ubkt_size = 3;
    rules.params.bch_size = 0;
    rules.params.btv_size = 0;
    s.add_rule_set(&rules).unwrap();
    let people: Vec<i64> = (1..=6)
        .map(|i| {
            add(
                &mut s,
                &format!("Đặng Văn {}", GIVEN[i - 1]),
                Sex::Male,
                "1984",
            )
        })
        .collect();
    let size = |s: &Store| {
        only(&check(s), "plan_coefficient")
            .into_iter()
            .cloned()
            .collect::<Vec<_>>()
    };
    for p in &people[..2] {
        propose(&mut s, TERM, "UBKT", *p, "20/09/2026");
    }
    let f = size(&s);
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].message,
        "Quy hoạch Ủy viên Ủy ban Kiểm tra Đảng ủy có 2 người, dưới hệ số 1 lần số ủy viên (3 × 1 = 3 người)."
    );
    // Too few: the board's advice sends the clerk to add people to that committee's plan, not
    // to Settings.
    let advice = |s: &Store| {
        quyhoach::app::board::board(s, TERM)
            .unwrap()
            .groups
            .into_iter()
            .flat_map(|g| g.items)
            .find(|a| a.rule == "plan_coefficient")
            .unwrap()
    };
    let a = advice(&s);
    assert_eq!(a.add_to_position.as_deref(), Some("UBKT"));
    assert!(
        a.action
            .starts_with("Thêm người vào quy hoạch cho đủ ít nhất 3 người"),
        "{}",
        a.action
    );
    assert!(!a.action.contains("Cài đặt"), "{}", a.action);
    propose(&mut s, TERM, "UBKT", people[2], "20/09/2026");
    assert!(size(&s).is_empty(), "3 = 1,0 × 3");
    propose(&mut s, TERM, "UBKT", people[3], "20/09/2026");
    propose(&mut s, TERM, "UBKT", people[4], "20/09/2026");
    assert!(size(&s).is_empty(), "5 = 1,5 × 3 rounded up");
    propose(&mut s, TERM, "UBKT", people[5], "20/09/2026");
    let f = size(&s);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].values["max"], 5);
    assert_eq!(
        f[0].message,
        "Quy hoạch Ủy viên Ủy ban Kiểm tra Đảng ủy có 6 người, vượt hệ số 1,5 lần số ủy viên (3 × 1,5 = 5 người)."
    );
    // Too many: nothing to add; the advice is to take people out at the review.
    let a = advice(&s);
    assert_eq!(a.add_to_position, None);
    assert!(a.action.starts_with("Bớt người"), "{}", a.action);
    // A bad coefficient is refused, naming the field.
    rules.params.ubkt_plan_coefficient = 0.5;
    let err = s.add_rule_set(&rules).unwrap_err();
    assert_eq!(err.field_errors()[0].field, "ubkt_plan_coefficient");
}

#[test]
fn only_higher_follows_the_ranks_of_qd_368() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    let mut p = Person::new("Bùi Văn Trưởng Ban", Sex::Male, d("1982"));
    p.positions.push(PositionHeld {
        title: "Trưởng Ban Xây dựng Đảng".into(),
        organisation: String::new(),
        start: Some(d("01/2024")),
        end: None,
    });
    let id = s.add_person(&p).unwrap();
    propose(&mut s, TERM, "CN-UBKT", id, "20/09/2026"); // an equivalent post (level 9): not higher
    propose(&mut s, TERM, "PCT-UBND", id, "20/09/2026"); // level 8: higher
    let r = check(&s);
    let f = named(&r, "only_higher", id);
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(f[0].position_code.as_deref(), Some("CN-UBKT"));
}

#[test]
fn a_disciplined_cadre_leaves_at_once_the_board_proposes_the_step() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    let mut p = Person::new("Hoàng Văn Kỷ", Sex::Male, d("1983"));
    p.discipline_rewards.push(DisciplineReward {
        kind: RecordKind::Discipline,
        form: "Khiển trách".into(),
        date: d("10/03/2026"),
        decision_no: "15-QĐ/UBKT".into(),
        until: None,
        note: String::new(),
    });
    let id = s.add_person(&p).unwrap();
    let entry = propose(&mut s, TERM, "TB-XDĐ", id, "20/09/2026");
    let board = quyhoach::app::board::board(&s, TERM).unwrap();
    let e = &board
        .positions
        .iter()
        .find(|p| p.code == "TB-XDĐ")
        .unwrap()
        .entries[0];
    let step = e.remove_now.clone().expect("a removal is proposed");
    assert_eq!(step.step, PlanStep::Removed);
    assert_eq!(step.reason, Some(RemovalReason::Discipline));
    assert_eq!(step.decision_no, "15-QĐ/UBKT");
    assert_eq!(step.decision_date, Some(d("10/03/2026")));
    assert!(
        step.note
            .contains("Kỷ luật khiển trách theo quyết định số 15-QĐ/UBKT"),
        "{}",
        step.note
    );
    // The discipline is not left for the review; the missing ratings are not grounds.
    assert!(e.review_flags.is_empty(), "{:?}", e.review_flags);
    // The proposed step is one the store takes as it is.
    s.add_plan_step(entry, &step).unwrap();
    let after = quyhoach::app::board::board(&s, TERM).unwrap();
    let e = &after
        .positions
        .iter()
        .find(|p| p.code == "TB-XDĐ")
        .unwrap()
        .entries[0];
    assert!(!e.active && e.remove_now.is_none());
    // Other grounds wait for the yearly review.
    let old = add(&mut s, "Lý Văn Già", Sex::Male, "1970");
    propose(&mut s, TERM, "CVP-ĐU", old, "20/09/2026");
    let board = quyhoach::app::board::board(&s, TERM).unwrap();
    let e = &board
        .positions
        .iter()
        .find(|p| p.code == "CVP-ĐU")
        .unwrap()
        .entries[0];
    assert!(e.remove_now.is_none());
    assert_eq!(e.review_flags.len(), 1, "{:?}", e.review_flags);
    assert_eq!(
        e.review_flags[0],
        "Xem xét đưa ra ở đợt rà soát năm 2027 (vì vi phạm nêu trên)."
    );
    // The violation is one line of the notes, without the person's name; nothing repeats it.
    assert!(
        e.notes
            .iter()
            .any(|n| n.starts_with("Còn") || n.starts_with("còn")),
        "{:?}",
        e.notes
    );
    assert!(
        e.notes
            .iter()
            .chain(&e.review_flags)
            .all(|n| !n.contains("Lý Văn Già")),
        "{:?} {:?}",
        e.notes,
        e.review_flags
    );
}

#[test]
fn the_review_calendar_and_the_reference_months_of_new_terms() {
    use quyhoach::rules::calendar::ReviewStatus;
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    assert_eq!(
        quyhoach::app::plan::default_reference_month(&s, TermKind::Party, 2030).unwrap(),
        YearMonth::new(2030, 7)
    );
    assert_eq!(
        quyhoach::app::plan::default_reference_month(&s, TermKind::Government, 2031).unwrap(),
        YearMonth::new(2031, 3)
    );
    // The window's new-term form and a term added without a month take the same default.
    assert_eq!(
        quyhoach::app::plan::default_reference(&s, "chinh_quyen", 2031).unwrap(),
        "03/2031"
    );
    quyhoach::app::plan::add_term(
        &mut s,
        &quyhoach::app::plan::NewTerm {
            kind: "chinh_quyen".into(),
            start_year: 2031,
            end_year: 2036,
            reference: String::new(),
        },
    )
    .unwrap();
    assert_eq!(
        s.term("2031-2036").unwrap().reference_month,
        YearMonth::new(2031, 3)
    );
    assert_eq!(check(&s).review.status, ReviewStatus::NoPlan);
    let p = add(&mut s, "Ngô Thị Lịch", Sex::Female, "1990");
    propose(&mut s, TERM, "BCH", p, "20/09/2026");
    let data = s.plan_data(TERM).unwrap();
    let day = |t: &str| chrono::NaiveDate::parse_from_str(t, "%d/%m/%Y").unwrap();
    let at = |t: &str| rules_check::check(&data, day(t)).review;
    assert_eq!(at("22/11/2026").status, ReviewStatus::NotYet);
    let due = at("31/03/2027");
    assert_eq!(due.status, ReviewStatus::Due);
    assert_eq!(
        due.message,
        "Đợt rà soát, bổ sung quy hoạch năm 2027 làm trong quý I (hạn 31/03/2027), báo cáo cấp trên trước ngày 30/06/2027."
    );
    let late = at("01/04/2027");
    assert_eq!(late.status, ReviewStatus::Late);
    assert_eq!(
        late.message,
        "Đợt rà soát, bổ sung quy hoạch năm 2027 đã quá hạn 31/03/2027 mà chưa ghi nhận; cần rà soát ngay để kịp báo cáo cấp trên trước ngày 30/06/2027."
    );
    assert_eq!(at("01/07/2027").status, ReviewStatus::Overdue);
    s.set_today(day("15/03/2027"));
    s.add_review_round(TERM, 2027, "", "").unwrap();
    let data = s.plan_data(TERM).unwrap();
    assert_eq!(
        rules_check::check(&data, day("01/07/2027")).review.status,
        ReviewStatus::Done
    );
}

#[test]
fn older_rule_sets_stay_and_a_term_uses_the_one_in_force() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    let names: Vec<String> = s.rule_sets().unwrap().into_iter().map(|r| r.name).collect();
    assert_eq!(
        names,
        vec![
            "Quy định 50-QĐ/TW",
            "Quy định 377-QĐ/TW",
            "Hướng dẫn 45-HD/BTCTW"
        ]
    );
    s.add_term(&Term::new(
        TermKind::Party,
        2025,
        2030,
        YearMonth::new(2025, 10),
    ))
    .unwrap();
    let old = s.rules_for(&s.term("2025-2030").unwrap()).unwrap();
    assert_eq!(old.name, "Quy định 377-QĐ/TW");
    assert!(old.params.months_left_inclusive, "QĐ 377 as it was: “+1”");
    assert!(
        !s.rules_for(&s.term(TERM).unwrap())
            .unwrap()
            .params
            .months_left_inclusive
    );
}

/// The same boundaries through the CLI's `check --json`.
#[test]
fn cli_check_json_shows_the_hd45_boundaries() {
    let w = temp_ward();
    let mut s = ward_with_term(&w, TERM);
    let short = add(&mut s, "Nguyễn Văn Năm Chín", Sex::Male, "15/06/1973");
    let enough = add(&mut s, "Trần Văn Sáu Mươi", Sex::Male, "15/07/1973");
    propose(&mut s, TERM, "TB-XDĐ", short, "20/09/2026");
    propose(&mut s, TERM, "CN-UBKT", enough, "20/09/2026");
    let two = add(&mut s, "Phạm Văn Thiếu", Sex::Male, "15/06/1978");
    let e = propose(&mut s, TERM, "CT-MTTQ", two, "20/09/2026");
    s.set_entry_terms(e, 2).unwrap();
    let old = add(&mut s, "Nguyễn Thị Mười Hai", Sex::Female, "12/1964");
    propose(&mut s, TERM, "BCH", old, "20/09/2026");
    let busy = add(&mut s, "Võ Thị Nhiều Việc", Sex::Female, "1988");
    for code in ["BTV", "UBKT", "PCT-UBND", "PTB-XDĐ", "CVP-ĐU"] {
        propose(&mut s, TERM, code, busy, "20/09/2026");
    }
    let mut pct = s.position("PCT-UBND").unwrap();
    pct.seats = 3;
    s.save_position(&pct).unwrap();
    for i in 1..=9 {
        let p = add(
            &mut s,
            &format!("Đỗ Văn {}", GIVEN[i - 1]),
            Sex::Male,
            "1986",
        );
        propose(&mut s, TERM, "PCT-UBND", p, "20/09/2026");
    }
    s.close().unwrap();
    let pass = pass_file(&w);
    let o = cli(
        &w,
        &pass,
        &["check", "--term", TERM, "--as-of", "22/11/2026", "--json"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["rule_set"], "Hướng dẫn 45-HD/BTCTW");
    let findings = r["findings"].as_array().unwrap();
    let of = |rule: &str, id: i64| -> Vec<&serde_json::Value> {
        findings
            .iter()
            .filter(|f| f["rule"] == rule && f["person_id"] == id)
            .collect()
    };
    let f = of("months_left", short);
    assert_eq!(
        (f.len(), f[0]["values"]["months_left"].clone()),
        (1, 59.into())
    );
    assert!(of("months_left", enough).is_empty());
    let f = of("months_left", two);
    assert_eq!(f[0]["values"]["min"], 120);
    assert_eq!(f[0]["values"]["months_left"], 119);
    assert_eq!(
        of("months_left", old)[0]["values"]["retirement_month"],
        "12/2019"
    );
    assert!(
        of("max_positions_per_person", busy).is_empty(),
        "BTV and UBKT not counted"
    );
    // 10 on a post of 3 seats (the busy one and 9 more): over 9.
    let seat: Vec<_> = findings
        .iter()
        .filter(|f| f["rule"] == "max_per_position")
        .collect();
    assert_eq!(seat.len(), 1);
    assert_eq!(seat[0]["values"]["max"], 9);
    assert_eq!(seat[0]["values"]["seats"], 3);
    // The committees against 1.0–1.5 × their members (BCH 27, BTV 11, UBKT 5).
    let sizes: Vec<(String, i64)> = findings
        .iter()
        .filter(|f| f["rule"] == "plan_coefficient")
        .map(|f| {
            (
                f["position_code"].as_str().unwrap().to_string(),
                f["values"]["min"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sizes,
        vec![("BCH".into(), 27), ("BTV".into(), 11), ("UBKT".into(), 5)]
    );
    assert_eq!(r["review"]["status"], "chua_den_ky");
    assert!(r["review"]["message"]
        .as_str()
        .unwrap()
        .contains("quý I (hạn 31/03/2027)"));
}
