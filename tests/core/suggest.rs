//! Issue 24: the plan assistant. On the demo ward the proposal breaks no rule (checked by the
//! one check once its rows are written) and misses only targets that cannot be met; an
//! impossible hard target is named and the best plan without it is still given; kept entries
//! are never dropped, an excluded person never appears, accepting some rows writes exactly
//! those (a second Enter writes nothing); the CLI says the same; and on generated wards of 50,
//! 300 and 1,000 people the optimum agrees with HiGHS, an independent solver.

use std::path::Path;

use quyhoach::app::plan::entries;
use quyhoach::app::rules::{add_target, NewTarget};
use quyhoach::app::suggest::{self, accept, default_options, Accepted, Decision};
use quyhoach::demo::create_demo;
use quyhoach::rules::check::Severity;
use quyhoach::rules::suggest::{Action, Proposal, SuggestOptions};
use quyhoach::Store;

use crate::common::*;

const TERM: &str = "2030-2035";

fn demo(dir: &Path, size: usize) -> Store {
    let mut s = create_demo(&dir.join("phường mẫu.db"), PASS, size).unwrap();
    s.set_today(today());
    s
}

fn adds(p: &Proposal) -> Vec<Accepted> {
    p.posts
        .iter()
        .flat_map(|post| {
            post.rows
                .iter()
                .filter(|r| r.action == Action::Add)
                .map(|r| Accepted {
                    position: post.code.clone(),
                    person_id: r.person_id,
                    drop: false,
                })
        })
        .collect()
}

/// Every "thêm" and "bỏ" row of the proposal.
fn all_rows(p: &Proposal) -> Vec<Accepted> {
    p.posts
        .iter()
        .flat_map(|post| {
            post.rows
                .iter()
                .filter(|r| r.action != Action::Keep)
                .map(|r| Accepted {
                    position: post.code.clone(),
                    person_id: r.person_id,
                    drop: r.action == Action::Drop,
                })
        })
        .collect()
}

/// The plan entries a proposal keeps.
fn kept_entries(p: &Proposal) -> Vec<i64> {
    p.posts
        .iter()
        .flat_map(|x| &x.rows)
        .filter(|r| r.action == Action::Keep)
        .map(|r| r.entry_id.unwrap())
        .collect()
}

fn decision() -> Decision {
    Decision {
        decision_no: "15-QĐ/ĐU".into(),
        decision_date: "01/12/2026".into(),
    }
}

fn violations(s: &Store) -> Vec<String> {
    quyhoach::app::plan::check(s, TERM, s.today())
        .unwrap()
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Violation)
        .map(|f| f.message)
        .collect()
}

