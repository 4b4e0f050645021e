//! Each planning rule and target at its boundaries, on in-memory plans, with the Vietnamese
//! explanation the clerk reads. (Issue 3.)

use crate::common::d;
use crate::common::plan::*;
use quyhoach::model::plan::*;
use quyhoach::model::*;
use quyhoach::rules::check::{CheckReport, Finding, Severity};
use quyhoach::rules::targets::{Indicator, Target};

fn only(report: &CheckReport, rule: &str) -> Vec<Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .cloned()
        .collect()
}

#[test]
fn exactly_60_months_left_passes_59_fails() {
    let mut plan = Plan::new();
    // Men born from 1966 retire at 62: born 06/1973 → retirement 06/2035 → 60 months from 07/2030.
    let a = plan.person(good(1, "Nguyễn Văn Sáu Mươi", Sex::Male, "15/06/1973"));
    let b = plan.person(good(2, "Trần Văn Năm Chín", Sex::Male, "15/05/1973"));
    plan.plan(a, "TB-XDĐ");
    plan.plan(b, "CN-UBKT");
    let r = plan.run();
    let f = only(&r, "months_left");
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(f[0].person_id, Some(b));
    assert_eq!(f[0].severity, Severity::Violation);
    assert_eq!(f[0].values["months_left"], 59);
    assert_eq!(
        f[0].message,
        "Trần Văn Năm Chín: còn 59 tháng công tác tính đến tháng 07/2030 (nghỉ hưu tháng 05/2035), dưới 60 tháng của một nhiệm kỳ."
    );
}

#[test]
fn first_and_last_day_of_a_month_give_the_same_months_left() {
    let mut plan = Plan::new();
    let a = plan.person(good(1, "Lê Văn Đầu", Sex::Male, "01/05/1973"));
    let b = plan.person(good(2, "Lê Văn Cuối", Sex::Male, "31/05/1973"));
    plan.plan(a, "TB-XDĐ");
    plan.plan(b, "CN-UBKT");
    let f = only(&plan.run(), "months_left");
    assert_eq!(f.len(), 2);
    assert!(f
        .iter()
        .all(|f| f.values["months_left"] == 59 && f.values["retirement_month"] == "05/2035"));
}

#[test]
fn year_only_birth_counts_from_january() {
    let mut plan = Plan::new();
    let a = plan.person(good(1, "Phạm Văn Năm", Sex::Male, "1973"));
    plan.plan(a, "TB-XDĐ");
    let f = only(&plan.run(), "months_left");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].values["months_left"], 55);
    assert_eq!(f[0].values["retirement_month"], "01/2035");
}

#[test]
fn women_retire_earlier_and_an_override_wins() {
    let mut plan = Plan::new();
    // Women born from 1975 retire at 60: 08/1975 → 08/2035, 62 months from 07/2030.
    let a = plan.person(good(1, "Võ Thị Tám", Sex::Female, "10/08/1975"));
    let mut b = good(2, "Võ Thị Sớm", Sex::Female, "10/08/1975");
    b.retirement_override = Some(d("12/2034"));
    let b = plan.person(b);
    plan.plan(a, "TB-XDĐ");
    plan.plan(b, "CN-UBKT");
    let f = only(&plan.run(), "months_left");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].person_id, Some(b));
    assert_eq!(f[0].values["months_left"], 54);
}

#[test]
fn renominated_committee_members_need_48_months() {
    let mut plan = Plan::new();
    // 50 months left: born 08/1972 → retirement 08/2034.
    let mut member = good(1, "Đặng Văn Tái", Sex::Male, "10/08/1972");
    member.positions.push(PositionHeld {
        title: "Đảng ủy viên".into(),
        organisation: String::new(),
        start: Some(d("2025")),
        end: None,
    });
    let member = plan.person(member);
    let newcomer = plan.person(good(2, "Đặng Văn Mới", Sex::Male, "10/08/1972"));
    plan.plan(member, "BCH");
    plan.plan(newcomer, "BCH");
    let f = only(&plan.run(), "months_left");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].person_id, Some(newcomer));
    assert_eq!(f[0].values["months_left"], 50);
}

#[test]
fn the_fourth_person_on_a_position_is_a_violation() {
    let mut plan = Plan::new();
    let births = ["1985", "1988", "1990", "1992"];
    for (i, b) in births.iter().enumerate() {
        let id = plan.person(good(
            i as i64 + 1,
            &format!("Hồ Văn Người {}", ["Một", "Hai", "Ba", "Bốn"][i]),
            Sex::Male,
            b,
        ));
        plan.plan(id, "CN-UBKT");
        if i == 2 {
            assert!(
                only(&plan.run(), "max_per_position").is_empty(),
                "3 people are allowed"
            );
        }
    }
    let f = only(&plan.run(), "max_per_position");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].message, "Chức danh Chủ nhiệm Ủy ban Kiểm tra Đảng ủy có 4 người trong quy hoạch, vượt quá 3 người cho một chức danh.");
    // The rule set is data: 4 per position removes the finding without a rebuild.
    plan.rules.params.max_people_per_position = 4;
    assert!(only(&plan.run(), "max_per_position").is_empty());
}

