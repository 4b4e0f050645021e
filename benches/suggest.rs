//! `cargo bench --bench suggest`: the plan assistant (issue 24) on generated wards of 50, 300 and
//! 1,000 people (the demo ward's generator: its posts, plan and targets), as the window asks it
//! (everyone loaded, every pair judged, the model solved, the proposal checked again and
//! explained). Target: 300 people and 20 posts in ≤ 1 s (release), ≤ 3 s under wine. A second
//! run adds three wishes the ward cannot fully meet, so the targets bind.

mod common;
use common::time;

use quyhoach::app::rules::{add_target, NewTarget};
use quyhoach::app::suggest::{default_options, suggest};
use quyhoach::demo::create_demo;

const PASS: &str = "mật khẩu đo hiệu năng";

fn wish(body: &str, indicator: &str, threshold: f64) -> NewTarget {
    NewTarget {
        body: body.into(),
        indicator: indicator.into(),
        threshold,
        strict: false,
        age_under: None,
        year: 2030,
        source: String::new(),
    }
}

fn main() {
    let runs: usize = std::env::var("QUYHOACH_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let only_binding = std::env::var_os("QUYHOACH_BENCH_BINDING").is_some();
    for binding in [false, true].into_iter().filter(|b| *b || !only_binding) {
        for size in [50usize, 300, 1000] {
            let dir = tempfile::tempdir().expect("temp dir");
            let mut store =
                create_demo(&dir.path().join("phường.db"), PASS, size).expect("demo ward");
            if binding {
                add_target(&mut store, &wish("BCH", "nu", 0.6)).expect("target");
                add_target(&mut store, &wish("TAT_CA", "dai_hoc", 0.95)).expect("target");
                add_target(&mut store, &wish("CHU_CHOT", "tre", 0.5)).expect("target");
            }
            let (took, p) = time(runs, || {
                suggest(&store, "2030-2035", &default_options()).expect("proposal")
            });
            let posts = p.posts.len();
            println!(
                "plan suggest, {size} người, {posts} chức danh{}: trung vị {:.0} ms (tối ưu: {}) — {}",
                if binding { ", chỉ tiêu ràng buộc" } else { "" },
                took.as_secs_f64() * 1000.0,
                if p.optimal { "có" } else { "chưa chứng minh" },
                p.summary
            );
        }
    }
}
