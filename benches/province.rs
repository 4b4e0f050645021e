//! The province gathers its wards' plans (issue 25): `QUYHOACH_BENCH_WARDS` generated wards
//! (default 170) of `QUYHOACH_BENCH_PEOPLE` people each (default 300), every one in the plan,
//! each packaged by the ward's own use case (signed, encrypted to the province) and imported
//! by the province in one run; then the dashboard with the province's statistics, two lists
//! across wards and a search by name. Targets: import all ≤ 60 s, dashboard and statistics
//! ≤ 1 s, memory ≤ 500 MB. `cargo bench --bench province`; 100,000 people:
//! `QUYHOACH_BENCH_WARDS=200 QUYHOACH_BENCH_PEOPLE=500 cargo bench --bench province`.

mod common;

use std::time::{Duration, Instant};

use quyhoach::app::{exchange, province};

const PASS: &str = "mật khẩu đo hiệu năng";

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The process's peak resident memory in MB, and a reset of it: Linux only (under wine the
/// /proc read is not the Windows process's), otherwise "?".
fn peak_mb() -> Option<f64> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let wards = env_or("QUYHOACH_BENCH_WARDS", 170);
    let people = env_or("QUYHOACH_BENCH_PEOPLE", 300);
    let dir = tempfile::Builder::new()
        .prefix("tỉnh đo ")
        .tempdir()
        .unwrap();
    let usb = dir.path().join("Gói nhận");
    let keys = dir.path().join("Khóa");
    std::fs::create_dir_all(&keys).unwrap();
    let unit = quyhoach::model::Unit {
        name: "Ban Tổ chức Tỉnh ủy Quảng Ngãi".into(),
        superior_body: "Đảng bộ tỉnh Quảng Ngãi".into(),
        place_name: "Quảng Ngãi".into(),
        issuer_code: "BTCTU".into(),
    };
    let mut prov = province::create_province(&dir.path().join("tỉnh.db"), PASS, &unit).unwrap();
    let prov_key = keys.join("khóa tỉnh.txt");
    province::save_own_key(&prov, &prov_key).unwrap();
    let prov_key = std::fs::read_to_string(&prov_key).unwrap();

    let t = Instant::now();
    let mut packaging = Vec::with_capacity(wards);
    let mut bytes = 0u64;
    for i in 0..wards {
        let seed = i as u64 + 1;
        let path = dir.path().join("Phường").join(format!("phường {seed}.db"));
        let mut ward = quyhoach::demo::create_planned_ward(&path, PASS, people, seed).unwrap();
        exchange::import_province_key(&mut ward, &prov_key).unwrap();
        let code = format!("{}", 25000 + seed);
        let key_file = keys.join(format!("{code}.pub"));
        let key = exchange::save_key(&mut ward, &code, &key_file).unwrap();
        province::register_ward(
            &mut prov,
            &std::fs::read_to_string(&key_file).unwrap(),
            &key.fingerprint,
        )
        .unwrap();
        let p = Instant::now();
        let r = exchange::export_package(
            &mut ward,
            &exchange::PackageInput {
                term: "2030-2035".into(),
                ward_code: code,
                classification: "Mật".into(),
                out_dir: usb.clone(),
                workbooks: false,
            },
        )
        .unwrap();
        packaging.push(p.elapsed());
        bytes += r.bytes;
        ward.close().unwrap();
    }
    let generated = t.elapsed();
    let total_packaging: Duration = packaging.iter().sum();

    reset_peak();
    let t = Instant::now();
    let outcomes =
        province::import_all(&mut prov, std::slice::from_ref(&usb), |_, _, _| {}).unwrap();
    let import = t.elapsed();
    let import_peak = peak_mb();
    assert!(
        outcomes.iter().all(|o| !o.refused),
        "{:?}",
        outcomes.iter().find(|o| o.refused)
    );

    let (dash_t, d) = common::time(5, || province::status(&prov, None).unwrap());
    assert_eq!(d.received, wards);
    let in_plan = d.people;
    let (bt_t, bt) = common::time(5, || {
        province::list(
            &prov,
            &province::CrossFilter {
                position: Some("BT".into()),
                ..Default::default()
            },
        )
        .unwrap()
    });
    let (young_t, young) = common::time(5, || {
        province::list(
            &prov,
            &province::CrossFilter {
                body: Some("BCH".into()),
                under: Some("40".into()),
                ..Default::default()
            },
        )
        .unwrap()
    });
    let (search_t, found) = common::time(5, || {
        province::list(
            &prov,
            &province::CrossFilter {
                name: Some("nguyen thi".into()),
                ..Default::default()
            },
        )
        .unwrap()
    });
    let (recheck_t, _) = common::time(1, || province::recheck(&mut prov).unwrap());
    let file_mb = std::fs::metadata(dir.path().join("tỉnh.db"))
        .map(|m| m.len() as f64 / 1e6)
        .unwrap_or(0.0);
    println!(
        "province: {wards} wards x {people} people ({in_plan} in the plans), generated in {:.1} s",
        generated.as_secs_f64()
    );
    println!(
        "  packaging: {:.1} ms per ward (median {:.1} ms), {:.1} KB per package",
        total_packaging.as_secs_f64() * 1000.0 / wards as f64,
        common::median(packaging).as_secs_f64() * 1000.0,
        bytes as f64 / wards as f64 / 1000.0
    );
    println!(
        "  import all {wards}: {:.2} s (target <= 60 s), {:.1} ms per package; peak memory during import {} MB (target <= 500); province file {file_mb:.1} MB",
        import.as_secs_f64(),
        import.as_secs_f64() * 1000.0 / wards as f64,
        import_peak.map(|m| format!("{m:.0}")).unwrap_or_else(|| "?".into())
    );
    println!(
        "  dashboard + province statistics: {:.1} ms (target <= 1000 ms)",
        dash_t.as_secs_f64() * 1000.0
    );
    println!(
        "  list Bí thư: {} rows {:.1} ms; BCH under 40: {} rows {:.1} ms; search “nguyen thi”: {} rows {:.1} ms",
        bt.len(),
        bt_t.as_secs_f64() * 1000.0,
        young.len(),
        young_t.as_secs_f64() * 1000.0,
        found.len(),
        search_t.as_secs_f64() * 1000.0
    );
    println!(
        "  check again with the province's rule set: {:.2} s",
        recheck_t.as_secs_f64()
    );
    println!(
        "  peak memory of the whole run: {} MB",
        peak_mb()
            .map(|m| format!("{m:.0}"))
            .unwrap_or_else(|| "?".into())
    );
}
