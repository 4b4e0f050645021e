//! `cargo bench --bench docs`: the Tờ trình of a plan with a 500-row annex as a PDF (target
//! ≤ 300 ms and ≤ 300 KB) and as a Word file (target ≤ 150 ms and ≤ 300 KB), on an encrypted ward
//! in a temp folder, and LibreOffice's time to print the Word file (when `soffice` is installed).

mod common;
use common::time;

use std::time::Instant;

use quyhoach::docs::{DocFormat, DocKind, DocRequest, Signer};
use quyhoach::model::plan::{PlanEvent, PlanStep, Term, TermKind};
use quyhoach::model::YearMonth;
use quyhoach::model::{PartialDate, Unit};
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
    let verdict = |ok: bool| if ok { "đạt" } else { "CHƯA ĐẠT" };
    for (format, ms_target) in [(DocFormat::Pdf, 300.0), (DocFormat::Docx, 150.0)] {
        req.format = Some(format);
        let _ = quyhoach::docs::make(&s, &req).expect("warm-up");
        let (took, made) = time(7, || quyhoach::docs::make(&s, &req).expect("document"));
        let ms = took.as_secs_f64() * 1000.0;
        let kb = made.bytes.len() as f64 / 1024.0;
        let name = match format {
            DocFormat::Pdf => "PDF",
            DocFormat::Docx => "Word",
        };
        println!(
            "{name}: Tờ trình + phụ lục {N} dòng ({} trang): {ms:.1} ms (mục tiêu ≤ {ms_target} ms: {}); {kb:.0} KB (mục tiêu ≤ 300 KB: {})",
            made.pages,
            verdict(ms <= ms_target),
            verdict(kb <= 300.0)
        );
        if format == DocFormat::Pdf {
            if let Ok(p) = std::env::var("QUYHOACH_BENCH_PDF") {
                std::fs::write(p, &made.bytes).expect("write");
            }
            continue;
        }
        // LibreOffice prints the Word file (as a clerk without Word would).
        let docx = dir.path().join("Tờ trình 500 dòng.docx");
        std::fs::write(&docx, &made.bytes).expect("write");
        // A profile folder of its own, its path plain ASCII (it is given as a file:// URL).
        let profile = tempfile::tempdir().expect("temp dir");
        let t = Instant::now();
        let o = std::process::Command::new("soffice")
            .arg("--headless")
            .arg("--norestore")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.path().display()
            ))
            .args(["--convert-to", "pdf", "--outdir"])
            .arg(dir.path())
            .arg(&docx)
            .output();
        match o {
            Ok(o) if o.status.success() => {
                let pdf = docx.with_extension("pdf");
                let pages = std::process::Command::new("pdfinfo")
                    .arg(&pdf)
                    .output()
                    .ok()
                    .and_then(|o| {
                        String::from_utf8_lossy(&o.stdout)
                            .lines()
                            .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_string()))
                    })
                    .unwrap_or_else(|| "?".into());
                println!(
                    "LibreOffice in tệp Word ra PDF: {:.1} s ({pages} trang; lần đầu, gồm khởi động)",
                    t.elapsed().as_secs_f64()
                );
            }
            Ok(o) => println!(
                "LibreOffice không in được tệp Word: {}",
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(_) => println!("LibreOffice (soffice) không có: bỏ qua phần in tệp Word."),
        }
    }
}