#[test]
fn at_most_three_positions_per_person() {
    let mut plan = Plan::new();
    let a = plan.person(good(1, "Bùi Thị Nhiều", Sex::Female, "1990"));
    for code in ["BT", "PBT-TT", "CN-UBKT"] {
        plan.plan(a, code);
    }
    assert!(only(&plan.run(), "max_positions_per_person").is_empty());
    plan.plan(a, "TB-XDĐ");
    let f = only(&plan.run(), "max_positions_per_person");
    assert_eq!(
        f[0].message,
        "Bùi Thị Nhiều được quy hoạch 4 chức danh cùng cấp, vượt quá 3 chức danh."
    );
}

#[test]
fn only_a_higher_position() {
    let mut plan = Plan::new();
    let mut p = good(1, "Lý Văn Phó", Sex::Male, "1985");
    p.positions.push(PositionHeld {
        title: "Phó Chủ tịch UBND".into(),
        organisation: String::new(),
        start: Some(d("2024")),
        end: None,
    });
    let p = plan.person(p);
    plan.plan(p, "PCT-HĐND");
    plan.plan(p, "CT-UBND");
    let f = only(&plan.run(), "only_higher");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].position_code.as_deref(), Some("PCT-HĐND"));
    assert_eq!(f[0].message, "Lý Văn Phó: chức danh Phó Chủ tịch HĐND không cao hơn chức vụ hiện giữ; chỉ quy hoạch chức danh cao hơn.");
}

#[test]
fn a_missing_or_low_rating() {
    let mut plan = Plan::new();
    let mut a = good(1, "Ngô Thị Thiếu", Sex::Female, "1988");
    a.ratings.retain(|r| r.year != 2024);
    let mut b = good(2, "Ngô Văn Vừa", Sex::Male, "1987");
    b.ratings[2].level = RatingLevel::Ht;
    let (a, b) = (plan.person(a), plan.person(b));
    plan.plan(a, "TB-XDĐ");
    plan.plan(b, "CN-UBKT");
    let r = plan.run();
    let missing = only(&r, "rating_missing");
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].severity, Severity::Warning);
    assert_eq!(
        missing[0].message,
        "Ngô Thị Thiếu: chưa có kết quả xếp loại chất lượng năm 2024."
    );
    let low = only(&r, "rating");
    assert_eq!(low.len(), 1);
    assert_eq!(low[0].message, "Ngô Văn Vừa: năm 2025 xếp loại “Hoàn thành nhiệm vụ”, thấp hơn mức “Hoàn thành tốt nhiệm vụ” cần có.");
}

#[test]
fn discipline_in_effect_excludes_an_expired_one_does_not() {
    let mut plan = Plan::new();
    let discipline = |until: &str| DisciplineReward {
        kind: RecordKind::Discipline,
        form: "Khiển trách".into(),
        date: d("12/11/2025"),
        decision_no: "45-QĐ/UBKTĐU".into(),
        until: Some(d(until)),
        note: String::new(),
    };
    let mut a = good(1, "Trương Văn Còn", Sex::Male, "1986");
    a.discipline_rewards.push(discipline("22/11/2026"));
    let mut b = good(2, "Trương Văn Hết", Sex::Male, "1986");
    b.discipline_rewards.push(discipline("21/11/2026"));
    let (a, b) = (plan.person(a), plan.person(b));
    plan.plan(a, "TB-XDĐ");
    plan.plan(b, "CN-UBKT");
    let r = plan.run();
    let active = only(&r, "discipline");
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].person_id, Some(a));
    assert_eq!(active[0].message, "Trương Văn Còn: đang trong thời hạn kỷ luật khiển trách (đến 22/11/2026), đương nhiên ra khỏi quy hoạch.");
    let expired = only(&r, "discipline_expired");
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0].severity, Severity::Info);
    assert_eq!(expired[0].person_id, Some(b));
}

#[test]
fn standards_give_training_gaps() {
    let mut plan = Plan::new();
    let mut p = good(1, "Đinh Thị Học", Sex::Female, "1991");
    p.political_theory = Some(PoliticalTheory::SoCap);
    p.state_management = None;
    let p = plan.person(p);
    plan.plan(p, "PBT-TT");
    plan.plan(p, "BCH");
    let r = plan.run();
    let f = only(&r, "standard");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].message,
        "Đinh Thị Học: chưa đạt tiêu chuẩn chức danh Phó Bí thư Thường trực Đảng ủy: Lý luận chính trị: cần trung cấp trở lên (hiện Sơ cấp); Quản lý nhà nước: cần ngạch chuyên viên trở lên (hiện chưa có)."
    );
    assert_eq!(r.training_gaps.len(), 1);
    assert_eq!(r.training_gaps[0].lacks.len(), 2);
}

