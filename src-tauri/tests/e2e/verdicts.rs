//! End-to-end, issue 21 §1: one verdict, from the core. On the demo ward, the candidate list of
//! Bí thư shows the core's own verdict for every person (its label, its order), nobody is
//! chosen until the clerk picks, the "vẫn đưa vào" dialog for đối tượng 2 names the two-term
//! threshold; then a rule edited in Settings (months of work left) changes the board's marks.

use quyhoach::app::board::candidates_for_terms;
use quyhoach::app::codes::code_lists;
use quyhoach::Store;

use super::*;

/// The candidate rows as the window shows them: [person id, row class, the verdict tag's text].
pub(super) async fn candidate_rows(c: &Client) -> Vec<(i64, String, String)> {
    let code = "return [...document.querySelectorAll('#plan-candidates tr')].map(r => [Number(r.dataset.person), r.className, r.querySelector('.verdict .tag').textContent]);";
    serde_json::from_value(js(c, "đọc danh sách ứng viên", code).await).unwrap()
}

/// The board's entries as [entry id, months left, the months cell's class, its title, đối tượng].
async fn board_entries(c: &Client) -> Vec<(i64, i64, String, String, i64)> {
    let code = "return [...document.querySelectorAll('#board tr[data-entry]')].filter(r => !r.classList.contains('inactive')).map(r => [Number(r.dataset.entry), Number(r.children[2].textContent), r.children[2].className, r.children[2].title || '', Number((r.querySelector('select') || {}).value || 1)]);";
    serde_json::from_value(js(c, "đọc bảng quy hoạch", code).await).unwrap()
}

