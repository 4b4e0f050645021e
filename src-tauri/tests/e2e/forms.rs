//! End-to-end, issue 20 §3–4: one click, one record — Enter pressed twice in "Thêm cán bộ", a
//! double click on "Lưu", "Đưa vào quy hoạch", "Cấp số" and "Nhập" each write once, with no red
//! error beside the green notice; a second record with the same name and birth date is saved
//! only when the clerk confirms; numbers in Settings as clerks type them ("0,25", "25%", "35"),
//! an empty one refused under its field with nothing saved; every message Vietnamese, under its
//! field (no form leaves its checks to the WebView's English bubbles).

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};

use super::*;

/// A real double click (two presses of the left button, no pause) on the element.
async fn double_click(c: &Client, css: &str) {
    js(
        c,
        &format!("cuộn tới {css}"),
        &format!(
            "document.querySelector({}).scrollIntoView({{block: 'center'}}); return true;",
            json!(css)
        ),
    )
    .await;
    let el = wd(&format!("tìm {css}"), c.find(Locator::Css(css))).await;
    let mouse = MouseActions::new("chuột".into())
        .then(PointerAction::MoveToElement {
            element: el,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    wd(&format!("bấm đúp {css}"), c.perform_actions(mouse)).await;
    let _ = c.release_actions().await;
}

/// Types into a field inside a scrolled box (Settings' parameters scroll in their own box,
/// which WebKitWebDriver does not scroll by itself).
async fn fill_in_view(c: &Client, css: &str, value: &str) {
    js(
        c,
        &format!("cuộn tới {css}"),
        &format!(
            "document.querySelector({}).scrollIntoView({{block: 'center'}}); return true;",
            json!(css)
        ),
    )
    .await;
    if value.is_empty() {
        // Emptied as a clerk does (WebKitWebDriver takes no empty text to type).
        let el = wd(&format!("tìm {css}"), c.find(Locator::Css(css))).await;
        wd(&format!("xóa {css}"), el.clear()).await;
    } else {
        fill(c, css, value).await;
    }
}

/// Makes every request to the core take `ms` longer, as on a clerk's slow office PC, so that
/// the second Enter or the second click of a double click surely lands while the first request
/// is in flight (here the core answers within a few milliseconds, before WebKitWebDriver sends
/// the next input); 0 puts the core back as it is.
async fn slow_core(c: &Client, ms: u64) {
    // window.__TAURI__.core is frozen, but window.__TAURI__ takes another one.
    let code = format!(
        "if (!window.__quickCore) window.__quickCore = window.__TAURI__.core;
         const quick = window.__quickCore;
         window.__TAURI__.core = {ms}
           ? {{ ...quick, invoke: (...a) => new Promise((r) => setTimeout(r, {ms})).then(() => quick.invoke(...a)) }}
           : quick;
         return (window.__TAURI__.core !== quick) === ({ms} !== 0);"
    );
    assert_eq!(js(c, "làm chậm phần lõi", &code).await, json!(true));
}

/// The number of people the list counts ("61 người" → 61).
async fn people_count(c: &Client) -> u64 {
    let t = js(
        c,
        "đếm người",
        "return document.getElementById('count').textContent;",
    )
    .await;
    t.as_str()
        .unwrap_or_default()
        .split(|ch: char| !ch.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("không đọc được số người: {t}"))
}

/// After a write: a moment for any second request to land, then neither a red error nor a
/// question is on the screen.
async fn settled_without_error(c: &Client, what: &str) {
    tokio::time::sleep(Duration::from_millis(2000)).await;
    let shown = js(c, "đọc lỗi", &format!("return {SHOWN_ERRORS};")).await;
    assert_eq!(shown, json!(""), "{what}: có thông báo lỗi");
    assert_eq!(
        js(c, "hộp hỏi", "return document.getElementById('ask').open;").await,
        json!(false),
        "{what}: có hộp hỏi"
    );
}

/// Calls the core as the window does and returns the answer (for reading what was saved).
async fn core(c: &Client, cmd: &str, args: serde_json::Value) -> serde_json::Value {
    let code = format!(
        "const done = arguments[0]; window.__TAURI__.core.invoke({}, {}).then(done, (e) => done({{ loi: e }}));",
        json!(cmd),
        args
    );
    wd(&format!("gọi {cmd}"), c.execute_async(&code, vec![])).await
}

async fn new_person(c: &Client, name: &str, sex: &str, birth: &str) {
    click(c, "#btn-add-person").await;
    visible(c, "screen-person").await;
    fill(c, "#form-person [name=full_name]", name).await;
    set(c, "#form-person [name=sex]", sex).await;
    if !birth.is_empty() {
        fill(c, "#form-person [name=birth_date]", birth).await;
    }
}

/// How many rows of the list carry `name` (searched, then the search cleared).
async fn rows_named(c: &Client, name: &str) -> usize {
    fill(c, "#search", name).await;
    until(
        c,
        "kết quả tìm",
        "document.querySelectorAll('#people tr[data-id]').length < 60",
    )
    .await;
    let n = rows(c).await.iter().filter(|r| *r == name).count();
    js(
        c,
        "xóa ô tìm",
        "const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input')); return true;",
    )
    .await;
    until(
        c,
        "danh sách đầy đủ",
        "document.querySelectorAll('#people tr[data-id]').length >= 60",
    )
    .await;
    n
}

#[tokio::test(flavor = "multi_thread")]
async fn one_click_one_record_and_a_namesake_only_when_confirmed() {
    let data = tempfile::Builder::new()
        .prefix("dữ liệu biểu mẫu ")
        .tempdir()
        .unwrap();
    let driver = Driver::start(data.path());
    let c = driver.session().await;
    open_demo(&c).await;
    // No form leaves its checks to the WebView (its bubbles are English).
    assert_eq!(
        js(
            &c,
            "biểu mẫu không tự kiểm tra",
            "return [...document.forms].filter((f) => !f.noValidate).map((f) => f.id);"
        )
        .await,
        json!([])
    );
    let before = people_count(&c).await;

    // Enter pressed twice in "Thêm cán bộ": one record.
    let name = "Đinh Thị Nhấn Hai Lần";
    new_person(&c, name, "nu", "02/09/1991").await;
    let field = wd(
        "ô họ tên",
        c.find(Locator::Css("#form-person [name=full_name]")),
    )
    .await;
    slow_core(&c, 800).await;
    wd("nhấn Enter hai lần", field.send_keys("\u{E007}\u{E007}")).await;
    visible(&c, "screen-people").await;
    until(
        &c,
        "đã lưu",
        &format!(
            "document.getElementById('notice').textContent.includes({})",
            json!(format!("Đã lưu hồ sơ {name}"))
        ),
    )
    .await;
    settled_without_error(&c, "Enter hai lần").await;
    assert_eq!(people_count(&c).await, before + 1);
    assert_eq!(rows_named(&c, name).await, 1);

    // A double click on "Lưu": one record, no red error beside the green notice.
    let name = "Đinh Văn Bấm Đúp";
    new_person(&c, name, "nam", "1988").await;
    double_click(&c, "#form-person button[type=submit]").await;
    visible(&c, "screen-people").await;
    until(
        &c,
        "đã lưu",
        "document.getElementById('notice').textContent.includes('Đã lưu hồ sơ Đinh Văn Bấm Đúp')",
    )
    .await;
    settled_without_error(&c, "bấm đúp Lưu").await;
    slow_core(&c, 0).await;
    assert_eq!(people_count(&c).await, before + 2);
    assert_eq!(rows_named(&c, name).await, 1);
    screenshot(&c, "20-bam-dup-luu.png").await;

    // The same name and birth date again: the window asks, naming the record on file; "Quay
    // lại" saves nothing, "vẫn lưu" saves a second person.
    new_person(&c, name, "nam", "1988").await;
    click(&c, "#form-person button[type=submit]").await;
    until(&c, "hỏi người trùng", "document.getElementById('ask').open").await;
    let asked = text(&c, "#ask-body").await;
    assert!(
        asked.contains("Đinh Văn Bấm Đúp (sinh 1988") && asked.contains("mã số"),
        "{asked}"
    );
    assert!(text(&c, "#ask-title")
        .await
        .contains("Đã có người cùng họ tên và ngày sinh"));
    screenshot(&c, "21-hoi-nguoi-trung.png").await;
    click(&c, "#ask-cancel").await;
    until(&c, "hộp hỏi đóng", "!document.getElementById('ask').open").await;
    assert_eq!(
        js(
            &c,
            "vẫn ở hồ sơ",
            "return !document.getElementById('screen-person').hidden;"
        )
        .await,
        json!(true)
    );
    assert_eq!(
        core(
            &c,
            "find_people",
            json!({"query": name, "filter": {}, "limit": 10})
        )
        .await["total"],
        json!(1),
        "nothing saved on “Quay lại”"
    );
    click(&c, "#form-person button[type=submit]").await;
    until(&c, "hỏi lại", "document.getElementById('ask').open").await;
    click(&c, "#ask-ok").await;
    visible(&c, "screen-people").await;
    until(
        &c,
        "đã lưu người thứ hai",
        "document.getElementById('notice').textContent.includes('Đã lưu hồ sơ Đinh Văn Bấm Đúp')",
    )
    .await;
    settled_without_error(&c, "lưu người trùng tên đã xác nhận").await;
    assert_eq!(rows_named(&c, name).await, 2);

    // An empty "Ngày sinh": named in Vietnamese under its input, nothing in serde's words.
    new_person(&c, "Đinh Thị Chưa Có Ngày Sinh", "nu", "").await;
    click(&c, "#form-person button[type=submit]").await;
    until(
        &c,
        "lỗi ngày sinh",
        "document.querySelector('#form-person [name=birth_date] + .field-error')",
    )
    .await;
    assert_eq!(
        text(&c, "#form-person [name=birth_date] + .field-error").await,
        "Ngày sinh: bắt buộc phải nhập."
    );
    let banner = error_text(&c).await;
    for english in ["missing field", "`", "birth_date", "expected", "invalid"] {
        assert!(!banner.contains(english), "{banner}");
    }
    screenshot(&c, "22-thieu-ngay-sinh.png").await;
    click(&c, "#btn-person-cancel").await;
    until(&c, "hỏi bỏ thay đổi", "document.getElementById('ask').open").await;
    click(&c, "#ask-ok").await;
    visible(&c, "screen-people").await;
    assert_eq!(people_count(&c).await, before + 3);

    // A double click on "Đưa vào quy hoạch": one entry, no red error.
    go_to(&c, "screen-plan").await;
    until(
        &c,
        "bảng chức danh",
        "document.querySelector('#board section.position[data-code=BCH]')",
    )
    .await;
    let planned =
        "document.querySelectorAll('#board section.position[data-code=BCH] tbody tr').length";
    let n = js(&c, "đếm BCH", &format!("return {planned};"))
        .await
        .as_u64()
        .unwrap();
    click(&c, "#board section.position[data-code=BCH] header button").await;
    visible(&c, "plan-add").await;
    until(
        &c,
        "ứng viên",
        "document.querySelector('#plan-candidates tr:not(.planned)')",
    )
    .await;
    click(&c, "#plan-candidates tr:not(.planned) td").await;
    slow_core(&c, 800).await;
    double_click(&c, "#form-plan-add button[type=submit]").await;
    // Someone not yet eligible, or a full post: the clerk gives the reason (asked once).
    let asked = until(
        &c,
        "đã đưa vào hoặc hỏi lý do",
        &format!(
            "document.getElementById('ask').open ? 'hỏi' : ({planned} === {})",
            n + 1
        ),
    )
    .await;
    if asked == json!("hỏi") {
        fill(&c, "#ask-input", "Đã bàn trong Ban Thường vụ").await;
        click(&c, "#ask-ok").await;
    }
    until(
        &c,
        "một người được thêm",
        &format!("{planned} === {}", n + 1),
    )
    .await;
    until(
        &c,
        "báo đã đưa vào",
        "document.getElementById('notice').textContent.includes('vào quy hoạch')",
    )
    .await;
    settled_without_error(&c, "bấm đúp Đưa vào quy hoạch").await;
    slow_core(&c, 0).await;
    assert_eq!(
        js(&c, "đếm BCH", &format!("return {planned};")).await,
        json!(n + 1)
    );
    wd("đóng phiên", c.close()).await;
}

/// A cadre list of two new people, as a clerk's workbook.
fn two_people_workbook(path: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (col, h) in ["TT", "Họ và tên", "Ngày sinh", "Giới tính"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, col as u16, *h).unwrap();
    }
    for (row, r) in [
        ["1", "Đinh Thị Nhập Một", "01/02/1990", "Nữ"],
        ["2", "Đinh Văn Nhập Hai", "03/04/1985", "Nam"],
    ]
    .iter()
    .enumerate()
    {
        for (col, v) in r.iter().enumerate() {
            ws.write_string(row as u32 + 1, col as u16, *v).unwrap();
        }
    }
    wb.save(path).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_numbers_as_clerks_type_them_and_one_number_per_double_click() {
    let data = tempfile::Builder::new()
        .prefix("dữ liệu cài đặt ")
        .tempdir()
        .unwrap();
    let out_dir = data.path().join("Văn bản xuất");
    let driver = Driver::start_with(data.path(), &[("QUYHOACH_OUTPUT_DIR", &out_dir)]);
    let c = driver.session().await;
    open_demo(&c).await;
    let people = people_count(&c).await;
    // The rules edited are the term's chosen on the plan screen (a fresh WebView has none).
    js(
        &c,
        "quên nhiệm kỳ đã chọn",
        "localStorage.removeItem('quyhoach.term'); return true;",
    )
    .await;
    click(&c, "#nav [data-screen=screen-plan]").await;
    until(
        &c,
        "nhiệm kỳ được chọn",
        "localStorage.getItem('quyhoach.term') === '2030-2035'",
    )
    .await;

    go_to(&c, "screen-settings").await;
    let share = "#form-rules [name=min_women_share]";
    until(
        &c,
        "quy định của nhiệm kỳ",
        &format!("document.querySelector({})", json!(share)),
    )
    .await;
    // The clerk reads labels, never a parameter's code name.
    let label = js(
        &c,
        "nhãn tỷ lệ nữ",
        &format!(
            "return document.querySelector({}).closest('label').textContent;",
            json!(share)
        ),
    )
    .await;
    assert_eq!(label, json!("Tỷ lệ nữ tối thiểu (%)"));
    let shown = text(&c, "#form-rules").await;
    assert!(!shown.contains('_'), "{shown}");
    let term = js(
        &c,
        "nhiệm kỳ",
        "return localStorage.getItem('quyhoach.term');",
    )
    .await;
    let saved = |c: &Client| {
        let c = c.clone();
        let term = term.clone();
        async move { core(&c, "rules_for_term", json!({ "term": term })).await }
    };
    for (typed, value, back) in [
        ("30%", 0.3, "30%"),
        ("0,25", 0.25, "25%"),
        ("35", 0.35, "35%"),
        ("25%", 0.25, "25%"),
    ] {
        fill_in_view(&c, share, typed).await;
        js(
            &c,
            "xóa thông báo cũ",
            "const n = document.getElementById('notice'); n.textContent = ''; n.hidden = true; return true;",
        )
        .await;
        click(&c, "#form-rules button[type=submit]").await;
        until(
            &c,
            &format!("lưu “{typed}”"),
            &format!(
                "document.getElementById('notice').textContent.includes('Đã lưu quy định mới') && document.querySelector({}).value === {}",
                json!(share),
                json!(back)
            ),
        )
        .await;
        assert_eq!(
            saved(&c).await["params"]["min_women_share"],
            json!(value),
            "“{typed}”"
        );
    }
    settled_without_error(&c, "lưu quy định").await;
    let version = saved(&c).await["name"].clone();

    // Emptied: refused under the field, by its label; nothing saved, no green notice.
    fill_in_view(&c, share, "").await;
    click(&c, "#form-rules button[type=submit]").await;
    until(
        &c,
        "lỗi dưới ô",
        &format!(
            "document.querySelector({} + ' + .field-error')",
            json!(share)
        ),
    )
    .await;
    assert_eq!(
        text(&c, &format!("{share} + .field-error")).await,
        "Tỷ lệ nữ tối thiểu: bắt buộc phải nhập."
    );
    let banner = error_text(&c).await;
    assert!(!banner.contains("min_women_share"), "{banner}");
    assert_eq!(
        js(
            &c,
            "không báo đã lưu",
            "return document.getElementById('notice').hidden;"
        )
        .await,
        json!(true)
    );
    let now = saved(&c).await;
    assert_eq!(now["params"]["min_women_share"], json!(0.25));
    assert_eq!(now["name"], version);
    screenshot(&c, "23-ty-le-nu-trong.png").await;

    // Another form with limits: the message is Vietnamese and under the field.
    fill_in_view(&c, "#form-layout [name=line_spacing]", "25").await;
    click(&c, "#form-layout button[type=submit]").await;
    until(
        &c,
        "lỗi giãn dòng",
        "document.querySelector('#form-layout [name=line_spacing] + .field-error')",
    )
    .await;
    assert_eq!(
        text(&c, "#form-layout [name=line_spacing] + .field-error").await,
        "Giãn dòng nội dung: phải từ 18 đến 22."
    );
    // A decimal comma, as clerks write it, is a number.
    fill_in_view(&c, "#form-layout [name=line_spacing]", "18,5").await;
    click(&c, "#form-layout button[type=submit]").await;
    until(
        &c,
        "đã lưu thể thức",
        "document.getElementById('notice').textContent.includes('Đã lưu thể thức')",
    )
    .await;
    assert_eq!(
        core(&c, "doc_settings", json!({})).await["layout"]["line_spacing"],
        json!(18.5)
    );

    // "Cấp số" double-clicked: one number in the register, no red error.
    go_to(&c, "screen-docs").await;
    until(
        &c,
        "đường dẫn gợi ý",
        "document.querySelector('#form-doc [name=out]').value",
    )
    .await;
    fill(&c, "#form-doc [name=signer_name]", "Nguyễn Văn Nho").await;
    let register = "document.querySelectorAll('#register-list tr button[data-cancel]').length";
    let issued = js(&c, "đếm số đã cấp", &format!("return {register};"))
        .await
        .as_u64()
        .unwrap();
    slow_core(&c, 800).await;
    double_click(&c, "#btn-doc-issue").await;
    let asked = until(
        &c,
        "đã cấp số hoặc hỏi",
        "document.getElementById('ask').open ? 'hỏi' : document.getElementById('doc-path')",
    )
    .await;
    if asked == json!("hỏi") {
        click(&c, "#ask-ok").await;
    }
    until(&c, "văn bản đã lưu", "document.getElementById('doc-path')").await;
    until(&c, "sổ đăng ký", &format!("{register} === {}", issued + 1)).await;
    settled_without_error(&c, "bấm đúp Cấp số").await;
    slow_core(&c, 0).await;
    assert_eq!(
        js(&c, "đếm số đã cấp", &format!("return {register};")).await,
        json!(issued + 1)
    );

    // "Nhập" double-clicked: the list is imported once, no red error.
    let file = data.path().join("Danh sách bổ sung.xlsx");
    two_people_workbook(&file);
    fill(&c, "#form-import [name=path]", file.to_str().unwrap()).await;
    click(&c, "#form-import button[type=submit]").await;
    until(
        &c,
        "nút nhập",
        "!document.getElementById('import-preview').hidden && !document.getElementById('btn-import-confirm').disabled",
    )
    .await;
    slow_core(&c, 800).await;
    double_click(&c, "#btn-import-confirm").await;
    until(
        &c,
        "đã nhập",
        "document.getElementById('notice').textContent.includes('Đã nhập 2 người')",
    )
    .await;
    settled_without_error(&c, "bấm đúp Nhập").await;
    slow_core(&c, 0).await;
    go_to(&c, "screen-people").await;
    until(
        &c,
        "hai người mới",
        &format!(
            "document.getElementById('count').textContent.startsWith('{} ')",
            people + 2
        ),
    )
    .await;
    wd("đóng phiên", c.close()).await;
}
