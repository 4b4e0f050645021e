//! `cargo bench --bench docs`: the Tờ trình of a plan with a 500-row annex (target ≤ 300 ms and a
//! PDF of ≤ 300 KB), on an encrypted ward in a temp folder.

use std::time::{Duration, Instant};

use quyhoach::docs::{DocKind, DocRequest, Signer};
use quyhoach::model::plan::{PlanEvent, PlanStep, Term, TermKind};
use quyhoach::model::{PartialDate, Unit};
use quyhoach::rules::retirement::YearMonth;
use quyhoach::Store;

const N: usize = 500;

fn main() {
    let dir = tempfile::Builder::new()
        .prefix("quy hoạch bench ")
        .tempdir()
        .expect("temp dir");
    let unit = Unit {
        name: "Đảng ủy phường Hòa An".into(),
        superior_body: "Đảng bộ tỉnh Quảng Ngãi".into(),
        place_name: "Hòa An".into(),
        issuer_code: "ĐU".into(),
    };
    let mut s = Store::create(
        &dir.path().join("phường.db"),
        "mật khẩu đo hiệu năng",
        &unit,
    )
    .expect("create");
    let ids = s
        .add_people(&quyhoach::demo::demo_people(N))
        .expect("people");
    s.add_term(&Term::new(
        TermKind::Party,
        2030,
        2035,
        YearMonth::new(2030, 7),
    ))
    .expect("term");
    let day = PartialDate::ymd(2026, 9, 20).expect("date");
    for id in ids {
        s.plan_person(
            "2030-2035",
            "BCH",
            id,
            &PlanEvent::new(PlanStep::Proposed, day),
        )
        .expect("plan");
    }
    let mut req = DocRequest::new(DocKind::ToTrinh, day.earliest());
    req.term_code = Some("2030-2035".into());
    req.signer = Some(Signer {
        on_behalf: "T/M BAN THƯỜNG VỤ".into(),
        title: "BÍ THƯ".into(),
        name: "Nguyễn Văn Nho".into(),
    });
    let _ = s.make_document(&req).expect("warm-up");
    let mut times: Vec<Duration> = Vec::new();
    let mut last = None;
    for _ in 0..7 {
        let t = Instant::now();
        last = Some(s.make_document(&req).expect("document"));
        times.push(t.elapsed());
    }
    times.sort();
    let made = last.expect("made");
    if let Ok(p) = std::env::var("QUYHOACH_BENCH_PDF") {
        std::fs::write(p, &made.bytes).expect("write");
    }
    let ms = times[times.len() / 2].as_secs_f64() * 1000.0;
    let kb = made.bytes.len() as f64 / 1024.0;
    let verdict = |ok: bool| if ok { "đạt" } else { "CHƯA ĐẠT" };
    println!(
        "Tờ trình + phụ lục {N} dòng ({} trang): {ms:.1} ms (mục tiêu ≤ 300 ms: {})",
        made.pages,
        verdict(ms <= 300.0)
    );
    println!(
        "Dung lượng PDF: {kb:.0} KB (mục tiêu ≤ 300 KB: {})",
        verdict(kb <= 300.0)
    );
}
