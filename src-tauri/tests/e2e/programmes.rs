//! End-to-end, issue 16: a source programme in the real window — created with its posts and
//! criteria, one proposed person refused with the criterion named, the list approved, a
//! training and an evaluation recorded, one participant appointed (the post shows in their
//! record) and one withdrawn, the report saved as a PDF and parsed back.

use super::*;

async fn save_cadre(c: &Client, name: &str, birth: &str, cccd: &str, count: usize) {
    add_cadre(
        c,
        name,
        "nu",
        birth,
        cccd,
        "Công chức Văn phòng",
        &["2024", "2025"],
    )
    .await;
    click(c, "#form-person button[type=submit]").await;
    visible(c, "screen-people").await;
    until(
        c,
        "hồ sơ đã lưu",
        &format!("document.querySelectorAll('#people tr').length === {count}"),
    )
    .await;
}

/// The members table as [name, stage, training, evaluation, outcome] per row.
async fn members(c: &Client) -> Vec<Vec<String>> {
    let code = "return [...document.querySelectorAll('#prog-members tr')].map(r => [...r.children].slice(1).map(td => td.textContent));";
    serde_json::from_value(js(c, "đọc người tham gia", code).await).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_source_programme_from_criteria_to_its_report() {
    let data = tempfile::Builder::new()
        .prefix("dữ liệu đề án ")
        .tempdir()
        .unwrap();
    let out_dir = data.path().join("Văn bản xuất");
    let driver = Driver::start_with(data.path(), &[("QUYHOACH_OUTPUT_DIR", &out_dir)]);
    let c = driver.session().await;
    create_ward(&c, "Phổ Hòa mật khẩu 2").await;
    save_cadre(&c, "Trần Thị Hai Chín", "02/06/1990", "051190000101", 1).await;
    save_cadre(&c, "Ngô Thị Bình", "12/12/1992", "051192000102", 2).await;
    save_cadre(&c, "Hồ Thị Lớn Tuổi", "12/12/1970", "051170000103", 3).await;

    // A programme for Bí thư and Chủ tịch UBND, with its criteria as data.
    go_to(&c, "screen-programmes").await;
    until(
        &c,
        "biểu mẫu đề án",
        "!document.getElementById('form-programme').hidden",
    )
    .await;
    let f = "#form-programme";
    fill(
        &c,
        &format!("{f} [name=name]"),
        "Đề án tạo nguồn cán bộ cho chức danh Bí thư Đảng ủy, Chủ tịch UBND phường",
    )
    .await;
    fill(
        &c,
        &format!("{f} [name=deciding_body]"),
        "Ban Thường vụ Thành ủy Đà Nẵng",
    )
    .await;
    fill(&c, &format!("{f} [name=decision_no]"), "10215-QĐ/TU").await;
    fill(&c, &format!("{f} [name=decision_date]"), "26/03/2024").await;
    fill(&c, &format!("{f} [name=start_year]"), "2025").await;
    fill(&c, &format!("{f} [name=end_year]"), "2030").await;
    click(&c, &format!("{f} [name=posts][value=BT]")).await;
    click(&c, &format!("{f} [name=posts][value=CT-UBND]")).await;
    fill(&c, &format!("{f} [name=c_age_under]"), "40").await;
    fill(&c, &format!("{f} [name=c_age_at]"), "01/05/2026").await;
    set(&c, &format!("{f} [name=c_professional]"), "dai_hoc").await;
    set(&c, &format!("{f} [name=c_political_theory]"), "trung_cap").await;
    fill(&c, &format!("{f} [name=c_rating_years]"), "2").await;
    set(&c, &format!("{f} [name=c_rating_min]"), "HTT").await;
    click(&c, &format!("{f} button[type=submit]")).await;
    until(
        &c,
        "đề án đã tạo",
        "!document.getElementById('prog-detail').hidden",
    )
    .await;
    let head = text(&c, "#prog-head").await;
    assert!(
        head.contains(
            "Quyết định số 10215-QĐ/TU ngày 26/03/2024 của Ban Thường vụ Thành ủy Đà Nẵng"
        ),
        "{head}"
    );
    assert!(head.contains("Bí thư Đảng ủy, Chủ tịch UBND"), "{head}");
    // A typo in the decision is corrected in place: the form opens with the programme's details
    // (criteria included) and saving keeps the same programme.
    click(&c, "#btn-prog-edit").await;
    until(
        &c,
        "biểu mẫu sửa đề án",
        "!document.getElementById('form-programme').hidden && document.querySelector('#form-programme [name=c_age_under]').value === '40'",
    )
    .await;
    fill(&c, &format!("{f} [name=decision_no]"), "10216-QĐ/TU").await;
    click(&c, &format!("{f} button[type=submit]")).await;
    until(
        &c,
        "thông tin đã sửa",
        "document.getElementById('prog-head').textContent.includes('Quyết định số 10216-QĐ/TU')",
    )
    .await;
    assert_eq!(
        js(
            &c,
            "một đề án",
            "return document.querySelectorAll('#prog-select option').length;"
        )
        .await,
        json!(1)
    );

    // Proposals: each criterion shown met or not; the one over 40 is refused, naming it.
    fill(&c, "#prog-cand-date", "01/05/2026").await;
    click(&c, "#btn-prog-candidates").await;
    until(
        &c,
        "người có thể đề xuất",
        "document.querySelectorAll('#prog-candidates tr').length === 3",
    )
    .await;
    let old = "#prog-candidates tr:last-child";
    assert!(text(&c, old)
        .await
        .contains("✗ Tuổi dưới 40 (tại 01/05/2026): 55 tuổi"));
    screenshot(&c, "20-de-an-tieu-chi.png").await;
    click(&c, &format!("{old} button.propose")).await;
    let err = error_text(&c).await;
    assert!(
        err.contains("Hồ Thị Lớn Tuổi chưa đủ tiêu chuẩn tham gia đề án — Tuổi dưới 40 (tại 01/05/2026): 55 tuổi"),
        "{err}"
    );
    assert!(!err.contains("--"), "no CLI flag in the window: {err}");
    click(&c, "#prog-candidates tr:first-child button.propose").await;
    until(
        &c,
        "đề xuất thứ nhất",
        "document.querySelectorAll('#prog-members tr[data-id]').length === 1",
    )
    .await;
    // The list is drawn again without the person proposed: click in the new one.
    until(
        &c,
        "danh sách vẽ lại",
        "document.querySelectorAll('#prog-candidates tr').length === 2",
    )
    .await;
    click(&c, "#prog-candidates tr:first-child button.propose").await;
    until(
        &c,
        "đề xuất thứ hai",
        "document.querySelectorAll('#prog-members tr[data-id]').length === 2",
    )
    .await;
    assert!(members(&c).await.iter().all(|m| m[1] == "Đề xuất"));

    // The list approved by decision.
    fill(&c, "#form-prog-approve [name=decision_no]", "215-QĐ/TU").await;
    fill(&c, "#form-prog-approve [name=date]", "15/06/2026").await;
    click(&c, "#form-prog-approve button[type=submit]").await;
    until(
        &c,
        "danh sách đã phê duyệt",
        "document.getElementById('prog-head').textContent.includes('215-QĐ/TU')",
    )
    .await;
    assert!(members(&c)
        .await
        .iter()
        .all(|m| m[1] == "Đã phê duyệt danh sách"));

    // A training and an evaluation of the first participant (list order: Ngô Thị Bình, Trần Thị Hai Chín).
    let person_of = |name: &str| {
        format!("[...document.querySelectorAll('#form-prog-record [name=person] option')].find(o => o.textContent === '{name}').value")
    };
    let hai = js(
        &c,
        "mã người",
        &format!("return {};", person_of("Trần Thị Hai Chín")),
    )
    .await;
    let hai = hai.as_str().unwrap().to_string();
    let r = "#form-prog-record";
    set(&c, &format!("{r} [name=person]"), &hai).await;
    set(&c, &format!("{r} [name=kind]"), "dao_tao").await;
    fill(&c, &format!("{r} [name=date]"), "01/07/2026").await;
    fill(&c, &format!("{r} [name=to]"), "30/09/2026").await;
    fill(
        &c,
        &format!("{r} [name=content]"),
        "Bồi dưỡng kỹ năng lãnh đạo, quản lý cấp xã",
    )
    .await;
    fill(
        &c,
        &format!("{r} [name=institution]"),
        "Trường Chính trị thành phố",
    )
    .await;
    fill(&c, &format!("{r} [name=result]"), "Hoàn thành").await;
    click(&c, &format!("{r} button[type=submit]")).await;
    until(&c, "đào tạo đã ghi", "document.getElementById('prog-members').textContent.includes('Trường Chính trị thành phố')").await;
    set(&c, &format!("{r} [name=person]"), &hai).await;
    set(&c, &format!("{r} [name=kind]"), "danh_gia").await;
    fill(&c, &format!("{r} [name=date]"), "2026").await;
    fill(&c, &format!("{r} [name=content]"), "Có triển vọng").await;
    set(&c, &format!("{r} [name=rating]"), "HTT").await;
    click(&c, &format!("{r} button[type=submit]")).await;
    until(&c, "đánh giá đã ghi", "document.getElementById('prog-members').textContent.includes('Năm 2026: Hoàn thành tốt nhiệm vụ')").await;

    // Outcomes: appointed, and withdrawn.
    let o = "#form-prog-outcome";
    set(&c, &format!("{o} [name=person]"), &hai).await;
    set(&c, &format!("{o} [name=kind]"), "bo_nhiem").await;
    set(&c, &format!("{o} [name=post]"), "CT-UBND").await;
    // Refused (no date): said beside "Ghi kết quả", the last success notice gone (issue 21 §2).
    js(
        &c,
        "xóa ngày",
        "document.querySelector('#form-prog-outcome [name=date]').value = ''; return true;",
    )
    .await;
    click(&c, &format!("{o} button[type=submit]")).await;
    until(
        &c,
        "lời từ chối bên nút Ghi kết quả",
        "(document.querySelector('#form-prog-outcome .action-error') || {}).textContent",
    )
    .await;
    assert_eq!(
        js(
            &c,
            "dải trên cùng và thông báo",
            "return [document.getElementById('error').hidden, document.getElementById('notice').hidden];"
        )
        .await,
        json!([true, true])
    );
    fill(&c, &format!("{o} [name=date]"), "01/10/2026").await;
    fill(&c, &format!("{o} [name=decision_no]"), "301-QĐ/TU").await;
    click(&c, &format!("{o} button[type=submit]")).await;
    until(&c, "đã bổ nhiệm", "document.getElementById('prog-members').textContent.includes('Bổ nhiệm Chủ tịch UBND từ 01/10/2026')").await;
    let binh = js(
        &c,
        "mã người",
        &format!("return {};", person_of("Ngô Thị Bình")),
    )
    .await;
    set(&c, &format!("{o} [name=person]"), binh.as_str().unwrap()).await;
    set(&c, &format!("{o} [name=kind]"), "ra_khoi").await;
    fill(&c, &format!("{o} [name=date]"), "01/10/2026").await;
    fill(&c, &format!("{o} [name=decision_no]"), "302-QĐ/TU").await;
    fill(&c, &format!("{o} [name=reason]"), "Chuyển công tác").await;
    click(&c, &format!("{o} button[type=submit]")).await;
    until(&c, "đã ra khỏi", "document.getElementById('prog-members').textContent.includes('Ra khỏi đề án từ 01/10/2026: Chuyển công tác')").await;
    let m = members(&c).await;
    assert_eq!(m[0][1], "Ra khỏi đề án");
    assert_eq!(m[1][1], "Đã bổ nhiệm, bầu cử");
    screenshot(&c, "21-de-an-ket-qua.png").await;

    // The report, saved and parsed back.
    fill(&c, "#form-prog-report [name=signer_name]", "Nguyễn Văn Nho").await;
    click(&c, "#form-prog-report button[type=submit]").await;
    until(
        &c,
        "báo cáo đã lưu",
        "document.getElementById('prog-pdf-path')",
    )
    .await;
    let pdf = text(&c, "#prog-pdf-path").await;
    assert!(pdf.starts_with(out_dir.to_str().unwrap()), "{pdf}");
    let body = pdf_words(&pdf, true);
    for want in [
        "kết quả thực hiện Đề án tạo nguồn cán bộ cho chức danh Bí thư Đảng ủy, Chủ tịch UBND phường",
        "Trần Thị Hai Chín",
        "Ngô Thị Bình",
        "Bổ nhiệm Chủ tịch UBND từ 01/10/2026 (Quyết định số 301-QĐ/TU)",
        "Ra khỏi đề án từ 01/10/2026: Chuyển công tác (Quyết định số 302-QĐ/TU)",
        "Trường Chính trị thành phố",
    ] {
        assert!(body.contains(want), "thiếu “{want}” trong báo cáo: {body}");
    }

    // The young-cadre list: under 40 on the day; the one over 40 is short of that only.
    click(&c, "#tab-young").await;
    visible(&c, "pane-young").await;
    fill(&c, "#form-young [name=y_age_under]", "40").await;
    fill(&c, "#form-young [name=date]", "01/05/2026").await;
    click(&c, "#form-young button[type=submit]").await;
    until(
        &c,
        "danh sách cán bộ trẻ",
        "document.getElementById('young-meeting-title').textContent === 'Đạt các tiêu chí: 2 người'",
    )
    .await;
    let short = text(&c, "#young-short").await;
    assert!(
        short.contains("Hồ Thị Lớn Tuổi")
            && short.contains("Tuổi dưới 40 (tại 01/05/2026): 55 tuổi"),
        "{short}"
    );
    screenshot(&c, "22-can-bo-tre.png").await;
    // The rotation lists, with the rule they apply.
    click(&c, "#tab-rotation").await;
    visible(&c, "pane-rotation").await;
    fill(&c, "#form-rotation [name=date]", "01/11/2026").await;
    click(&c, "#form-rotation button[type=submit]").await;
    until(
        &c,
        "danh sách luân chuyển",
        "document.getElementById('rot-long-title').textContent === 'Giữ một vị trí lãnh đạo từ 8 năm trở lên: 0 người'",
    )
    .await;
    // The years are the ward's data, edited here: the list follows at once.
    until(
        &c,
        "căn cứ luân chuyển",
        "document.querySelector('#form-rotation-params [name=years]').value === '8'",
    )
    .await;
    fill(&c, "#form-rotation-params [name=years]", "5").await;
    click(&c, "#form-rotation-params button[type=submit]").await;
    until(
        &c,
        "danh sách theo căn cứ mới",
        "document.getElementById('rot-long-title').textContent.startsWith('Giữ một vị trí lãnh đạo từ 5 năm trở lên')",
    )
    .await;

    // The appointed participant's record shows the post.
    go_to(&c, "screen-people").await;
    until(
        &c,
        "chức vụ mới trong danh sách",
        "[...document.querySelectorAll('#people tr')].some(r => r.children[1].textContent === 'Trần Thị Hai Chín' && r.children[4].textContent.includes('Chủ tịch UBND'))",
    )
    .await;
}
