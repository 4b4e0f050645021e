//! The desktop shell: a Tauri 2 window over `ui/`. Every command is one call into the core
//! (`quyhoach::session::Session`); nothing here holds logic of its own.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod startup;
mod window_state;

use std::sync::Mutex;

use quyhoach::session::Session;

use tauri::{Emitter, Manager, WindowEvent};
use window_state::WindowSize;

fn main() {
    let data_dir = quyhoach::paths::data_dir();
    // Before any window: the WebView2 runtime (Windows), then one program per data folder.
    if let Err(message) = startup::check_webview() {
        startup::fail(&data_dir, &message);
    }
    let mut instance = match quyhoach::instance::start(&data_dir) {
        Ok(quyhoach::instance::Start::First(i)) => i,
        Ok(quyhoach::instance::Start::AlreadyRunning { told }) => {
            eprintln!(
                "Chương trình đang mở với thư mục dữ liệu {}{}.",
                data_dir.display(),
                if told {
                    ": đã đưa cửa sổ đó lên trước"
                } else {
                    ""
                }
            );
            return;
        }
        Err(e) => startup::fail(
            &data_dir,
            &format!(
                "Không dùng được thư mục dữ liệu {}: {e}. Hãy kiểm tra quyền ghi vào thư mục này.",
                data_dir.display()
            ),
        ),
    };
    let session = Session::new(&data_dir);
    let remembered = window_state::load(&data_dir);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Mutex::new(session))
        .setup(move |app| {
            // A second start of the program brings this window forward instead of opening the
            // same database twice.
            let handle = app.handle().clone();
            instance.on_second_start(move || {
                if let Some(w) = handle.get_webview_window("main") {
                    let _ = w.unminimize();
                    let _ = w.show();
                    let _ = w.set_focus();
                    let _ = w.emit("second-start", ());
                }
            });
            // Held for the life of the program.
            app.manage(instance);
            // The window opens at the size it had when last closed.
            if let (Some(size), Some(w)) = (remembered, app.get_webview_window("main")) {
                let _ = w.set_size(tauri::LogicalSize::new(size.width, size.height));
                if size.maximized {
                    let _ = w.maximize();
                }
            }
            Ok(())
        })
        .on_window_event(move |window, event| {
            if let WindowEvent::CloseRequested { .. } = event {
                let scale = window.scale_factor().unwrap_or(1.0);
                if let Ok(size) = window.inner_size() {
                    let logical = size.to_logical::<f64>(scale);
                    let _ = window_state::save(
                        &data_dir,
                        &WindowSize {
                            width: logical.width,
                            height: logical.height,
                            maximized: window.is_maximized().unwrap_or(false),
                        },
                    );
                }
            }
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Không khởi động được ứng dụng: {e}");
            std::process::exit(1);
        });
}