#[test]
fn key_post_without_committee_plan_and_local_secretary() {
    let mut plan = Plan::new();
    let mut p = good(1, "Phan Văn Địa", Sex::Male, "1984");
    p.home_town = "phường Phổ Hòa, tỉnh Quảng Ngãi".into();
    let p = plan.person(p);
    plan.plan(p, "BT");
    let r = plan.run();
    assert_eq!(only(&r, "key_without_bch").len(), 1);
    let local = only(&r, "secretary_local");
    assert_eq!(local[0].message, "Phan Văn Địa: quê quán tại địa phương (phường Phổ Hòa, tỉnh Quảng Ngãi); chủ trương bố trí Bí thư không là người địa phương.");
    plan.plan(p, "BCH");
    assert!(only(&plan.run(), "key_without_bch").is_empty());
}

#[test]
fn votes_need_more_than_half_of_those_summoned() {
    let mut plan = Plan::new();
    let a = plan.person(good(1, "Hoàng Văn Phiếu", Sex::Male, "1985"));
    let e = plan.plan(a, "TB-XDĐ") as usize - 1;
    let vote = |agree| VoteTally {
        summoned: 30,
        present: 29,
        issued: 29,
        returned: 29,
        valid: 29,
        agree,
    };
    plan.entries[e].events[0].votes = Some(vote(15));
    let f = only(&plan.run(), "votes");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].message, "Hoàng Văn Phiếu: bước “Đề xuất” được 15/30 phiếu đồng ý (50%) so với số người được triệu tập, chưa quá 50%.");
    plan.entries[e].events[0].votes = Some(vote(16));
    assert!(only(&plan.run(), "votes").is_empty());
    // Counted on valid ballots instead, 15/29 passes.
    plan.entries[e].events[0].votes = Some(vote(15));
    plan.rules.params.vote_base = quyhoach::rules::ruleset::VoteBase::Valid;
    assert!(only(&plan.run(), "votes").is_empty());
}

#[test]
fn women_and_young_shares_and_ward_targets() {
    let mut plan = Plan::new();
    // 7 in the BCH plan: 1 woman (14,3%), 1 under 40 at 07/2030.
    let births = ["1991", "1980", "1981", "1982", "1983", "1984", "1985"];
    for (i, b) in births.iter().enumerate() {
        let sex = if i == 0 { Sex::Female } else { Sex::Male };
        let id = plan.person(good(
            i as i64 + 1,
            &format!("Dương Văn Thành Viên {i}"),
            sex,
            b,
        ));
        plan.plan(id, "BCH");
    }
    plan.targets = vec![
        Target {
            id: Some(1),
            body: "BCH".into(),
            indicator: Indicator::Young,
            threshold: 0.15,
            strict: false,
            age_under: Some(40),
            year: 2035,
            source: "Kế hoạch 52-KH/ĐU".into(),
        },
        Target {
            id: Some(2),
            body: "BCH".into(),
            indicator: Indicator::Young,
            threshold: 0.10,
            strict: false,
            age_under: Some(40),
            year: 2030,
            source: "Kế hoạch 52-KH/ĐU".into(),
        },
        Target {
            id: Some(3),
            body: "BCH".into(),
            indicator: Indicator::Women,
            threshold: 0.20,
            strict: false,
            age_under: None,
            year: 2030,
            source: "Kế hoạch 52-KH/ĐU".into(),
        },
        Target {
            id: Some(4),
            body: "BCH".into(),
            indicator: Indicator::Women,
            threshold: 0.35,
            strict: true,
            age_under: None,
            year: 2040,
            source: String::new(),
        },
    ];
    let r = plan.run();
    assert_eq!(
        only(&r, "women_share")[0].message,
        "Tỷ lệ cán bộ nữ trong quy hoạch nhiệm kỳ 2030-2035 là 14,3% (1/7), dưới mức 25%."
    );
    assert_eq!(only(&r, "young_share")[0].message, "Tỷ lệ cán bộ trẻ dưới 40 tuổi trong quy hoạch nhiệm kỳ 2030-2035 là 14,3% (1/7), dưới mức 15%.");
    let t = only(&r, "target");
    assert_eq!(t.len(), 2, "{t:#?}");
    assert_eq!(t[0].message, "Chỉ tiêu năm 2035: tỷ lệ cán bộ trẻ trong Ban Chấp hành (quy hoạch) là 14,3% (1/7), yêu cầu từ 15% trở lên.");
    assert_eq!(t[0].source, "Kế hoạch 52-KH/ĐU");
    assert_eq!(t[1].message, "Chỉ tiêu năm 2030: tỷ lệ nữ trong Ban Chấp hành (quy hoạch) là 14,3% (1/7), yêu cầu từ 20% trở lên.");
    assert_eq!(r.targets.len(), 3, "the 2040 target is outside the term");
    assert!(r
        .targets
        .iter()
        .any(|t| t.target.year == 2030 && t.target.indicator == Indicator::Young && t.met));
    // Young at the reference month 07/2030: born 1991 → 38 (young); born 1985 → 44.
    assert_eq!(r.stats.young.count, 1);
    assert_eq!(r.stats.sex[1].count, 1);
    assert_eq!(r.stats.sex[1].percent, 14.3);
}