async fn open_bt_candidates(c: &Client) {
    click(c, "#nav [data-screen=screen-plan]").await;
    visible(c, "screen-plan").await;
    until(
        c,
        "bảng chức danh",
        "!!document.querySelector('#board section.position[data-code=BT] header button')",
    )
    .await;
    click(c, "#board section.position[data-code=BT] header button").await;
    visible(c, "plan-add").await;
    until(
        c,
        "danh sách ứng viên Bí thư",
        "document.querySelectorAll('#plan-candidates tr').length === 60",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn candidate_verdicts_and_a_rule_edit_on_the_demo_ward() {
    let data = tempfile::Builder::new()
        .prefix("dữ liệu kết luận ")
        .tempdir()
        .unwrap();
    let driver = Driver::start(data.path());
    let c = driver.session().await;
    visible(&c, "screen-first-run").await;
    click(&c, "#btn-demo").await;
    visible(&c, "screen-people").await;
    open_bt_candidates(&c).await;

    // Each row paints the core's verdict: its code as the row's class, its label as the tag;
    // best first. Nobody is chosen and the add button waits for a choice.
    let lists = code_lists();
    let order: Vec<&str> = lists.verdicts.iter().map(|v| v.code).collect();
    let rows = candidate_rows(&c).await;
    let mut last = 0;
    let mut shown = Vec::new();
    for (id, class, tag) in &rows {
        let (at, v) = lists
            .verdicts
            .iter()
            .enumerate()
            .find(|(_, v)| class.split(' ').any(|c| c == v.code))
            .unwrap_or_else(|| panic!("row {id} has no verdict: {class}"));
        assert_eq!(tag, v.label, "row {id}");
        assert!(at >= last, "row {id} out of order: {class}");
        assert!(!class.contains("chosen"), "row {id} chosen: {class}");
        last = at;
        shown.push((*id, order[at]));
    }
    assert!(
        js(
            &c,
            "nút thêm",
            "return document.querySelector('#form-plan-add button[type=submit]').disabled;"
        )
        .await
        .as_bool()
        .unwrap(),
        "the add button waits for a choice"
    );
    let count = text(&c, "#plan-candidate-count").await;
    for v in &lists.verdicts {
        let n = shown.iter().filter(|(_, x)| *x == v.code).count();
        assert!(
            count.contains(&format!("{n} {}", v.label.to_lowercase())),
            "{count}"
        );
    }
    screenshot(&c, "21-ket-luan-ung-vien.png").await;

    // The window painted the core's verdicts: the same list from the core itself, on the file
    // (the window locked first), person by person and in the same order.
    click(&c, "#btn-lock").await;
    visible(&c, "screen-first-run").await;
    let store = Store::open(
        &data.path().join(quyhoach::paths::DEMO_FILE),
        quyhoach_demo_pass(),
    )
    .unwrap();
    let core: Vec<(i64, &str)> = candidates_for_terms(&store, "2030-2035", "BT", 1)
        .unwrap()
        .candidates
        .iter()
        .map(|x| (x.person_id, x.verdict.code()))
        .collect();
    store.close().unwrap();
    assert_eq!(shown, core);
    assert!(
        order
            .iter()
            .filter(|v| shown.iter().any(|(_, x)| x == *v))
            .count()
            >= 2,
        "the demo ward shows more than one verdict: {shown:?}"
    );
    click(&c, "#btn-demo").await;
    visible(&c, "screen-people").await;
    open_bt_candidates(&c).await;

    // Đối tượng 2: the list is judged again; the dialog for one short of months names the
    // two-term threshold, not 60.
    set(&c, "#form-plan-add [name=terms]", "2").await;
    until(
        &c,
        "danh sách đối tượng 2",
        "[...document.querySelectorAll('#plan-candidates td.flag')].some(td => td.title.includes('của hai nhiệm kỳ'))",
    )
    .await;
    let short = js(
        &c,
        "người thiếu tháng (đối tượng 2)",
        "const td = [...document.querySelectorAll('#plan-candidates tr:not(.planned) td.flag')].find(td => td.title.includes('của hai nhiệm kỳ')); return [Number(td.closest('tr').dataset.person), td.title];",
    )
    .await;
    let (short_id, title) = (short[0].as_i64().unwrap(), short[1].as_str().unwrap());
    assert!(title.contains("dưới 120 tháng"), "{title}");
    click(
        &c,
        &format!("#plan-candidates tr[data-person='{short_id}'] td"),
    )
    .await;
    until(
        &c,
        "đã chọn",
        "!document.querySelector('#form-plan-add button[type=submit]').disabled",
    )
    .await;
    click(&c, "#form-plan-add button[type=submit]").await;
    until(&c, "hỏi vẫn đưa vào", "document.getElementById('ask').open").await;
    let asked = text(&c, "#ask-body").await;
    assert!(
        asked.contains("dưới 120 tháng của hai nhiệm kỳ") && !asked.contains("dưới 60 tháng"),
        "{asked}"
    );
    click(&c, "#ask-cancel").await;
    until(&c, "hộp thoại đóng", "!document.getElementById('ask').open").await;
    // "Hủy" with a đối tượng and a person chosen asks before dropping them (issue 21 §2).
    click(&c, "#btn-plan-add-cancel").await;
    until(
        &c,
        "hỏi trước khi bỏ",
        "document.getElementById('ask').open",
    )
    .await;
    assert!(text(&c, "#ask-title").await.contains("Bỏ phần đã nhập"));
    click(&c, "#ask-ok").await;
    until(
        &c,
        "ô thêm người đóng",
        "document.getElementById('plan-add').hidden && !document.getElementById('ask').open",
    )
    .await;

    // The board: an entry not marked now, with m months left; the ward asks m + 1 (Settings).
    let entries = board_entries(&c).await;
    let (entry, months, _, _, terms) = entries
        .iter()
        .filter(|e| !e.2.contains("flag") && e.1 < 200)
        .min_by_key(|e| e.1)
        .cloned()
        .expect("an entry with enough months");
    let ask_for = months + 1;
    go_to(&c, "screen-settings").await;
    until(
        &c,
        "quy định của nhiệm kỳ",
        "document.querySelector('#rules-params [name=min_months_left_first]')",
    )
    .await;
    let label = js(
        &c,
        "nhãn tham số",
        "return document.querySelector('#rules-params [name=min_months_left_first]').closest('label').textContent;",
    )
    .await;
    let core_label = lists
        .rule_params
        .iter()
        .find(|p| p.code == "min_months_left_first")
        .unwrap()
        .label;
    assert!(label.as_str().unwrap().contains(core_label), "{label}");
    fill(
        &c,
        "#rules-params [name=min_months_left_first]",
        &ask_for.to_string(),
    )
    .await;
    fill(
        &c,
        "#rules-params [name=min_months_left_renominated]",
        &ask_for.to_string(),
    )
    .await;
    click(&c, "#form-rules button[type=submit]").await;
    until(
        &c,
        "đã lưu quy định",
        "document.getElementById('notice').textContent.includes('Đã lưu quy định mới')",
    )
    .await;

    go_to(&c, "screen-plan").await;
    let need = ask_for * terms;
    until(
        &c,
        "bảng đánh dấu theo quy định mới",
        &format!("(document.querySelector(\"#board tr[data-entry='{entry}']\") || {{children: []}}).children[2]?.classList.contains('flag')"),
    )
    .await;
    let after = board_entries(&c).await;
    let e = after.iter().find(|e| e.0 == entry).unwrap();
    assert!(e.2.contains("vi_pham"), "{e:?}");
    assert!(e.3.contains(&format!("dưới {need} tháng")), "{e:?}");
    screenshot(&c, "22-bang-theo-quy-dinh-moi.png").await;

    // Issue 21 §2: the retirement ages are a form (a group per sex, a labelled cell per part,
    // ages as the clerk writes them); a typo is named under it, a good age is saved as a second
    // version of the day ("lần 2") and shown back as written.
    go_to(&c, "screen-settings").await;
    let cap = "#rules-params fieldset[data-row=men] input[data-column=cap_months]";
    until(
        &c,
        "bảng tuổi nghỉ hưu",
        &format!("!!document.querySelector({})", json!(cap)),
    )
    .await;
    assert_eq!(
        js(
            &c,
            "tuổi tối đa của nam",
            &format!("return document.querySelector({}).value;", json!(cap))
        )
        .await,
        json!("62 tuổi")
    );
    assert_eq!(
        js(
            &c,
            "không cuộn ngang",
            "const b = document.getElementById('rules-params'); return b.scrollWidth <= b.clientWidth + 1;"
        )
        .await,
        json!(true),
        "the rules box scrolls sideways"
    );
    assert_eq!(
        js(
            &c,
            "không còn ô JSON",
            "return document.querySelectorAll('#rules-params textarea[data-kind=json]').length;"
        )
        .await,
        json!(0)
    );
    js(
        &c,
        "cuộn tới tuổi nghỉ hưu",
        &format!(
            "document.querySelector({}).scrollIntoView({{block: 'center'}}); return true;",
            json!(cap)
        ),
    )
    .await;
    fill(&c, cap, "6l tuổi").await;
    click(&c, "#form-rules button[type=submit]").await;
    until(
        &c,
        "lỗi dưới bảng tuổi nghỉ hưu",
        "[...document.querySelectorAll('#form-rules .field-error')].some((n) => n.textContent.includes('Nam, Tuổi tối đa: “6l tuổi” không đọc được'))",
    )
    .await;
    fill(&c, cap, "62 tuổi 6 tháng").await;
    click(&c, "#form-rules button[type=submit]").await;
    until(
        &c,
        "đã lưu quy định lần 2",
        "document.getElementById('notice').textContent.includes('lần 2)')",
    )
    .await;
    until(
        &c,
        "tuổi tối đa vẽ lại",
        &format!(
            "document.querySelector({})?.value === '62 tuổi 6 tháng'",
            json!(cap)
        ),
    )
    .await;
    screenshot(&c, "23-tuoi-nghi-huu.png").await;

    wd("đóng phiên", c.close()).await;
}
