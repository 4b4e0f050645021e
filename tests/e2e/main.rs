//! End-to-end: the real application window, driven through tauri-driver and WebKitWebDriver
//! under Xvfb. Run by `scripts/test.sh` (it builds `quyhoach-app` first and starts Xvfb).
//! Screenshots land in target/screenshots/.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// The repository root (this test belongs to the app crate in src-tauri/).
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The app binary cargo built for this test (QUYHOACH_APP_BIN overrides it).
fn app_binary() -> PathBuf {
    let p = std::env::var_os("QUYHOACH_APP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_quyhoach-app")));
    assert!(p.is_file(), "Chưa có {}", p.display());
    p
}

fn tauri_driver() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let in_cargo = home
        .map(|h| h.join("bin").join("tauri-driver"))
        .filter(|p| p.is_file());
    in_cargo.unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// tauri-driver for one test, with its own data folder; stopped with SIGTERM so that
/// WebKitWebDriver goes with it.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(data_dir: &Path) -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
            "Không có màn hình: chạy dưới `xvfb-run -a` (scripts/test.sh làm việc này)."
        );
        let (port, native) = (free_port(), free_port());
        let child = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("QUYHOACH_DATA_DIR", data_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("không chạy được tauri-driver: cài bằng `cargo install tauri-driver --locked`");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver không mở cổng {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }

    async fn session(&self) -> Client {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert(
            "tauri:options".into(),
            json!({ "application": app_binary() }),
        );
        let url = format!("http://127.0.0.1:{}", self.port);
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(caps);
        tokio::time::timeout(Duration::from_secs(120), builder.connect(&url))
            .await
            .expect("hết thời gian chờ mở cửa sổ ứng dụng qua WebDriver")
            .expect("không mở được phiên WebDriver tới ứng dụng")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        #[cfg(not(unix))]
        let _ = self.child.kill();
        let deadline = Instant::now() + Duration::from_secs(10);
        while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs one WebDriver command, failing (not hanging) if the app does not answer in 30 s.
async fn wd<T, E: std::fmt::Debug>(
    what: &str,
    f: impl std::future::Future<Output = Result<T, E>>,
) -> T {
    match tokio::time::timeout(Duration::from_secs(30), f).await {
        Ok(r) => r.unwrap_or_else(|e| panic!("WebDriver lỗi khi {what}: {e:?}")),
        Err(_) => panic!("WebDriver không trả lời sau 30 giây khi {what}"),
    }
}

/// Waits until a JS expression is truthy, returning its value.
async fn until(c: &Client, what: &str, expr: &str) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let v = wd(what, c.execute(&format!("return ({expr});"), vec![])).await;
        if !(v.is_null() || v == json!(false) || v == json!("") || v == json!(0)) {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "hết thời gian chờ: {what} ({expr})"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn visible(c: &Client, id: &str) {
    until(
        c,
        &format!("màn hình {id}"),
        &format!("!document.getElementById('{id}').hidden"),
    )
    .await;
}

async fn text(c: &Client, css: &str) -> String {
    let el = wd(&format!("tìm {css}"), c.find(Locator::Css(css))).await;
    wd(&format!("đọc chữ {css}"), el.text()).await
}

async fn fill(c: &Client, css: &str, value: &str) {
    let el = wd(&format!("tìm {css}"), c.find(Locator::Css(css))).await;
    wd(&format!("xóa {css}"), el.clear()).await;
    wd(&format!("gõ vào {css}"), el.send_keys(value)).await;
}

async fn click(c: &Client, css: &str) {
    let el = wd(&format!("tìm {css}"), c.find(Locator::Css(css))).await;
    wd(&format!("bấm {css}"), el.click()).await;
}

async fn screenshot(c: &Client, name: &str) {
    // The screenshot is the last painted frame: let two frames pass first.
    let frames = "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
    wd("chờ vẽ khung hình", c.execute_async(frames, vec![])).await;
    let png = wd(&format!("chụp {name}"), c.screenshot()).await;
    let dir = root().join("target").join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}

async fn rows(c: &Client) -> Vec<String> {
    let js =
        "return [...document.querySelectorAll('#people tr')].map(r => r.children[1].textContent);";
    serde_json::from_value(wd("đọc danh sách", c.execute(js, vec![])).await).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn first_run_create_lock_unlock_and_demo_ward() {
    let data = tempfile::Builder::new()
        .prefix("dữ liệu e2e ")
        .tempdir()
        .unwrap();
    let driver = Driver::start(data.path());
    let c = driver.session().await;

    // First run: no database yet.
    visible(&c, "screen-first-run").await;
    assert!(text(&c, "#screen-first-run")
        .await
        .contains("Chưa có cơ sở dữ liệu của đơn vị"));
    assert_eq!(text(&c, "#demo-pass").await, quyhoach_demo_pass());
    screenshot(&c, "01-lan-dau.png").await;

    // Create the ward's database; a mismatched second passphrase is caught by the core.
    fill(&c, "#form-create [name=name]", "Đảng ủy phường Phổ Hòa").await;
    fill(
        &c,
        "#form-create [name=superior_body]",
        "Đảng bộ tỉnh Quảng Ngãi",
    )
    .await;
    fill(&c, "#form-create [name=place_name]", "Phổ Hòa").await;
    fill(&c, "#form-create [name=passphrase]", "Phổ Hòa mật khẩu 1").await;
    fill(
        &c,
        "#form-create [name=passphrase_again]",
        "Phổ Hòa mật khẩu 2",
    )
    .await;
    click(&c, "#form-create button[type=submit]").await;
    until(
        &c,
        "lỗi nhập lại mật khẩu",
        "!document.getElementById('error').hidden",
    )
    .await;
    assert!(text(&c, "#error")
        .await
        .contains("Nhập lại mật khẩu: không khớp"));
    assert!(
        !data.path().join("quyhoach.db").exists(),
        "nothing is created on bad input"
    );
    fill(
        &c,
        "#form-create [name=passphrase_again]",
        "Phổ Hòa mật khẩu 1",
    )
    .await;
    click(&c, "#form-create button[type=submit]").await;
    visible(&c, "screen-people").await;
    assert_eq!(text(&c, "#ward-name").await, "Đảng ủy phường Phổ Hòa");
    assert_eq!(text(&c, "#count").await, "0 người");
    assert!(data.path().join("quyhoach.db").is_file());

    // Lock, then a wrong passphrase says so and nothing else happens.
    click(&c, "#btn-lock").await;
    visible(&c, "screen-unlock").await;
    fill(&c, "#form-unlock [name=passphrase]", "sai mật khẩu").await;
    click(&c, "#form-unlock button[type=submit]").await;
    until(
        &c,
        "lỗi sai mật khẩu",
        "!document.getElementById('error').hidden",
    )
    .await;
    assert!(text(&c, "#error").await.contains("Mật khẩu không đúng"));
    let locked_js = "return !document.getElementById('screen-unlock').hidden && document.getElementById('screen-people').hidden;";
    let still_locked = wd("đọc trạng thái khóa", c.execute(locked_js, vec![])).await;
    assert_eq!(
        still_locked,
        json!(true),
        "a wrong passphrase must leave the app locked"
    );
    screenshot(&c, "02-sai-mat-khau.png").await;
    fill(&c, "#form-unlock [name=passphrase]", "Phổ Hòa mật khẩu 1").await;
    click(&c, "#form-unlock button[type=submit]").await;
    visible(&c, "screen-people").await;
    assert_eq!(text(&c, "#ward-name").await, "Đảng ủy phường Phổ Hòa");

    // The demo ward: about 60 people in Vietnamese order, searchable without diacritics.
    click(&c, "#btn-lock").await;
    visible(&c, "screen-unlock").await;
    click(&c, "#btn-demo-2").await;
    visible(&c, "screen-people").await;
    until(
        &c,
        "danh sách phường mẫu",
        "document.querySelectorAll('#people tr').length >= 60",
    )
    .await;
    assert!(text(&c, "#ward-name")
        .await
        .starts_with("Đảng ủy phường Hòa An"));
    assert_eq!(text(&c, "#count").await, "60 người");
    screenshot(&c, "03-phuong-mau.png").await;

    fill(&c, "#search", "nguyen thi").await;
    until(
        &c,
        "kết quả tìm",
        "document.querySelectorAll('#people tr').length < 60",
    )
    .await;
    let found = rows(&c).await;
    assert!(!found.is_empty());
    for name in &found {
        assert!(name.starts_with("Nguyễn Thị"), "{name}");
    }
    screenshot(&c, "04-tim-kiem.png").await;

    wd("đóng phiên", c.close()).await;
}

fn quyhoach_demo_pass() -> &'static str {
    quyhoach::demo::DEMO_PASSPHRASE
}
