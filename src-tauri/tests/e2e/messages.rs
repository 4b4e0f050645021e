//! End-to-end, issue 21 §2: messages where the eyes are. On the demo ward, in a 1280×720 window:
//! a refusal is said beside the button that was pressed (a Settings card at the bottom, the plan's
//! "Ghi bước" panel) and takes the place of the success notice before it; "Ghi" of a step says
//! what was written; the reason dialog does not close on an empty reason; Esc in a plan panel
//! asks before dropping what was typed; and no screen scrolls sideways.

use super::*;

const ESC: &str = "\u{E00C}";

/// Presses Esc on the element with the focus.
async fn escape(c: &Client) {
    let el = wd("ô đang nhập", c.active_element()).await;
    wd("bấm Esc", el.send_keys(ESC)).await;
}

/// Where the screen scrolls sideways: the page itself, or a box (overflow-x auto/scroll) whose
/// content is wider than it. Empty when nothing does.
async fn sideways(c: &Client) -> Vec<String> {
    let code = r#"
        const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
        const seen = (e) => e.getClientRects().length && !e.closest('details:not([open]) > :not(summary)');
        const bad = [];
        const page = document.scrollingElement;
        if (page.scrollWidth > page.clientWidth) bad.push(`trang: ${page.scrollWidth} > ${page.clientWidth}`);
        for (const e of document.querySelectorAll('body *')) {
            if (!seen(e)) continue;
            const ox = getComputedStyle(e).overflowX;
            if ((ox === 'auto' || ox === 'scroll') && e.scrollWidth > e.clientWidth + 1) bad.push(`${name(e)}: ${e.scrollWidth} > ${e.clientWidth}`);
        }
        // A select too narrow for its choice cuts it ("T/M BAN THƯỜNG V…").
        const pen = document.createElement('canvas').getContext('2d');
        for (const s of document.querySelectorAll('select')) {
            const o = s.options[s.selectedIndex];
            if (!o || !seen(s)) continue;
            const st = getComputedStyle(s);
            pen.font = `${st.fontStyle} ${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
            // The drop-down arrow takes about 26 px beside the padding.
            const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 26;
            const w = pen.measureText(o.text).width;
            if (w > room) bad.push(`${name(s)}[name=${s.name}] “${o.text}”: ${Math.ceil(w)} > ${Math.floor(room)}`);
        }
        return bad;
    "#;
    serde_json::from_value(js(c, "tìm chỗ cuộn ngang", code).await).unwrap()
}

pub(super) async fn no_sideways(c: &Client, screen: &str) {
    // Let the screen load and lay out first.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let bad = sideways(c).await;
    screenshot(c, &format!("32-1280x720-{screen}.png")).await;
    if !bad.is_empty() {
        screenshot(c, &format!("cuon-ngang-{screen}.png")).await;
    }
    assert!(bad.is_empty(), "{screen}: cuộn ngang ở 1280×720: {bad:?}");
}

/// True when the element's box is inside the window's visible area.
async fn in_view(c: &Client, css: &str) -> bool {
    let code = format!(
        "const r = document.querySelector({}).getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;",
        json!(css)
    );
    js(c, &format!("{css} trong tầm nhìn"), &code)
        .await
        .as_bool()
        .unwrap()
}

async fn banner_hidden(c: &Client) -> bool {
    js(
        c,
        "dải lỗi trên cùng",
        "return document.getElementById('error').hidden;",
    )
    .await
    .as_bool()
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn messages_beside_their_buttons_and_no_sideways_scrolling_at_1280x720() {
    let data = tempfile::Builder::new()
        .prefix("dữ liệu thông báo ")
        .tempdir()
        .unwrap();
    let driver = Driver::start(data.path());
    let c = driver.session().await;
    wd("đặt cỡ cửa sổ", c.set_window_size(1280, 720)).await;
    visible(&c, "screen-first-run").await;
    let width = js(&c, "bề ngang cửa sổ", "return window.innerWidth;")
        .await
        .as_u64()
        .unwrap();
    assert!(
        (1000..=1280).contains(&width),
        "cửa sổ rộng {width}px thay vì 1280"
    );
    no_sideways(&c, "lan-dau").await;
    click(&c, "#btn-demo").await;
    visible(&c, "screen-people").await;
    until(
        &c,
        "danh sách phường mẫu",
        "document.querySelectorAll('#people tr').length >= 60",
    )
    .await;

    // Every screen, at 1280×720: nothing scrolls sideways.
    no_sideways(&c, "can-bo").await;
    click(&c, "#btn-add-person").await;
    visible(&c, "screen-person").await;
    no_sideways(&c, "ho-so").await;
    for (screen, name) in [
        ("screen-plan", "quy-hoach"),
        ("screen-checks", "kiem-tra"),
        ("screen-programmes", "de-an"),
        ("screen-docs", "van-ban"),
        ("screen-settings", "cai-dat"),
    ] {
        click(&c, &format!("#nav [data-screen={screen}]")).await;
        visible(&c, screen).await;
        no_sideways(&c, name).await;
        if screen == "screen-plan" {
            // With "Thêm nhiệm kỳ" open too.
            js(
                &c,
                "mở Thêm nhiệm kỳ",
                "document.getElementById('term-new').open = true; return true;",
            )
            .await;
            no_sideways(&c, "quy-hoach-them-nhiem-ky").await;
            js(
                &c,
                "đóng Thêm nhiệm kỳ",
                "document.getElementById('term-new').open = false; return true;",
            )
            .await;
        }
        if screen == "screen-programmes" {
            // Each tab of the programmes screen.
            let tabs = js(
                &c,
                "các thẻ đề án",
                "return [...document.querySelectorAll('#screen-programmes .tab')].map(t => t.dataset.tab);",
            )
            .await;
            for tab in tabs.as_array().unwrap() {
                let tab = tab.as_str().unwrap();
                click(&c, &format!("#screen-programmes .tab[data-tab='{tab}']")).await;
                no_sideways(&c, &format!("de-an-{tab}")).await;
            }
        }
    }

    // Settings: a saved card says so; then a refusal at the bottom of the screen is said beside
    // its button, in view, and the success notice before it goes.
    fill(&c, "#form-signing [name=name]", "Trần Văn Ba").await;
    click(&c, "#form-signing button[type=submit]").await;
    until(
        &c,
        "đã lưu người ký",
        "!document.getElementById('notice').hidden",
    )
    .await;
    fill(&c, "#form-passwd [name=current]", "không phải mật khẩu").await;
    fill(&c, "#form-passwd [name=new]", "Mật khẩu mới 2026 dài").await;
    fill(&c, "#form-passwd [name=again]", "Mật khẩu mới 2026 dài").await;
    click(&c, "#form-passwd button[type=submit]").await;
    let said = until(
        &c,
        "lỗi bên nút Đổi mật khẩu",
        "(document.querySelector('#form-passwd .action-error') || {}).textContent",
    )
    .await;
    assert!(
        said.as_str().unwrap().contains("Mật khẩu"),
        "{said}: phải nói về mật khẩu"
    );
    assert!(banner_hidden(&c).await, "lỗi không còn ở dải trên cùng");
    assert!(in_view(&c, "#form-passwd .action-error").await);
    assert_eq!(
        js(
            &c,
            "thông báo thành công cũ",
            "return document.getElementById('notice').hidden;"
        )
        .await,
        json!(true),
        "“Đã lưu người ký…” không được đứng cạnh một lời từ chối"
    );
    assert_eq!(
        js(
            &c,
            "vai trò thông báo",
            "return document.querySelector('#form-passwd .action-error').getAttribute('role');"
        )
        .await,
        json!("alert")
    );
    screenshot(&c, "30-loi-ben-nut.png").await;
    // The next action clears it.
    fill(&c, "#form-signing [name=name]", "Trần Văn Ba").await;
    click(&c, "#form-signing button[type=submit]").await;
    until(
        &c,
        "lời từ chối cũ đã đi",
        "!document.querySelector('#form-passwd .action-error') && !document.getElementById('notice').hidden",
    )
    .await;

    // The plan: "Ghi bước" refused (a step that needs a decision) is said beside "Ghi".
    go_to(&c, "screen-plan").await;
    let step_button = "#board tr[data-entry]:not(.inactive) td:last-child button.secondary";
    until(
        &c,
        "bảng quy hoạch",
        &format!("document.querySelector({})", json!(step_button)),
    )
    .await;
    let who = js(
        &c,
        "tên người được ghi bước",
        &format!(
            "return document.querySelector({}).closest('tr').children[0].firstChild.textContent;",
            json!(step_button)
        ),
    )
    .await;
    let who = who.as_str().unwrap().to_string();
    click(&c, step_button).await;
    visible(&c, "plan-step").await;
    set(&c, "#form-plan-step [name=step]", "phe_duyet").await;
    click(&c, "#form-plan-step button[type=submit]").await;
    let said = until(
        &c,
        "lỗi bên nút Ghi",
        "(document.querySelector('#form-plan-step .action-error') || {}).textContent",
    )
    .await;
    assert!(
        said.as_str().unwrap().contains("quyết định"),
        "{said}: phải nói cần quyết định"
    );
    assert!(banner_hidden(&c).await);
    assert!(in_view(&c, "#form-plan-step .action-error").await);

    // Esc with something typed asks first; "Tiếp tục nhập" keeps the panel and the text.
    fill(&c, "#form-plan-step [name=note]", "Ghi chú đang gõ dở").await;
    escape(&c).await;
    until(
        &c,
        "hỏi trước khi bỏ",
        "document.getElementById('ask').open",
    )
    .await;
    assert!(text(&c, "#ask-title").await.contains("Bỏ phần đã nhập"));
    click(&c, "#ask-cancel").await;
    until(&c, "hộp hỏi đóng", "!document.getElementById('ask').open").await;
    assert_eq!(
        js(
            &c,
            "ô còn nguyên",
            "return [document.getElementById('plan-step').hidden, document.querySelector('#form-plan-step [name=note]').value];"
        )
        .await,
        json!([false, "Ghi chú đang gõ dở"])
    );

    // "Ghi" of a step that is allowed says what was written, for whom.
    set(&c, "#form-plan-step [name=step]", "tiep_tuc").await;
    click(&c, "#form-plan-step button[type=submit]").await;
    let notice = until(
        &c,
        "báo đã ghi bước",
        "!document.getElementById('notice').hidden && document.getElementById('notice').textContent",
    )
    .await;
    let notice = notice.as_str().unwrap();
    assert!(
        notice.contains("Đã ghi bước") && notice.contains(&who),
        "{notice}"
    );
    assert!(js(
        &c,
        "ô ghi bước đóng",
        "return document.getElementById('plan-step').hidden;"
    )
    .await
    .as_bool()
    .unwrap());

    // "Thêm người": Esc with nothing typed closes at once; with a name typed it asks, and
    // "Bỏ phần đã nhập" closes.
    let add = "#board section.position[data-code=BT] header button";
    click(&c, add).await;
    visible(&c, "plan-add").await;
    until(
        &c,
        "danh sách ứng viên",
        "document.querySelectorAll('#plan-candidates tr').length > 0",
    )
    .await;
    no_sideways(&c, "them-nguoi").await;
    escape(&c).await;
    until(
        &c,
        "đóng không hỏi",
        "document.getElementById('plan-add').hidden",
    )
    .await;
    assert_eq!(
        js(
            &c,
            "không hỏi",
            "return document.getElementById('ask').open;"
        )
        .await,
        json!(false)
    );
    click(&c, add).await;
    visible(&c, "plan-add").await;
    fill(&c, "#form-plan-add [name=note]", "Lý do đang gõ").await;
    escape(&c).await;
    until(
        &c,
        "hỏi trước khi bỏ (thêm người)",
        "document.getElementById('ask').open",
    )
    .await;
    click(&c, "#ask-ok").await;
    until(
        &c,
        "ô thêm người đóng",
        "document.getElementById('plan-add').hidden && !document.getElementById('ask').open",
    )
    .await;

    // "Vẫn đưa vào" with an empty reason: the dialog stays open and says a reason is needed.
    click(&c, add).await;
    visible(&c, "plan-add").await;
    until(
        &c,
        "người chưa đủ điều kiện",
        "document.querySelector('#plan-candidates tr.chua_du:not(.planned)')",
    )
    .await;
    click(&c, "#plan-candidates tr.chua_du:not(.planned) td").await;
    click(&c, "#form-plan-add button[type=submit]").await;
    until(&c, "hỏi lý do", "document.getElementById('ask').open").await;
    click(&c, "#ask-ok").await;
    let said = until(
        &c,
        "nói cần lý do",
        "(document.querySelector('#ask .field-error') || {}).textContent",
    )
    .await;
    assert!(said.as_str().unwrap().contains("lý do"), "{said}");
    assert_eq!(
        js(
            &c,
            "hộp vẫn mở",
            "return document.getElementById('ask').open;"
        )
        .await,
        json!(true),
        "không có lý do thì hộp không đóng"
    );
    screenshot(&c, "31-can-ly-do.png").await;
    // Enter on the empty field does not close it either; Esc does (the clerk goes back).
    let input = wd("ô lý do", c.find(Locator::Css("#ask-input"))).await;
    wd("bấm Enter", input.send_keys("\u{E007}")).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        js(
            &c,
            "hộp vẫn mở sau Enter",
            "return document.getElementById('ask').open;"
        )
        .await,
        json!(true)
    );
    escape(&c).await;
    until(
        &c,
        "hộp đóng khi bấm Esc",
        "!document.getElementById('ask').open",
    )
    .await;
    assert!(
        !js(
            &c,
            "ô thêm người còn mở",
            "return document.getElementById('plan-add').hidden;"
        )
        .await
        .as_bool()
        .unwrap(),
        "Esc trong hộp hỏi chỉ đóng hộp hỏi"
    );

    // A committee planned below its coefficient (the demo's inspection committee has nobody):
    // the finding offers to add people to that committee's plan, and the button opens its
    // candidates, not Settings.
    go_to(&c, "screen-checks").await;
    let code = until(
        &c,
        "nút thêm người vào quy hoạch Ủy ban Kiểm tra",
        "(() => { const b = [...document.querySelectorAll('#findings button[data-add]')].find((b) => b.closest('li.group').textContent.includes('Ủy ban Kiểm tra')); return b && b.dataset.add; })()",
    )
    .await;
    let code = code.as_str().unwrap().to_string();
    let todo = js(
        &c,
        "việc cần làm",
        &format!("return document.querySelector('#findings button[data-add=\"{code}\"]').closest('.todo').textContent;"),
    )
    .await;
    assert!(
        todo.as_str()
            .unwrap()
            .contains("Thêm người vào quy hoạch cho đủ ít nhất 5 người")
            && !todo.as_str().unwrap().contains("Cài đặt"),
        "{todo}"
    );
    click(&c, &format!("#findings button[data-add=\"{code}\"]")).await;
    visible(&c, "screen-plan").await;
    visible(&c, "plan-add").await;
    let title = text(&c, "#plan-add-title").await;
    assert!(title.contains("Ủy ban Kiểm tra"), "{title}");
    until(
        &c,
        "danh sách ứng viên cho Ủy ban Kiểm tra",
        "document.querySelectorAll('#plan-candidates tr').length > 0",
    )
    .await;
    wd("đóng phiên", c.close()).await;
}