#[test]
fn the_demo_proposal_breaks_no_rule_and_misses_only_targets_that_cannot_be_met() {
    let dir = tempfile::Builder::new().prefix("gợi ý ").tempdir().unwrap();
    let mut s = demo(dir.path(), 60);
    let before = violations(&s);
    assert!(!before.is_empty(), "the demo plan has violations to clear");
    let p = suggest::suggest(&s, TERM, &default_options()).unwrap();
    assert!(p.added > 10 && p.kept > 5 && p.dropped > 0, "{}", p.summary);
    assert!(p.optimal, "{}", p.summary);
    assert!(p.conflict.is_empty() && p.kept_violations.is_empty());
    // Every proposed person carries a card whose score is the sum of its parts; every eligible
    // person left out says why.
    for post in &p.posts {
        assert!(post.proposed <= post.max, "{}", post.code);
        for r in &post.rows {
            match r.action {
                Action::Add | Action::Keep => {
                    let c = r.card.as_ref().unwrap();
                    let sum: f64 = c.parts.iter().map(|x| x.points).sum();
                    assert!(
                        (sum - c.score).abs() < 1e-6,
                        "{}: {sum} ≠ {}",
                        r.full_name,
                        c.score
                    );
                    assert!(c.passes.len() >= 3 && c.passes[0].starts_with("Không vi phạm"));
                }
                Action::Drop => assert!(!r.reasons.is_empty(), "{}", r.full_name),
            }
        }
        for n in &post.not_chosen {
            assert!(!n.reasons.is_empty() && !n.reasons[0].is_empty());
        }
    }
    // A woman proposed for the committee counts towards the women's target.
    let bch = p.posts.iter().find(|x| x.code == "BCH").unwrap();
    assert!(bch.rows.iter().any(|r| r
        .card
        .as_ref()
        .is_some_and(|c| c.helps.iter().any(|h| h.contains("Tỷ lệ nữ")))));
    // The additions alone would put posts over their number while the people the proposal
    // drops are still in the plan: refused, nothing written, and the message says what to do.
    let db = dir.path().join("phường mẫu.db");
    let dumped = dump(&db);
    let e = accept(&mut s, TERM, &adds(&p), &Decision::default()).unwrap_err();
    assert!(e.to_string().contains("hãy chọn cả dòng “Bỏ”"), "{e}");
    assert_unchanged(&dumped, &db, "additions without their drops");
    // "Bỏ" rows without the decision: refused under the decision's field.
    let e = accept(&mut s, TERM, &all_rows(&p), &Decision::default()).unwrap_err();
    assert!(
        e.field_errors()
            .iter()
            .any(|f| f.field.starts_with("decision")),
        "{e:?}"
    );
    assert_unchanged(&dumped, &db, "drops without a decision");
    // Written whole, with the decision: the one check finds no violation.
    let n = accept(&mut s, TERM, &all_rows(&p), &decision()).unwrap();
    assert_eq!(n, p.added + p.dropped);
    assert_eq!(violations(&s), Vec::<String>::new());
    let noted = entries(&s, TERM)
        .unwrap()
        .iter()
        .filter(|e| e.is_active() && e.events[0].note == suggest::NOTE)
        .count();
    assert_eq!(noted, p.added);
    // Every target the proposal misses cannot be met: asked as hard, it comes back as a conflict.
    let missed: Vec<_> = p.targets.iter().filter(|t| !t.met).collect();
    for t in missed {
        assert!(t.short.as_deref().unwrap().starts_with("thiếu "), "{t:?}");
        let hard = SuggestOptions {
            hard: vec![t.target_id.unwrap()],
            ..default_options()
        };
        let q = suggest::suggest(&s, TERM, &hard).unwrap();
        assert_eq!(q.conflict, vec![t.label.clone()], "{}", q.summary);
    }
}

#[test]
fn an_impossible_hard_target_is_named_and_the_best_plan_without_it_is_given() {
    let dir = tempfile::Builder::new().prefix("gợi ý ").tempdir().unwrap();
    let mut s = demo(dir.path(), 60);
    let id = add_target(
        &mut s,
        &NewTarget {
            body: "BCH".into(),
            indicator: "nu".into(),
            threshold: 0.9,
            strict: false,
            age_under: None,
            year: 2030,
            source: "Thử chỉ tiêu không thể đạt".into(),
        },
    )
    .unwrap();
    let young = quyhoach::app::rules::targets(&s)
        .unwrap()
        .into_iter()
        .find(|t| t.indicator.code() == "tre" && t.year == 2030)
        .unwrap()
        .id
        .unwrap();
    let options = SuggestOptions {
        hard: vec![id, young],
        ..default_options()
    };
    let p = suggest::suggest(&s, TERM, &options).unwrap();
    // Only the impossible one is named (the young cadres' target fits with the rest).
    assert_eq!(p.conflict.len(), 1, "{:?}", p.conflict);
    assert!(p.conflict[0].contains("Tỷ lệ nữ") && p.conflict[0].contains("90%"));
    assert!(p.summary.contains("không thể cùng đạt"), "{}", p.summary);
    assert!(p.added > 10, "a plan is still given: {}", p.summary);
    let women = p.targets.iter().find(|t| t.target_id == Some(id)).unwrap();
    assert!(!women.met && women.hard);
    let short = women.short.as_deref().unwrap();
    assert!(
        short.starts_with("thiếu ")
            && short.contains(" nữ so với chỉ tiêu 90% trong Ban Chấp hành"),
        "{short}"
    );
    let young = p
        .targets
        .iter()
        .find(|t| t.target_id == Some(young))
        .unwrap();
    assert!(young.met && young.hard);
    // The same through the CLI: --hard nu names the conflict and still prints the plan.
    let pass = dir.path().join("mật khẩu.txt");
    std::fs::write(&pass, PASS).unwrap();
    drop(s);
    let o = run_cli(
        &dir.path().join("phường mẫu.db"),
        &pass,
        &["plan", "suggest", "--term", TERM, "--hard", "nu"],
        None,
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        out.contains("không thể cùng đạt") && out.contains("90%"),
        "{out}"
    );
    assert!(out.contains("Ủy viên Ban Chấp hành Đảng bộ phường (BCH)"));
}

