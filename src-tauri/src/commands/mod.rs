//! Tauri commands, by domain: each is one call into the core session (`quyhoach::session`,
//! whose methods are one call into `quyhoach::app`). The list of commands is written once, in
//! `commands!` below: it makes the invoke handler `main.rs` registers, and
//! `tests/core/ui_commands.rs` reads it to check that every name the window calls is there.

use std::sync::Mutex;

use quyhoach::session::Session;
use quyhoach::{CoreError, Result};
use tauri::State;

mod dialogs;
mod documents;
mod exchange;
mod forecast;
mod people;
mod plan;
mod programmes;
mod province;
mod rotation;
mod rules;
mod safety;
mod suggest;
mod ward;

type Shared<'a> = State<'a, Mutex<Session>>;

/// Runs `f` on the session. A poisoned lock (an earlier panic) still yields the session:
/// its state is a closed or open store, never half-written, since writes are transactions.
fn with<T>(state: &Shared, f: impl FnOnce(&mut Session) -> Result<T>) -> Result<T, CoreError> {
    let mut guard = state.lock().unwrap_or_else(|p| p.into_inner());
    f(&mut guard)
}

/// The one list of commands (`module::command`, the command's name is what the window calls):
/// expands to `handler()`, the invoke handler of all of them.
macro_rules! commands {
    ($($module:ident :: $name:ident),* $(,)?) => {
        /// The invoke handler of every command of the window.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($module::$name),*]
        }
    };
}

commands! {
    ward::status,
    ward::code_lists,
    ward::create_database,
    ward::unlock,
    ward::open_demo,
    ward::lock,
    ward::output_dir,
    ward::open_in_viewer,
    people::search_people,
    people::find_people,
    people::person,
    people::save_person,
    people::person_history,
    plan::terms,
    plan::add_term,
    plan::default_reference,
    plan::set_entry_terms,
    plan::plan_board,
    plan::plan_candidates,
    plan::plan_person,
    plan::add_plan_step,
    plan::review_round,
    forecast::forecast,
    forecast::forecast_cell,
    forecast::export_forecast,
    suggest::plan_suggest,
    suggest::plan_suggest_defaults,
    suggest::plan_suggest_accept,
    rules::rules_for_term,
    rules::rules_form,
    rules::save_rule_params,
    rules::targets,
    rules::add_target,
    rules::remove_target,
    rules::positions,
    rules::save_position,
    documents::doc_settings,
    documents::save_doc_settings,
    documents::doc_text,
    documents::preview_document,
    documents::document_violations,
    documents::save_document,
    documents::doc_register,
    documents::cancel_doc_number,
    exchange::export_excel,
    exchange::preview_import,
    exchange::confirm_import,
    exchange::confirm_import_valid,
    exchange::save_rejected,
    safety::backup,
    safety::restore,
    safety::change_passphrase,
    safety::set_auto_backup_keep,
    safety::move_data_dir,
    safety::set_unit,
    programmes::programmes,
    programmes::programme,
    programmes::create_programme,
    programmes::update_programme,
    programmes::delete_programme,
    programmes::programme_candidates,
    programmes::propose_participant,
    programmes::approve_programme,
    programmes::add_programme_record,
    programmes::set_programme_outcome,
    programmes::export_programme,
    programmes::young_list,
    programmes::export_young,
    programmes::criteria_sets,
    programmes::save_criteria_set,
    programmes::propose_list,
    rotation::rotation_params,
    rotation::save_rotation_params,
    rotation::rotation_lists,
    rotation::export_rotation,
    rotation::record_movement,
    dialogs::pick_save_path,
    dialogs::pick_open_path,
    dialogs::pick_folder,
    province::create_province,
    province::exchange_state,
    province::exchange_save_key,
    province::exchange_province_key,
    province::exchange_export,
    province::province_own_key,
    province::province_save_key,
    province::province_register,
    province::province_package_files,
    province::province_import,
    province::province_status,
    province::province_list,
    province::province_ward,
    province::province_recheck,
    province::province_report,
}
