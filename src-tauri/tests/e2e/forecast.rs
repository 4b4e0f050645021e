//! End-to-end, issue 23: the Dự báo screen on the demo ward. The grid paints the core's
//! forecast (20 years by default, 10 when chosen), a red cell clicked lists the people planned
//! for the post and why each does not count that year; the report is saved as PDF and Word and
//! read back, and the grid's workbook is opened by LibreOffice.

use quyhoach::app::forecast::{explain, view, ForecastInput};
use quyhoach::Store;

use super::*;

/// soffice headless converting `file` with `filter` ("csv", "txt:Text") into `out`; the result.
fn libreoffice(file: &Path, filter: &str, ext: &str, out: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new("soffice")
        .arg("--headless")
        .arg("--norestore")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--convert-to", filter, "--outdir"])
        .arg(out)
        .arg(file)
        .output()
        .expect("LibreOffice (soffice)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let made = out.join(file.with_extension(ext).file_name().unwrap());
    std::fs::read_to_string(&made).unwrap_or_else(|e| panic!("{}: {e}", made.display()))
}

fn ubkt_row_name(v: &quyhoach::app::forecast::ForecastView) -> String {
    v.rows
        .iter()
        .find(|r| r.code == "CN-UBKT")
        .unwrap()
        .name
        .clone()
}

/// The grid as drawn: [post code, [cell status class, text]…] per row.
async fn grid(c: &Client) -> Vec<(String, Vec<(String, String)>)> {
    let code = "return [...document.querySelectorAll('#forecast-grid tbody tr')].map(r => [r.dataset.code, [...r.querySelectorAll('td.cell')].map(td => [td.className, td.textContent])]);";
    serde_json::from_value(js(c, "đọc lưới dự báo", code).await).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_forecast_screen_from_grid_to_report_and_workbook() {
    let data = tempfile::Builder::new()
        .prefix("dữ liệu dự báo ")
        .tempdir()
        .unwrap();
    let out_dir = data.path().join("Văn bản xuất");
    let driver = Driver::start_with(data.path(), &[("QUYHOACH_OUTPUT_DIR", &out_dir)]);
    let c = driver.session().await;
    open_demo(&c).await;
    go_to(&c, "screen-forecast").await;
    until(
        &c,
        "lưới 20 năm",
        "document.querySelectorAll('#forecast-grid thead th.year').length === 20",
    )
    .await;
    // The counters and the help are the core's sentences.
    let counters = text(&c, "#forecast-counters").await;
    assert!(
        counters.contains("Chức danh chưa có ai trong quy hoạch"),
        "{counters}"
    );
    assert!(js(
        &c,
        "cách tính",
        "return document.getElementById('forecast-help').textContent;"
    )
    .await
    .as_str()
    .unwrap()
    .contains("Nghị định 135"));
    // Switched to 10 years.
    click(&c, "#forecast-horizons button[data-years='10']").await;
    until(
        &c,
        "lưới 10 năm",
        "document.querySelectorAll('#forecast-grid thead th.year').length === 10 && document.querySelector('#forecast-horizons button[data-years=\"10\"]').classList.contains('active')",
    )
    .await;
    let shown = grid(&c).await;
    screenshot(&c, "23-du-bao.png").await;
    // A red cell of the Chủ nhiệm UBKT (its one planned woman has under 60 months left from
    // January 2031), clicked: its explanation.
    let ubkt = &shown
        .iter()
        .find(|(code, _)| code == "CN-UBKT")
        .expect("CN-UBKT row")
        .1;
    let this_year: i32 = js(
        &c,
        "năm đầu",
        "return Number(document.querySelector('#forecast-grid thead th.year').textContent);",
    )
    .await
    .as_i64()
    .unwrap() as i32;
    let at = (2031 - this_year) as usize;
    assert!(ubkt[at].0.split(' ').any(|k| k == "do"), "{:?}", ubkt[at]);
    click(
        &c,
        "#forecast-grid tr[data-code='CN-UBKT'] button[data-year='2031']",
    )
    .await;
    visible(&c, "forecast-explain").await;
    let heading = text(&c, "#forecast-explain h2").await;
    assert!(heading.contains("năm 2031: 0 người kế cận"), "{heading}");
    let reasons = text(&c, "#forecast-explain table").await;
    assert!(reasons.contains("đến 01/2031 chỉ còn"), "{reasons}");

    // The report, PDF then Word, and the workbook. No signer remembered yet: refused beside
    // the button, nothing saved; then signed.
    click(&c, "#btn-forecast-pdf").await;
    let refused = until(
        &c,
        "từ chối khi chưa có người ký",
        "document.querySelector('#form-forecast-save .action-error')?.textContent",
    )
    .await;
    assert!(refused.as_str().unwrap().contains("Người ký"), "{refused}");
    assert!(!out_dir.exists() || std::fs::read_dir(&out_dir).unwrap().next().is_none());
    fill(
        &c,
        "#form-forecast-save [name=signer_name]",
        "Nguyễn Văn Nho",
    )
    .await;
    click(&c, "#btn-forecast-pdf").await;
    let pdf_notice = until(
        &c,
        "báo cáo PDF",
        "document.getElementById('notice').textContent.match(/vào (.*\\.pdf)$/)?.[1]",
    )
    .await;
    let pdf = PathBuf::from(pdf_notice.as_str().unwrap());
    click(&c, "#btn-forecast-word").await;
    let word = until(
        &c,
        "báo cáo Word",
        "document.getElementById('notice').textContent.match(/vào (.*\\.docx)$/)?.[1]",
    )
    .await;
    let word = PathBuf::from(word.as_str().unwrap());
    click(&c, "#btn-forecast-xlsx").await;
    let xlsx = until(
        &c,
        "bảng Excel",
        "document.getElementById('notice').textContent.match(/vào (.*\\.xlsx)$/)?.[1]",
    )
    .await;
    let xlsx = PathBuf::from(xlsx.as_str().unwrap());
    for f in [&pdf, &word, &xlsx] {
        assert!(f.starts_with(&out_dir), "{}", f.display());
    }
    // Enter twice in the file name: one more report, not two.
    let pdfs = || {
        std::fs::read_dir(&out_dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "pdf")
            })
            .count()
    };
    assert_eq!(pdfs(), 1);
    let field = wd(
        "tìm ô tên tệp",
        c.find(Locator::Css("#form-forecast-save [name=out]")),
    )
    .await;
    wd("Enter hai lần", field.send_keys("\u{E007}\u{E007}")).await;
    until(
        &c,
        "báo cáo thứ hai",
        "document.getElementById('notice').textContent.endsWith('.pdf')",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(pdfs(), 2, "Enter twice saved {} reports", pdfs() - 1);

    // The window painted the core's forecast, cell by cell; the cell's explanation is the core's.
    click(&c, "#btn-lock").await;
    visible(&c, "screen-first-run").await;
    let store = Store::open(
        &data.path().join(quyhoach::paths::DEMO_FILE),
        quyhoach_demo_pass(),
    )
    .unwrap();
    let input = ForecastInput {
        term: "2030-2035".into(),
        from: None,
        years: Some(10),
    };
    let core = view(&store, &input).unwrap();
    let x = explain(&store, &input, "CN-UBKT", 2031).unwrap();
    store.close().unwrap();
    assert_eq!(heading, x.heading);
    let painted: Vec<(String, Vec<(String, String)>)> = core
        .rows
        .iter()
        .map(|r| {
            (
                r.code.clone(),
                r.cells
                    .iter()
                    .map(|c| {
                        (
                            format!(
                                "cell {}{}",
                                c.status.code(),
                                if c.holder_leaves { " leaves" } else { "" }
                            ),
                            format!("{}{}", c.count, if c.holder_leaves { " ▼" } else { "" }),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    assert_eq!(shown, painted);

    // Read back: the PDF's text, the Word file through LibreOffice, the workbook as LibreOffice
    // reads it.
    let body = pdf_words(&pdf, false);
    assert!(body.contains("BÁO CÁO"), "{body}");
    assert!(
        body.contains(&format!(
            "dự báo nguồn cán bộ kế cận giai đoạn {this_year}–{}",
            this_year + 9
        )),
        "{body}"
    );
    assert!(body.contains(&ubkt_row_name(&core)), "{body}");
    let conv = data.path().join("chuyển đổi");
    std::fs::create_dir_all(&conv).unwrap();
    let words = libreoffice(&word, "txt:Text", "txt", &conv);
    assert!(
        words.contains("I- CÁCH TÍNH") && words.contains("II- KẾT QUẢ DỰ BÁO"),
        "{words}"
    );
    // Comma-separated, quoted, UTF-8 (76).
    let csv = libreoffice(
        &xlsx,
        "csv:Text - txt - csv (StarCalc):44,34,76",
        "csv",
        &conv,
    );
    assert!(csv.contains("Số người kế cận theo năm"), "{csv}");
    let ubkt_row = core.rows.iter().find(|r| r.code == "CN-UBKT").unwrap();
    let ubkt_line = csv
        .lines()
        .find(|l| l.split(',').nth(1).map(|f| f.trim_matches('"')) == Some(ubkt_row.name.as_str()))
        .unwrap_or_else(|| panic!("{csv}"));
    let ubkt_core = &ubkt_row.cells;
    let expected: Vec<String> = ubkt_core
        .iter()
        .map(|c| format!("{}{}", c.count, if c.holder_leaves { " ▼" } else { "" }))
        .collect();
    let fields: Vec<&str> = ubkt_line.split(',').map(|f| f.trim_matches('"')).collect();
    assert_eq!(
        &fields[fields.len() - 10..],
        expected
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        "{ubkt_line}"
    );
}
