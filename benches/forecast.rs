//! `cargo bench --bench forecast`: the succession forecast (issue 23) over 20 years for a ward
//! (300 people, 20 posts; target ≤ 50 ms) and for 100,000 people (target ≤ 2 s).

mod common;
use common::time;

use std::collections::HashMap;

use quyhoach::demo::{demo_people, demo_unit};
use quyhoach::model::plan::*;
use quyhoach::model::YearMonth;
use quyhoach::model::{PartialDate, PositionHeld};
use quyhoach::rules::forecast::forecast;
use quyhoach::rules::plan::PlanData;
use quyhoach::rules::ruleset::RuleSet;
use quyhoach::rules::targets::{Indicator, Target};
use quyhoach::Store;

fn target(id: i64, body: &str, indicator: Indicator, threshold: f64, year: i32) -> Target {
    Target {
        id: Some(id),
        body: body.into(),
        indicator,
        threshold,
        strict: false,
        age_under: (indicator == Indicator::Young).then_some(40),
        year,
        source: String::new(),
    }
}

fn main() {
    // The position catalogue as a new database has it (the first 20 posts).
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::create(
        &dir.path().join("danh mục.db"),
        "mật khẩu đo hiệu năng",
        &demo_unit(),
    )
    .expect("create");
    let mut positions = store.positions().expect("positions");
    store.close().expect("close");
    positions.truncate(20);
    let term = Term {
        id: Some(1),
        ..Term::new(TermKind::Party, 2030, 2035, YearMonth::new(2030, 7))
    };
    let targets = vec![
        target(1, "BCH", Indicator::Young, 0.10, 2030),
        target(2, "BCH", Indicator::Young, 0.15, 2035),
        target(3, "BCH", Indicator::Women, 0.25, 2030),
        target(4, "BTV", Indicator::WomenCount, 1.0, 2030),
        target(5, "CHU_CHOT", Indicator::Degree, 1.0, 2030),
    ];
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let event = PlanEvent::new(
        PlanStep::Proposed,
        PartialDate::parse("01/09/2026").expect("date"),
    );
    for (n, target_ms) in [(300usize, 50.0), (100_000, 2_000.0)] {
        // Everyone; one in ten holds a post of the catalogue (its name as the title).
        let mut everyone = demo_people(n);
        for (i, p) in everyone.iter_mut().enumerate() {
            p.id = Some(i as i64 + 1);
            if i % 10 == 0 {
                p.positions.push(PositionHeld {
                    title: positions[(i / 10) % positions.len()].name.clone(),
                    organisation: "Đảng ủy phường Hòa An".into(),
                    start: Some(PartialDate::parse("01/10/2025").expect("date")),
                    end: None,
                });
            }
        }
        // Half of them planned, each for one post of the catalogue.
        let mut entries = Vec::new();
        let mut people = HashMap::new();
        for p in everyone
            .iter()
            .filter(|p| p.id.unwrap_or_default() % 2 == 0)
        {
            let id = p.id.expect("id");
            let pos = &positions[(id as usize / 2) % positions.len()];
            entries.push(PlanEntry {
                id: entries.len() as i64 + 1,
                person_id: id,
                position_id: pos.id.expect("id"),
                term_id: 1,
                events: vec![event.clone()],
                terms: 1,
            });
            people.insert(id, p.clone());
        }
        let n_entries = entries.len();
        let data = PlanData {
            term: term.clone(),
            rules: RuleSet::qd377(),
            positions: positions.clone(),
            people,
            entries,
            targets: targets.clone(),
            place_name: "Hòa An".into(),
            review_years: vec![],
        };
        let runs = if n > 10_000 { 5 } else { 21 };
        let (took, f) = time(runs, || forecast(&data, &everyone, as_of, 2026, 20));
        let cells = f.posts.iter().map(|p| p.years.len()).sum::<usize>() + f.structure.len();
        let ms = took.as_secs_f64() * 1000.0;
        println!(
            "Dự báo 20 năm {n:>7} người ({n_entries} mục quy hoạch, {} chức danh, {cells} ô): {ms:>8.2} ms   (mục tiêu ≤ {target_ms} ms: {})",
            positions.len(),
            if ms <= target_ms { "đạt" } else { "CHƯA ĐẠT" }
        );
    }
}
