//! The desktop shell: a Tauri 2 window over `ui/`. Every command is one call into the core
//! (`quyhoach::session::Session`); nothing here holds logic of its own.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use std::sync::Mutex;

use quyhoach::session::Session;

fn main() {
    let session = Session::new(&quyhoach::paths::data_dir());
    tauri::Builder::default()
        .manage(Mutex::new(session))
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
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Không khởi động được ứng dụng: {e}");
            std::process::exit(1);
        });
}
