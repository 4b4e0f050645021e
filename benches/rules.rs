//! `cargo bench --bench rules`: a full check of a term's plan and its statistics for 2,000 people
//! (target ≤ 50 ms) and for 100,000 people, a province merging its wards (target ≤ 2 s).

mod common;
use common::time;

use std::collections::HashMap;

use quyhoach::demo::{demo_people, demo_unit};
use quyhoach::model::plan::*;
use quyhoach::model::PartialDate;
use quyhoach::model::YearMonth;
use quyhoach::rules::check::check;
use quyhoach::rules::plan::PlanData;
use quyhoach::rules::ruleset::RuleSet;
use quyhoach::rules::targets::{Indicator, Target};
use quyhoach::Store;

fn main() {
    // The position catalogue as a new database has it.
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::create(
        &dir.path().join("danh mục.db"),
        "mật khẩu đo hiệu năng",
        &demo_unit(),
    )
    .expect("create");
    let positions = store.positions().expect("positions");
    store.close().expect("close");
    let codes: Vec<&Position> = positions
        .iter()
        .filter(|p| p.group != PositionGroup::CapUy)
        .collect();
    let bch = positions
        .iter()
        .find(|p| p.code == "BCH")
        .and_then(|p| p.id)
        .expect("BCH");
    let term = Term {
        id: Some(1),
        ..Term::new(TermKind::Party, 2030, 2035, YearMonth::new(2030, 7))
    };
    let rules = RuleSet::qd377();
    let targets = vec![
        Target {
            id: Some(1),
            body: "BCH".into(),
            indicator: Indicator::Young,
            threshold: 0.15,
            strict: false,
            age_under: Some(40),
            year: 2030,
            source: String::new(),
        },
        Target {
            id: Some(2),
            body: "CHU_CHOT".into(),
            indicator: Indicator::TheoryMid,
            threshold: 1.0,
            strict: false,
            age_under: None,
            year: 2030,
            source: String::new(),
        },
        Target {
            id: Some(3),
            body: "TAT_CA".into(),
            indicator: Indicator::Women,
            threshold: 0.25,
            strict: false,
            age_under: None,
            year: 2030,
            source: String::new(),
        },
    ];
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    for (n, target_ms) in [(2_000usize, 50.0), (100_000, 2_000.0)] {
        let people: HashMap<i64, _> = demo_people(n)
            .into_iter()
            .enumerate()
            .map(|(i, mut p)| {
                p.id = Some(i as i64 + 1);
                (i as i64 + 1, p)
            })
            .collect();
        let mut event = PlanEvent::new(
            PlanStep::Proposed,
            PartialDate::parse("01/09/2026").expect("date"),
        );
        event.votes = Some(VoteTally {
            summoned: 33,
            present: 32,
            issued: 32,
            returned: 32,
            valid: 32,
            agree: 20,
        });
        let mut entries = Vec::new();
        for i in 1..=n as i64 {
            let pos = codes[(i as usize) % codes.len()];
            entries.push(PlanEntry {
                id: entries.len() as i64 + 1,
                person_id: i,
                position_id: pos.id.expect("id"),
                term_id: 1,
                events: vec![event.clone()],
                terms: 1,
            });
            if i % 3 == 0 {
                entries.push(PlanEntry {
                    id: entries.len() as i64 + 1,
                    person_id: i,
                    position_id: bch,
                    term_id: 1,
                    events: vec![event.clone()],
                    terms: 1,
                });
            }
        }
        let n_entries = entries.len();
        let input = PlanData {
            term: term.clone(),
            rules: rules.clone(),
            positions: positions.clone(),
            people,
            entries,
            targets: targets.clone(),
            place_name: "Hòa An".into(),
            review_years: vec![],
        };
        let runs = if n > 10_000 { 5 } else { 21 };
        let (took, r) = time(runs, || check(&input, as_of));
        let findings = r.findings.len();
        let ms = took.as_secs_f64() * 1000.0;
        println!(
            "Kiểm tra + thống kê {n:>7} người ({} mục quy hoạch, {findings} phát hiện): {ms:>8.2} ms   (mục tiêu ≤ {target_ms} ms: {})",
            n_entries,
            if ms <= target_ms { "đạt" } else { "CHƯA ĐẠT" }
        );
    }
}
