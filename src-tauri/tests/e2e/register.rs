//! End-to-end, issue 20 §2: the number register in the real window, with the sequence seen
//! there. 01 (issued with a double click: one number), 02 and 03 issued, 03 cancelled; "2"
//! typed on a new Tờ trình is refused under the "Số" field naming the document that holds it;
//! "50" asks in the page's own dialog, names the gap, and is refused when the clerk goes back;
//! confirmed with a reason it issues 50 and the register shows 04–49 as left blank; "2" again,
//! confirmed as a correction with its reason, is shown beside Số 02 (first date kept). Every
//! refusal leaves the ward file exactly as it was. A list takes no number: no "Cấp số".

use super::*;

/// Every row of every table of the ward file, read beside the running app.
fn dump(db: &Path, pass: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "key", pass).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut out = Vec::new();
    for name in names {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY rowid"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut line = name.clone();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!(" | {v:?}"));
                }
                Ok(line)
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        out.extend(rows);
    }
    out
}

/// The register as the window lists it: [number, date, summary, state] per line.
async fn register(c: &Client) -> Vec<Vec<String>> {
    let code = "return [...document.querySelectorAll('#register-list tr')].map(r => [...r.children].slice(0, 4).map(td => td.textContent));";
    serde_json::from_value(js(c, "đọc sổ đăng ký", code).await).unwrap()
}

/// Clicks "Cấp số và lưu" (twice at once with `double`), accepts the warning about the plan's
/// violations if it comes, and waits until the window says what happened: the dialog the
/// register asks with, or the saved document.
async fn issue(c: &Client, double: bool) {
    js(
        c,
        "xóa kết quả cũ",
        "document.getElementById('doc-result').textContent = ''; document.querySelectorAll('#form-doc .field-error').forEach((n) => n.remove()); return true;",
    )
    .await;
    let clicks = if double {
        "const b = document.getElementById('btn-doc-issue'); b.click(); b.click(); return true;"
    } else {
        "document.getElementById('btn-doc-issue').click(); return true;"
    };
    js(c, "bấm Cấp số và lưu", clicks).await;
    loop {
        let state = until(
            c,
            "kết quả cấp số",
            "document.getElementById('ask').open ? 'ask:' + document.getElementById('ask-title').textContent : (document.getElementById('doc-path') ? 'saved' : (document.querySelector('#form-doc .field-error') ? 'refused' : ''))",
        )
        .await;
        let state = state.as_str().unwrap().to_string();
        if state.contains("chưa đúng quy định") {
            click(c, "#ask-ok").await;
            until(c, "hộp hỏi đóng", "!document.getElementById('ask').open").await;
            continue;
        }
        return;
    }
}

