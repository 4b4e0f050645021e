//! End-to-end, issue 24: the plan assistant in the window on the demo ward. The clerk asks for a
//! proposal, opens a card, accepts two rows; the board and the check show them, and the core
//! has written exactly those two, as "đề xuất" steps noted "theo gợi ý".

use quyhoach::app::plan::entries;
use quyhoach::app::suggest::NOTE;
use quyhoach::Store;

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_clerk_asks_for_a_proposal_opens_a_card_and_accepts_two_rows() {
    let data = tempfile::Builder::new()
        .prefix("dữ liệu gợi ý ")
        .tempdir()
        .unwrap();
    let driver = Driver::start(data.path());
    let c = driver.session().await;
    open_demo(&c).await;
    go_to(&c, "screen-plan").await;
    set(&c, "#plan-term", "2030-2035").await;
    until(
        &c,
        "bảng chức danh",
        "!!document.querySelector('#board section.position[data-code=BCH] header button')",
    )
    .await;
    click(&c, "#btn-suggest").await;
    visible(&c, "plan-suggest").await;
    let summary = until(
        &c,
        "phương án",
        "!document.getElementById('suggest-result').hidden && document.getElementById('suggest-summary').textContent.startsWith('Thêm') && document.getElementById('suggest-summary').textContent",
    )
    .await;
    assert!(summary.as_str().unwrap().contains("giữ"), "{summary}");
    // The weights are shown with their Vietnamese labels, editable.
    let weights = text(&c, "#plan-suggest details").await;
    assert!(!weights.contains("ratings"), "{weights}");
    screenshot(&c, "24-goi-y-chi-tieu.png").await;
    // No sideways scrolling with the proposal drawn.
    let wide = js(
        &c,
        "bề ngang",
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
    )
    .await;
    assert!(wide.as_i64().unwrap() <= 0, "sideways scrolling: {wide}");
    // A card opened: the rules passed, the score's parts.
    click(
        &c,
        "#suggest-posts section[data-code=BCH] .suggest-card summary",
    )
    .await;
    let card = text(&c, "#suggest-posts section[data-code=BCH] .suggest-card").await;
    assert!(card.contains("Không vi phạm quy định nào"), "{card}");
    assert!(card.contains("Xếp loại chất lượng"), "{card}");
    screenshot(&c, "24-goi-y-phuong-an.png").await;
    // Two additions to the committee ticked and written.
    let picked: Vec<(String, i64)> = serde_json::from_value(
        js(
            &c,
            "chọn hai dòng thêm",
            "const boxes = [...document.querySelectorAll('#suggest-posts section[data-code=BCH] input[name=accept]')].filter(b => !b.dataset.drop).slice(0, 2); boxes.forEach(b => b.click()); return boxes.map(b => [b.closest('tr').children[2].firstChild.textContent, Number(b.dataset.person)]);",
        )
        .await,
    )
    .unwrap();
    assert_eq!(picked.len(), 2);
    click(&c, "#btn-suggest-accept").await;
    until(
        &c,
        "ghi hai dòng",
        "document.getElementById('plan-suggest').hidden && document.getElementById('notice').textContent.includes('Đã ghi 2 dòng')",
    )
    .await;
    // The board shows them in the committee's card.
    let bch = until(
        &c,
        "bảng có hai người mới",
        &format!(
            "(t => t.includes({:?}) && t.includes({:?}) && t)(document.querySelector('#board section.position[data-code=BCH]').textContent)",
            picked[0].0, picked[1].0
        ),
    )
    .await;
    assert!(
        bch.as_str().unwrap().contains("15/") || bch.as_str().unwrap().contains("15 người"),
        "{bch}"
    );
    // The check counts them: the committee's plan now has 15 people.
    go_to(&c, "screen-checks").await;
    until(
        &c,
        "kiểm tra thấy 15 người",
        "document.getElementById('screen-checks').textContent.includes('Ban Chấp hành Đảng bộ phường có 15 người')",
    )
    .await;
    // Exactly those two were written.
    click(&c, "#btn-lock").await;
    visible(&c, "screen-first-run").await;
    let store = Store::open(
        &data.path().join(quyhoach::paths::DEMO_FILE),
        quyhoach_demo_pass(),
    )
    .unwrap();
    let mut noted: Vec<i64> = entries(&store, "2030-2035")
        .unwrap()
        .into_iter()
        .filter(|e| e.events.iter().any(|x| x.note == NOTE))
        .map(|e| e.person_id)
        .collect();
    noted.sort_unstable();
    let mut want: Vec<i64> = picked.iter().map(|p| p.1).collect();
    want.sort_unstable();
    assert_eq!(noted, want);
}
