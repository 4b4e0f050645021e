//! The desktop shell: a Tauri 2 window over `ui/`. Every command is one call into the core
//! (`quyhoach::session::Session`); nothing here holds logic of its own.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod dialogs;

use std::sync::Mutex;

use quyhoach::session::Session;

use quyhoach::window_state::{self, WindowSize};
use tauri::{Manager, WindowEvent};

fn main() {
    let data_dir = quyhoach::paths::data_dir();
    let session = Session::new(&data_dir);
    let remembered = window_state::load(&data_dir);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Mutex::new(session))
        .setup(move |app| {
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
        .invoke_handler(tauri::generate_handler![
            commands::status,
            commands::create_database,
            commands::unlock,
            commands::open_demo,
            commands::lock,
            commands::search_people,
            commands::find_people,
            commands::output_dir,
            commands::person,
            commands::save_person,
            commands::person_history,
            commands::terms,
            commands::add_term,
            commands::plan_board,
            commands::plan_candidates,
            commands::plan_person,
            commands::add_plan_step,
            commands::doc_settings,
            commands::save_document,
            commands::export_excel,
            commands::backup,
            commands::restore,
            commands::change_passphrase,
            commands::set_auto_backup_keep,
            commands::preview_import,
            commands::confirm_import,
            commands::save_rejected,
            commands::preview_document,
            commands::open_in_viewer,
            commands::document_violations,
            commands::doc_text,
            commands::doc_register,
            commands::cancel_doc_number,
            commands::rules_for_term,
            commands::save_rule_params,
            commands::targets,
            commands::add_target,
            commands::remove_target,
            commands::positions,
            commands::save_position,
            commands::review_round,
            dialogs::pick_save_path,
            dialogs::pick_open_path,
            dialogs::pick_folder,
            commands::move_data_dir,
            commands::set_unit,
            commands::save_doc_settings,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Không khởi động được ứng dụng: {e}");
            std::process::exit(1);
        });
}
