//! End-to-end, issue 25: "Gửi cấp trên" in the real window. A province's folder is created as
//! "Đơn vị cấp tỉnh" and saves its key; the demo ward imports it, saves its own key and writes
//! the package to a "USB" folder (a typo in the ward code refused under the field first); the
//! province registers the ward's key (a wrong fingerprint refused under the field first),
//! imports the folder with progress and shows the dashboard the core computes.

use quyhoach::app::province;
use quyhoach::Store;

use super::*;

const PASS: &str = "Mật khẩu tỉnh 2027";

async fn field_error(c: &Client, form: &str, name: &str) -> String {
    let css = format!("#{form} [name={name}] + .field-error");
    until(
        c,
        &format!("lỗi dưới ô {name}"),
        &format!("document.querySelector({})", json!(css)),
    )
    .await;
    text(c, &css).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ward_sends_its_package_and_the_province_registers_imports_and_shows_it() {
    let tmp = tempfile::Builder::new()
        .prefix("gửi cấp trên e2e ")
        .tempdir()
        .unwrap();
    let prov_dir = tmp.path().join("Tỉnh ủy");
    let ward_dir = tmp.path().join("Phường Hòa An");
    let usb = tmp.path().join("USB văn phòng");
    for d in [&prov_dir, &ward_dir, &usb] {
        std::fs::create_dir_all(d).unwrap();
    }
    let prov_key = usb.join("khóa tỉnh.txt");
    let ward_key = usb.join("khóa phường.pub");

    // 1. The province's first start: "Đơn vị cấp tỉnh", its key saved for the wards.
    {
        let driver = Driver::start(&prov_dir);
        let c = driver.session().await;
        visible(&c, "screen-first-run").await;
        click(&c, "#form-create input[name=unit_kind][value=province]").await;
        fill(
            &c,
            "#form-create [name=name]",
            "Ban Tổ chức Tỉnh ủy Quảng Ngãi",
        )
        .await;
        fill(
            &c,
            "#form-create [name=superior_body]",
            "Đảng bộ tỉnh Quảng Ngãi",
        )
        .await;
        fill(&c, "#form-create [name=place_name]", "Quảng Ngãi").await;
        fill(&c, "#form-create [name=issuer_code]", "BTCTU").await;
        fill(&c, "#form-create [name=passphrase]", PASS).await;
        fill(&c, "#form-create [name=passphrase_again]", PASS).await;
        click(&c, "#form-create button[type=submit]").await;
        visible(&c, "screen-province").await;
        let key = until(
            &c,
            "dấu vân tay của tỉnh",
            "document.getElementById('prov-key').textContent.includes('dấu vân tay') && document.getElementById('prov-key').textContent",
        )
        .await;
        // The ward's screens are not offered on a province's file.
        let ward_nav = js(
            &c,
            "thanh chọn",
            "return document.querySelector('#nav [data-screen=screen-people]').hidden;",
        )
        .await;
        assert_eq!(ward_nav, json!(true));
        fill(&c, "#form-prov-key [name=out]", prov_key.to_str().unwrap()).await;
        click(&c, "#form-prov-key button[type=submit]").await;
        until(
            &c,
            "tệp khóa của tỉnh",
            "!document.getElementById('notice').hidden",
        )
        .await;
        assert!(prov_key.is_file());
        let fp = std::fs::read_to_string(&prov_key).unwrap();
        let shown = key.as_str().unwrap();
        let printed = fp.lines().find(|l| l.contains("Dấu vân tay")).unwrap();
        assert!(
            shown.ends_with(printed.rsplit(": ").next().unwrap()),
            "{shown} / {printed}"
        );
        screenshot(&c, "25-tinh-lan-dau.png").await;
        wd("đóng phiên", c.close()).await;
    }

    // 2. The ward: the province's key in, its own key out, the package to the USB folder.
    let fingerprint;
    {
        let driver = Driver::start(&ward_dir);
        let c = driver.session().await;
        open_demo(&c).await;
        go_to(&c, "screen-docs").await;
        until(
            &c,
            "thẻ gửi cấp trên",
            "document.getElementById('send-state').textContent",
        )
        .await;
        fill(&c, "#form-send [name=key_file]", prov_key.to_str().unwrap()).await;
        click(&c, "#btn-send-province-key").await;
        until(
            &c,
            "khóa của tỉnh đã nhập",
            "document.getElementById('send-state').textContent.includes('Khóa của Ban Tổ chức Tỉnh ủy Quảng Ngãi')",
        )
        .await;
        // A typo in the ward code: refused under the field, nothing written.
        fill(&c, "#form-send [name=ward_code]", "25301 Hòa An").await;
        set(&c, "#form-send [name=term]", "2030-2035").await;
        fill(&c, "#form-send [name=out_dir]", usb.to_str().unwrap()).await;
        click(&c, "#btn-send").await;
        let e = field_error(&c, "form-send", "ward_code").await;
        assert!(e.starts_with("Mã đơn vị"), "{e}");
        assert_eq!(
            std::fs::read_dir(&usb).unwrap().count(),
            1,
            "nothing written"
        );
        fill(&c, "#form-send [name=ward_code]", "25301").await;
        fill(&c, "#form-send [name=key_out]", ward_key.to_str().unwrap()).await;
        click(&c, "#btn-send-key").await;
        let notice = until(
            &c,
            "tệp khóa của phường",
            "document.getElementById('notice').textContent.includes('Dấu vân tay') && document.getElementById('notice').textContent",
        )
        .await;
        fingerprint = notice
            .as_str()
            .unwrap()
            .split("Dấu vân tay ")
            .nth(1)
            .unwrap()
            .split(" —")
            .next()
            .unwrap()
            .to_string();
        // Enter twice in the folder field: one package.
        let out = wd(
            "tìm ô thư mục",
            c.find(Locator::Css("#form-send [name=out_dir]")),
        )
        .await;
        wd("Enter hai lần", out.send_keys("\u{E007}\u{E007}")).await;
        let path = until(
            &c,
            "gói đã xuất",
            "document.getElementById('send-path') && document.getElementById('send-path').textContent",
        )
        .await;
        let path = PathBuf::from(path.as_str().unwrap());
        assert!(path.is_file(), "{}", path.display());
        let packages = std::fs::read_dir(&usb)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "qhcb")
            })
            .count();
        assert_eq!(packages, 1);
        let result = text(&c, "#send-result").await;
        assert!(result.contains("không gửi gì qua mạng"), "{result}");
        assert!(result.contains("Mật"), "{result}");
        screenshot(&c, "25-phuong-gui-cap-tren.png").await;
        wd("đóng phiên", c.close()).await;
    }

    // 3. The province again: the ward's key registered, the folder imported, the dashboard.
    {
        let driver = Driver::start(&prov_dir);
        let c = driver.session().await;
        wd("đặt cỡ cửa sổ", c.set_window_size(1280, 720)).await;
        visible(&c, "screen-unlock").await;
        fill(&c, "#form-unlock [name=passphrase]", PASS).await;
        click(&c, "#form-unlock button[type=submit]").await;
        visible(&c, "screen-province").await;
        fill(
            &c,
            "#form-prov-register [name=key_file]",
            ward_key.to_str().unwrap(),
        )
        .await;
        fill(
            &c,
            "#form-prov-register [name=fingerprint]",
            "0000 1111 2222 3333",
        )
        .await;
        click(&c, "#form-prov-register button[type=submit]").await;
        let e = field_error(&c, "form-prov-register", "fingerprint").await;
        assert!(e.contains("không khớp"), "{e}");
        fill(
            &c,
            "#form-prov-register [name=fingerprint]",
            &fingerprint.to_lowercase(),
        )
        .await;
        click(&c, "#form-prov-register button[type=submit]").await;
        until(
            &c,
            "phường đã đăng ký",
            "document.querySelector('#prov-wards tr[data-ward=\"25301\"]')",
        )
        .await;
        fill(&c, "#form-prov-import [name=path]", usb.to_str().unwrap()).await;
        click(&c, "#form-prov-import button[type=submit]").await;
        until(
            &c,
            "gói đã nhận",
            "document.querySelector('#prov-wards tr[data-ward=\"25301\"] .state').textContent === 'Đã nhận'",
        )
        .await;
        let log = text(&c, "#prov-import-log").await;
        assert!(log.contains("Đã nhận gói của"), "{log}");
        super::messages::no_sideways(&c, "tong-hop").await;
        screenshot(&c, "25-tinh-tong-hop.png").await;
        // The list of everyone planned for Bí thư across wards.
        set(&c, "#form-prov-list [name=position]", "BT").await;
        click(&c, "#form-prov-list button[type=submit]").await;
        let shown_rows = until(
            &c,
            "danh sách Bí thư",
            // The filtered list replaces the whole one drawn before: wait for it, not for any list.
            "(() => { const rows = [...document.querySelectorAll('#prov-list tr')].map(r => r.children[5].textContent); return rows.length > 0 && rows.every(t => t.startsWith('Bí thư')) && rows; })()",
        )
        .await;
        // The ward's package opened from its row: its own check and the province's.
        click(&c, "#prov-wards tr[data-ward=\"25301\"] td").await;
        visible(&c, "prov-ward").await;
        let opened = text(&c, "#prov-ward").await;
        screenshot(&c, "25-tinh-mot-phuong.png").await;
        let row = js(
            &c,
            "dòng của phường",
            "return [...document.querySelectorAll('#prov-wards tr[data-ward=\"25301\"] td')].map(td => td.textContent);",
        )
        .await;
        wd("đóng phiên", c.close()).await;
        drop(driver);
        // What the window painted is what the core computes on the province's file.
        let store = Store::open(&prov_dir.join(quyhoach::paths::DATA_FILE), PASS).unwrap();
        let d = province::status(&store, None).unwrap();
        let w = &d.wards[0];
        let cells: Vec<String> = serde_json::from_value(row).unwrap();
        assert_eq!(cells[1], w.name);
        assert_eq!(cells[2], w.status_label);
        assert_eq!(cells[5], w.people.to_string());
        assert_eq!(cells[6], w.violations.to_string());
        assert_eq!(cells[7], format!("{}/{}", w.targets_met, w.targets_total));
        let bt = province::list(
            &store,
            &province::CrossFilter {
                position: Some("BT".into()),
                ..Default::default()
            },
        )
        .unwrap();
        let view = province::ward_view(&store, "25301", "2030-2035").unwrap();
        for want in [
            format!("Đơn vị tự kiểm tra: {}", view.ward_findings.len()),
            format!(
                "Kiểm tra theo quy định của tỉnh: {}",
                view.province_findings.len()
            ),
        ] {
            assert!(opened.contains(&want), "{want} not in {opened}");
        }
        assert!(
            opened.contains(&view.province_findings[0].message),
            "{opened}"
        );
        let names: Vec<String> = serde_json::from_value(shown_rows).unwrap();
        assert_eq!(names.len(), bt.len());
        assert!(!bt.is_empty());
    }
}