#[test]
fn not_working_people_and_removed_entries() {
    let mut plan = Plan::new();
    let mut a = good(1, "Kiều Văn Chuyển", Sex::Male, "1985");
    a.status = Status::Transferred;
    a.status_date = Some(d("01/03/2026"));
    let a = plan.person(a);
    let b = plan.person(good(2, "Kiều Văn Ra", Sex::Male, "1960"));
    plan.plan(a, "TB-XDĐ");
    let e = plan.plan(b, "CN-UBKT") as usize - 1;
    let r = plan.run();
    assert_eq!(
        only(&r, "not_working")[0].message,
        "Kiều Văn Chuyển: tình trạng “Đã chuyển công tác”, không còn trong diện quy hoạch."
    );
    assert_eq!(only(&r, "months_left").len(), 1);
    // Once removed, the entry is history: no longer checked.
    let mut out = PlanEvent::new(PlanStep::Removed, d("01/10/2026"));
    out.decision_no = "99-QĐ/TU".into();
    out.decision_date = Some(d("01/10/2026"));
    out.review_year = Some(2026);
    out.reason = Some(RemovalReason::OverAge);
    plan.entries[e].events.push(out);
    assert!(only(&plan.run(), "months_left").is_empty());
}

#[test]
fn a_target_over_nobody_is_reported_as_not_assessable() {
    let mut plan = Plan::new();
    let a = plan.person(good(1, "Châu Văn Lớn", Sex::Male, "1980"));
    plan.plan(a, "BT");
    plan.plan(a, "BCH");
    plan.targets = vec![Target {
        id: Some(1),
        body: "CHU_CHOT".into(),
        indicator: Indicator::YoungForeignLanguage,
        threshold: 0.4,
        strict: false,
        age_under: Some(40),
        year: 2030,
        source: String::new(),
    }];
    let r = plan.run();
    assert!(only(&r, "target").is_empty());
    let f = only(&r, "target_empty");
    assert_eq!(f[0].severity, Severity::Info);
    assert_eq!(
        f[0].message,
        "Chỉ tiêu năm 2030: tỷ lệ cán bộ trẻ sử dụng được ngoại ngữ trong cán bộ chủ chốt (quy hoạch): chưa có cán bộ trẻ nào trong quy hoạch để tính nên chưa đánh giá được."
    );
    assert_eq!(
        (r.targets[0].count, r.targets[0].of, r.targets[0].met),
        (0, 0, false)
    );
}

#[test]
fn a_government_post_in_a_party_term_is_flagged() {
    let mut plan = Plan::new();
    let a = plan.person(good(1, "Tạ Văn Chính", Sex::Male, "1984"));
    plan.plan(a, "CT-UBND");
    plan.plan(a, "TB-XDĐ");
    let f = only(&plan.run(), "term_kind");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].message,
        "Chức danh Chủ tịch UBND thuộc nhiệm kỳ HĐND, UBND, nhưng đang quy hoạch trong nhiệm kỳ 2030-2035 (Cấp ủy, tổ chức đảng)."
    );
    plan.term.kind = TermKind::Government;
    let f = only(&plan.run(), "term_kind");
    assert_eq!(
        f[0].position_code.as_deref(),
        Some("TB-XDĐ"),
        "and a Party post in a government term"
    );
}

/// The README's list of rule codes is RuleCode's: every code with its label, none other.
#[test]
fn the_readme_lists_every_rule_code_with_its_label() {
    use quyhoach::rules::codes::RuleCode;
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("Rule codes").unwrap();
    let end = start + readme[start..].find("Target indicators").unwrap();
    let listed: Vec<&str> = readme[start..end]
        .lines()
        .filter(|l| l.starts_with("- `") && l.contains("`: "))
        .collect();
    for r in RuleCode::ALL {
        let line = format!("- `{}`: {}", r.code(), r.label());
        assert!(listed.contains(&line.as_str()), "README lacks “{line}”");
    }
    assert_eq!(listed.len(), RuleCode::ALL.len(), "{listed:#?}");
}
