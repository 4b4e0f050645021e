//! What is checked before the window is built: the WebView2 runtime on Windows (without it Tauri
//! panics in English), and a clear Vietnamese message, shown and logged, when the program cannot
//! start.

use std::path::Path;

/// On Windows, the WebView2 runtime must be installed; elsewhere the system's WebKit is a
/// dependency of the package.
pub fn check_webview() -> Result<(), String> {
    if !cfg!(windows) {
        return Ok(());
    }
    match tauri::webview_version() {
        Ok(_) => Ok(()),
        Err(_) => Err(
            "Máy tính này chưa có Microsoft Edge WebView2 Runtime, thành phần Windows mà chương trình \
             Quy hoạch cán bộ cần để hiển thị cửa sổ.\n\n\
             Cách khắc phục: nhờ bộ phận CNTT cài “Microsoft Edge WebView2 Runtime” (bản cài đặt \
             ngoại tuyến MicrosoftEdgeWebView2RuntimeInstallerX64.exe), hoặc đặt tệp đó cạnh tệp \
             cài đặt QuyHoachCanBo-…-setup.exe rồi cài lại. Dữ liệu của đơn vị không bị ảnh hưởng."
                .to_string(),
        ),
    }
}

/// Shows the message (a message box on Windows unless QUYHOACH_NO_DIALOG is set, for tests),
/// writes it to stderr and to `khoi-dong.log` in the data folder, and exits with code 3.
pub fn fail(data_dir: &Path, message: &str) -> ! {
    eprintln!("{message}");
    let _ = std::fs::create_dir_all(data_dir);
    let _ = std::fs::write(data_dir.join("khoi-dong.log"), message);
    if std::env::var_os("QUYHOACH_NO_DIALOG").is_none() {
        message_box(message);
    }
    std::process::exit(3);
}

#[cfg(windows)]
fn message_box(message: &str) {
    use windows_sys::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONERROR, MB_OK};
    let wide = |s: &str| {
        s.encode_utf16()
            .chain(std::iter::once(0))
            .collect::<Vec<u16>>()
    };
    let text = wide(message);
    let title = wide("Quy hoạch cán bộ — không khởi động được");
    // SAFETY: both buffers are NUL-terminated UTF-16 and outlive the call; no owner window.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            title.as_ptr(),
            MB_OK | MB_ICONERROR,
        );
    }
}

#[cfg(not(windows))]
fn message_box(_message: &str) {}