async fn new_document(c: &Client, date: &str, number: &str) {
    let new = js(
        c,
        "nút văn bản mới",
        "return !document.getElementById('btn-doc-new').hidden;",
    )
    .await;
    if new == json!(true) {
        click(c, "#btn-doc-new").await;
    }
    fill(c, "#form-doc [name=date]", date).await;
    if number.is_empty() {
        js(
            c,
            "xóa ô Số",
            "document.querySelector('#form-doc [name=number]').value = ''; return true;",
        )
        .await;
    } else {
        fill(c, "#form-doc [name=number]", number).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_register_in_the_window_refuses_a_taken_number_and_asks_about_a_gap() {
    let data = tempfile::Builder::new()
        .prefix("dữ liệu sổ số ")
        .tempdir()
        .unwrap();
    let out_dir = data.path().join("Văn bản xuất");
    let driver = Driver::start_with(data.path(), &[("QUYHOACH_OUTPUT_DIR", &out_dir)]);
    let c = driver.session().await;
    let pass = "Phổ Hòa mật khẩu 3";
    create_ward(&c, pass).await;
    let db = data.path().join(quyhoach::paths::DATA_FILE);

    // A term to plan for, then the Documents screen.
    go_to(&c, "screen-plan").await;
    until(
        &c,
        "form nhiệm kỳ mở",
        "document.getElementById('term-new').open",
    )
    .await;
    fill(&c, "#form-term [name=start_year]", "2030").await;
    fill(&c, "#form-term [name=end_year]", "2035").await;
    fill(&c, "#form-term [name=reference]", "07/2030").await;
    click(&c, "#form-term button[type=submit]").await;
    until(
        &c,
        "bảng chức danh",
        "document.querySelector('#board section.position')",
    )
    .await;
    go_to(&c, "screen-docs").await;
    until(
        &c,
        "nhiệm kỳ trong biểu mẫu",
        "document.querySelector('#form-doc [name=term]').value === '2030-2035'",
    )
    .await;
    fill(&c, "#form-doc [name=signer_name]", "Nguyễn Văn Nho").await;
    fill(&c, "#form-doc [name=recipients]", "Ban Tổ chức Tỉnh ủy").await;

    // A list goes with a Tờ trình: no "Cấp số", no "Số".
    set(&c, "#form-doc [name=kind]", "bieu-co-cau").await;
    assert_eq!(
        js(
            &c,
            "biểu không cấp số",
            "return [document.getElementById('btn-doc-issue').hidden, document.getElementById('doc-number-field').hidden, document.getElementById('btn-doc-draft').textContent];"
        )
        .await,
        json!([true, true, "Lưu PDF"])
    );
    set(&c, "#form-doc [name=kind]", "to-trinh").await;
    assert_eq!(
        js(
            &c,
            "tờ trình cấp số",
            "return document.getElementById('btn-doc-issue').hidden;"
        )
        .await,
        json!(false)
    );

    // 01 with a double click: one number, one line.
    new_document(&c, "01/12/2026", "").await;
    issue(&c, true).await;
    assert!(text(&c, "#doc-result").await.contains("Số 01-TTr/ĐU"));
    until(
        &c,
        "sổ có Số 01",
        "document.getElementById('register-list').textContent.includes('Số 01-TTr/ĐU')",
    )
    .await;
    assert_eq!(register(&c).await.len(), 1, "{:?}", register(&c).await);
    assert_eq!(
        js(&c, "không báo lỗi", &format!("return {SHOWN_ERRORS};")).await,
        json!(""),
    );
    for (n, date) in [(2, "02/12/2026"), (3, "03/12/2026")] {
        new_document(&c, date, "").await;
        issue(&c, false).await;
        let shown = text(&c, "#doc-result").await;
        assert!(shown.contains(&format!("Số {n:02}-TTr/ĐU")), "{shown}");
    }
    // 03 cancelled, with its reason.
    click(&c, "#register-list button[data-cancel='Số 03-TTr/ĐU']").await;
    until(&c, "hỏi lý do hủy", "document.getElementById('ask').open").await;
    // "Hủy số này" with no reason: the dialog stays open and says a reason is needed (issue 21 §2).
    click(&c, "#ask-ok").await;
    let said = until(
        &c,
        "nói cần lý do hủy",
        "(document.querySelector('#ask .field-error') || {}).textContent",
    )
    .await;
    assert!(said.as_str().unwrap().contains("lý do"), "{said}");
    assert_eq!(
        js(
            &c,
            "hộp hủy số vẫn mở",
            "return document.getElementById('ask').open;"
        )
        .await,
        json!(true)
    );
    fill(&c, "#ask-input", "Văn bản không ban hành").await;
    click(&c, "#ask-ok").await;
    until(
        &c,
        "số 03 đã hủy",
        "document.getElementById('register-list').textContent.includes('Đã hủy')",
    )
    .await;
    let before = dump(&db, pass);

    // "2" typed on the Tờ trình of 05/12: the register asks whether it is a correction of Số
    // 02's date; going back leaves the refusal under "Số", naming the holder, and writes nothing.
    new_document(&c, "05/12/2026", "2").await;
    issue(&c, false).await;
    let title = text(&c, "#ask-title").await;
    assert!(title.contains("Đính chính"), "{title}");
    let body = text(&c, "#ask-body").await;
    assert!(
        body.contains("Số 02-TTr/ĐU đã cấp cho Tờ trình đề nghị phê duyệt quy hoạch nhiệm kỳ 2030-2035 ngày 02/12/2026"),
        "{body}"
    );
    click(&c, "#ask-cancel").await;
    until(
        &c,
        "lỗi dưới ô Số",
        "document.querySelector('#form-doc [name=number] + .field-error')",
    )
    .await;
    let note = text(&c, "#form-doc [name=number] + .field-error").await;
    assert!(
        note.contains("Số 02-TTr/ĐU đã cấp cho Tờ trình") && note.contains("ngày 02/12/2026"),
        "{note}"
    );
    assert_eq!(dump(&db, pass), before, "a refusal writes nothing");
    let lines = register(&c).await;
    let two = lines.iter().find(|l| l[0] == "Số 02-TTr/ĐU").unwrap();
    assert_eq!(two[1], "02/12/2026", "{lines:?}");
    screenshot(&c, "20-so-da-cap.png").await;

    // "50": the gap is named; going back writes nothing.
    fill(&c, "#form-doc [name=number]", "50").await;
    issue(&c, false).await;
    assert!(text(&c, "#ask-title").await.contains("Để trống"));
    let body = text(&c, "#ask-body").await;
    assert!(body.contains("Số 50-TTr/ĐU bỏ qua các số 04–49"), "{body}");
    click(&c, "#ask-cancel").await;
    until(
        &c,
        "lỗi khoảng trống dưới ô Số",
        "(document.querySelector('#form-doc [name=number] + .field-error') || {}).textContent?.includes('04–49')",
    )
    .await;
    assert_eq!(dump(&db, pass), before, "a refusal writes nothing");

    // Confirmed with a reason: Số 50, and 04–49 on one line of the register as left blank.
    issue(&c, false).await;
    assert!(text(&c, "#ask-title").await.contains("Để trống"));
    fill(&c, "#ask-input", "Các số 04–49 đã cấp trong sổ giấy").await;
    screenshot(&c, "21-hoi-bo-qua.png").await;
    click(&c, "#ask-ok").await;
    until(
        &c,
        "Số 50 đã cấp",
        "document.getElementById('doc-result').textContent.includes('Số 50-TTr/ĐU')",
    )
    .await;
    assert!(
        text(&c, "#doc-result").await.contains("các số 04–49"),
        "{}",
        text(&c, "#doc-result").await
    );
    until(
        &c,
        "sổ có Số 50",
        "document.getElementById('register-list').textContent.includes('Số 50-TTr/ĐU')",
    )
    .await;
    let lines = register(&c).await;
    assert_eq!(
        lines.iter().map(|l| l[0].as_str()).collect::<Vec<_>>(),
        [
            "Số 50-TTr/ĐU",
            "Số 04–49-TTr/ĐU",
            "Số 03-TTr/ĐU",
            "Số 02-TTr/ĐU",
            "Số 01-TTr/ĐU"
        ],
        "{lines:?}"
    );
    assert_eq!(
        lines[1][3],
        "Bỏ qua (để trống): Các số 04–49 đã cấp trong sổ giấy"
    );
    assert_eq!(lines[3][1], "02/12/2026");
    let after = dump(&db, pass);
    assert_eq!(
        after
            .iter()
            .filter(|l| l.starts_with("doc_number |") && l.contains("Text(\"bo_qua\")"))
            .count(),
        46
    );
    // Số 02 with the date 05/12 and a reason: recorded as a correction beside Số 02, whose first
    // issue date stays.
    new_document(&c, "05/12/2026", "2").await;
    issue(&c, false).await;
    assert!(text(&c, "#ask-title").await.contains("Đính chính"));
    fill(&c, "#ask-input", "Ngày ký chính thức là 05/12/2026").await;
    click(&c, "#ask-ok").await;
    until(
        &c,
        "đính chính đã ghi",
        "document.getElementById('register-list').textContent.includes('Đính chính ngày ban hành 02/12/2026 → 05/12/2026')",
    )
    .await;
    let lines = register(&c).await;
    let two = lines.iter().find(|l| l[0] == "Số 02-TTr/ĐU").unwrap();
    assert_eq!(two[1], "02/12/2026", "{lines:?}");
    assert!(
        two[3].ends_with("Ngày ký chính thức là 05/12/2026"),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 5, "no new line: {lines:?}");
    js(
        &c,
        "cuộn tới sổ đăng ký",
        "document.getElementById('register-card').scrollIntoView(); return true;",
    )
    .await;
    screenshot(&c, "22-so-bo-qua.png").await;
    // At 1280×720 the register's numbers and its "Hủy số" buttons stay on one line and the
    // screen does not scroll sideways (issue 21 §2).
    wd("đặt cỡ cửa sổ", c.set_window_size(1280, 720)).await;
    super::messages::no_sideways(&c, "so-dang-ky").await;
    let wrapped = js(
        &c,
        "ô số và nút hủy trên một dòng",
        "const line = (n) => { const r = document.createRange(); r.selectNodeContents(n); return r.getClientRects().length <= 1; }; \
         return [...document.querySelectorAll('#register-list tr')].flatMap(tr => [tr.children[0], ...tr.querySelectorAll('button')]).filter(n => !line(n)).map(n => n.textContent);",
    )
    .await;
    assert_eq!(wrapped, json!([]), "xuống dòng trong sổ đăng ký");
    wd("đóng phiên", c.close()).await;
}