#[test]
fn kept_entries_stay_an_excluded_person_never_appears_and_half_the_rows_write_exactly_those() {
    let dir = tempfile::Builder::new().prefix("gợi ý ").tempdir().unwrap();
    let mut s = demo(dir.path(), 60);
    let first = suggest::suggest(&s, TERM, &default_options()).unwrap();
    let kept = kept_entries(&first);
    assert!(kept.len() >= 5);
    // Someone kept and someone the assistant adds are left out; with one person per seat and no
    // weight on continuity, the other kept entries still stay.
    let keep_row = first
        .posts
        .iter()
        .flat_map(|x| &x.rows)
        .find(|r| r.action == Action::Keep)
        .unwrap();
    let added = adds(&first)[0].person_id;
    let mut options = default_options();
    options.excluded = vec![keep_row.person_id, added];
    options.per_seat = Some(1);
    options.weights.keep = 0.0;
    let p = suggest::suggest(&s, TERM, &options).unwrap();
    for r in p.posts.iter().flat_map(|x| &x.rows) {
        if options.excluded.contains(&r.person_id) {
            assert_eq!(r.action, Action::Drop, "{}", r.full_name);
            assert_eq!(
                r.reasons,
                vec!["Văn phòng loại người này khỏi gợi ý.".to_string()]
            );
        }
        if let (Some(e), Action::Drop) = (r.entry_id, r.action) {
            assert!(
                !kept.contains(&e) || options.excluded.contains(&r.person_id),
                "kept entry {e} dropped"
            );
        }
    }
    for post in &p.posts {
        assert!(post
            .not_chosen
            .iter()
            .all(|n| !options.excluded.contains(&n.person_id)));
    }
    let still = kept_entries(&p);
    for e in &kept {
        let excluded_entry = first
            .posts
            .iter()
            .flat_map(|x| &x.rows)
            .any(|r| r.entry_id == Some(*e) && options.excluded.contains(&r.person_id));
        assert!(still.contains(e) || excluded_entry, "entry {e}");
    }
    // Half the additions accepted: exactly those are written, in one go.
    let rows: Vec<Accepted> = adds(&p).into_iter().step_by(2).collect();
    assert!(rows.len() >= 3);
    let lines = |s: &Store| {
        entries(s, TERM)
            .unwrap()
            .into_iter()
            .filter(|e| e.is_active())
            .map(|e| (e.person_id, e.position_id, e.events[0].note.clone()))
            .collect::<Vec<_>>()
    };
    let before = lines(&s);
    assert_eq!(
        accept(&mut s, TERM, &rows, &decision()).unwrap(),
        rows.len()
    );
    let after = lines(&s);
    assert_eq!(after.len(), before.len() + rows.len());
    let positions = quyhoach::app::rules::positions(&s).unwrap();
    for r in &rows {
        let pos = positions.iter().find(|x| x.code == r.position).unwrap();
        assert!(after.contains(&(r.person_id, pos.id.unwrap(), suggest::NOTE.to_string())));
    }
    // Enter again: refused, nothing written.
    let db = dir.path().join("phường mẫu.db");
    drop(s);
    let dumped = dump(&db);
    let mut s = Store::open(&db, PASS).unwrap();
    s.set_today(today());
    let e = accept(&mut s, TERM, &rows, &decision()).unwrap_err();
    assert!(
        e.to_string().contains("Đã có") || e.to_string().contains("đã có"),
        "{e}"
    );
    drop(s);
    assert_unchanged(&dumped, &db, "a second accept");
}

#[test]
fn the_cli_prints_the_proposal_as_json_and_applies_its_additions() {
    let dir = tempfile::Builder::new().prefix("gợi ý ").tempdir().unwrap();
    let s = demo(dir.path(), 60);
    let expected = suggest::suggest(&s, TERM, &default_options()).unwrap();
    drop(s);
    let db = dir.path().join("phường mẫu.db");
    let pass = dir.path().join("mật khẩu.txt");
    std::fs::write(&pass, PASS).unwrap();
    let o = run_cli(
        &db,
        &pass,
        &["plan", "suggest", "--term", TERM, "--json"],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["added"], expected.added);
    assert_eq!(
        v["posts"][0]["rows"][0]["card"]["parts"][0]["label"],
        "Xếp loại chất lượng"
    );
    // A typo in a target's code: a Vietnamese message naming the flag, nothing written.
    let before = dump(&db);
    let o = run_cli(
        &db,
        &pass,
        &["plan", "suggest", "--term", TERM, "--hard", "nư", "--apply"],
        None,
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("Chỉ tiêu bắt buộc") && err.contains("--hard"),
        "{err}"
    );
    assert_unchanged(&before, &db, "a typo in --hard");
    // Applied without the decision the drops need: the additions alone would overfill posts.
    let o = run_cli(
        &db,
        &pass,
        &["plan", "suggest", "--term", TERM, "--apply"],
        None,
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("“Bỏ”"));
    assert_unchanged(&before, &db, "--apply without the drops' decision");
    // Applied with it: the additions enter as "đề xuất" steps noted "theo gợi ý", the drops as
    // "đưa ra" steps carrying the decision.
    let o = run_cli(
        &db,
        &pass,
        &[
            "plan",
            "suggest",
            "--term",
            TERM,
            "--apply",
            "--decision",
            "15-QĐ/ĐU",
            "--decision-date",
            "01/12/2026",
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = Store::open(&db, PASS).unwrap();
    let noted = entries(&s, TERM)
        .unwrap()
        .into_iter()
        .filter(|e| e.events.len() == 1 && e.events[0].note == suggest::NOTE)
        .count();
    assert_eq!(noted, expected.added);
    let out = entries(&s, TERM)
        .unwrap()
        .into_iter()
        .filter(|e| {
            e.events
                .last()
                .is_some_and(|x| x.note == suggest::NOTE && x.decision_no == "15-QĐ/ĐU")
        })
        .count();
    assert_eq!(out, expected.dropped);
}

/// The HiGHS reader of the model (JSON): maximises it and prints the status and the optimum.
const HIGHS: &str = r#"
import sys, json
import numpy as np
import highspy
m = json.load(open(sys.argv[1], encoding="utf-8"))
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("mip_rel_gap", 0.0)
h.setOptionValue("mip_abs_gap", 0.0)
inf = highspy.kHighsInf
big = lambda x, s: s * inf if x is None or abs(x) > 1e30 else x
vs = m["vars"]
n = len(vs)
h.addVars(n, np.array([big(v["lb"], -1) for v in vs]), np.array([big(v["ub"], 1) for v in vs]))
h.changeColsCost(n, np.arange(n, dtype=np.int32), np.array([v["obj"] for v in vs]))
ints = [i for i, v in enumerate(vs) if v["integer"]]
h.changeColsIntegrality(len(ints), np.array(ints, dtype=np.int32),
                        np.array([highspy.HighsVarType.kInteger] * len(ints)))
for r in m["rows"]:
    idx = np.array([t[0] for t in r["terms"]], dtype=np.int32)
    val = np.array([t[1] for t in r["terms"]], dtype=np.float64)
    h.addRow(big(r["lo"], -1), big(r["hi"], 1), len(idx), idx, val)
h.changeObjectiveSense(highspy.ObjSense.kMaximize)
h.run()
print(json.dumps({"status": h.modelStatusToString(h.getModelStatus()),
                  "objective": h.getInfo().objective_function_value}))
"#;

fn python() -> std::path::PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyvenv/bin/python");
    assert!(
        p.exists(),
        "HiGHS (highspy) is needed ({}): bash scripts/setup-debian.sh --test",
        p.display()
    );
    p
}

#[test]
#[cfg_attr(windows, ignore = "HiGHS (highspy) runs on the Linux side")]
fn the_optimum_agrees_with_highs_on_generated_wards_of_50_300_and_1000() {
    // Targets that bind: wishes the ward cannot fully meet (their slack is in the optimum), and
    // on the larger wards the demo's own targets for women and young cadres made hard.
    let wish = |body: &str, indicator: &str, threshold: f64| NewTarget {
        body: body.into(),
        indicator: indicator.into(),
        threshold,
        strict: false,
        age_under: None,
        year: 2030,
        source: "Chỉ tiêu thử của văn phòng".into(),
    };
    for (size, hard) in [(50, vec![]), (300, vec!["nu"]), (1000, vec!["nu", "tre"])] {
        let dir = tempfile::Builder::new().prefix("gợi ý ").tempdir().unwrap();
        let mut s = demo(dir.path(), size);
        // (On 1,000 people these wishes take microlp over 20 s and HiGHS 7 s to prove; the
        // bench reports it. The demo's own targets, two of them hard, are checked there.)
        if size < 1000 {
            add_target(&mut s, &wish("BCH", "nu", 0.6)).unwrap();
            add_target(&mut s, &wish("TAT_CA", "dai_hoc", 0.95)).unwrap();
            add_target(&mut s, &wish("CHU_CHOT", "tre", 0.5)).unwrap();
        }
        let hard: Vec<String> = hard.into_iter().map(String::from).collect();
        let options = SuggestOptions {
            hard: suggest::targets_of(&s, TERM, &hard).unwrap(),
            ..default_options()
        };
        let model = suggest::model(&s, TERM, &options).unwrap();
        let ours = model.solve(std::time::Duration::from_secs(120)).unwrap();
        assert!(ours.optimal, "{size}: microlp did not prove its optimum");
        let file = dir.path().join("mô hình.json");
        std::fs::write(&file, serde_json::to_string(&model).unwrap()).unwrap();
        let o = std::process::Command::new(python())
            .arg("-c")
            .arg(HIGHS)
            .arg(&file)
            .run();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        // HiGHS prints its banner first; the answer is the last line.
        let out = String::from_utf8_lossy(&o.stdout);
        let v: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
        assert_eq!(v["status"], "Optimal", "{size}: {v}");
        let theirs = v["objective"].as_f64().unwrap();
        assert!(
            (ours.objective - theirs).abs() <= 1e-6,
            "{size} người: microlp {} ≠ HiGHS {theirs}",
            ours.objective
        );
        // The proposal is the model's optimum (nothing banned after the check).
        let p = suggest::suggest(&s, TERM, &options).unwrap();
        assert!(
            (p.objective - ours.objective).abs() <= 1e-6,
            "{size}: {}",
            p.summary
        );
        let missed = p.targets.iter().filter(|t| !t.met).count();
        assert!(missed > 0 || size == 1000, "{size}: the wishes bind");
        eprintln!(
            "{size} người: {} biến, {} ràng buộc, {missed} chỉ tiêu chưa đạt, tối ưu {:.3} (microlp) = {theirs:.3} (HiGHS)",
            model.vars.len(),
            model.rows.len(),
            ours.objective
        );
    }
}
