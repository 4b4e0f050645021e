//! Tauri commands: each is one line into the core session.

use std::sync::Mutex;

use std::path::PathBuf;

use quyhoach::app::board::{Board, Candidates};
use quyhoach::app::codes::CodeLists;
use quyhoach::app::exports::ExportInput;
use quyhoach::app::plan::NewTerm;
use quyhoach::app::rules::NewTarget;
use quyhoach::docs::{DocOutput, DocPreview, DocSettings, DocText, IssuedNumber};
use quyhoach::import::{ImportPreview, Progress};
use quyhoach::model::plan::{Position, Term};
use quyhoach::model::{Person, PersonSummary};
use quyhoach::rules::check::Finding;
use quyhoach::rules::ruleset::RuleSet;
use quyhoach::rules::targets::Target;
use quyhoach::session::{
    DocInput, ImportSummary, NewDatabase, PeopleFilter, PeoplePage, Session, SessionStatus,
    StepInput,
};
use quyhoach::store::backup::BackupReport;
use quyhoach::store::review::{ReviewInput, ReviewOutcome};
use quyhoach::store::AuditEntry;
use quyhoach::xlsx::ExportReport;
use quyhoach::{CoreError, Result};
use tauri::{AppHandle, Emitter, State};

type Shared<'a> = State<'a, Mutex<Session>>;

/// Runs `f` on the session. A poisoned lock (an earlier panic) still yields the session:
/// its state is a closed or open store, never half-written, since writes are transactions.
fn with<T>(state: &Shared, f: impl FnOnce(&mut Session) -> Result<T>) -> Result<T, CoreError> {
    let mut guard = state.lock().unwrap_or_else(|p| p.into_inner());
    f(&mut guard)
}

#[tauri::command]
pub fn status(state: Shared) -> Result<SessionStatus> {
    with(&state, |s| s.status())
}

#[tauri::command]
pub fn create_database(state: Shared, new: NewDatabase) -> Result<SessionStatus> {
    with(&state, |s| s.create(new))
}

#[tauri::command]
pub fn unlock(state: Shared, passphrase: String) -> Result<SessionStatus> {
    with(&state, |s| s.unlock(&passphrase))
}

#[tauri::command]
pub fn open_demo(state: Shared) -> Result<SessionStatus> {
    with(&state, |s| s.open_demo())
}

#[tauri::command]
pub fn lock(state: Shared) -> Result<SessionStatus> {
    with(&state, |s| s.lock())
}

#[tauri::command]
pub fn search_people(state: Shared, query: String) -> Result<Vec<PersonSummary>> {
    with(&state, |s| s.search_people(&query))
}

#[tauri::command]
pub fn output_dir(state: Shared) -> Result<PathBuf> {
    with(&state, |s| Ok(s.output_dir()))
}

#[tauri::command]
pub fn person(state: Shared, id: i64) -> Result<Person> {
    with(&state, |s| s.person(id))
}

#[tauri::command]
pub fn save_person(
    state: Shared,
    person: serde_json::Value,
    same_person_confirmed: Option<bool>,
) -> Result<i64> {
    with(&state, |s| {
        s.save_person_json_checked(person, same_person_confirmed.unwrap_or(false))
    })
}

#[tauri::command]
pub fn person_history(state: Shared, id: i64) -> Result<Vec<AuditEntry>> {
    with(&state, |s| s.person_history(id))
}

#[tauri::command]
pub fn terms(state: Shared) -> Result<Vec<Term>> {
    with(&state, |s| s.terms())
}

#[tauri::command]
pub fn add_term(
    state: Shared,
    kind: String,
    start_year: i32,
    end_year: i32,
    reference: String,
) -> Result<Vec<Term>> {
    with(&state, |s| {
        s.add_term(NewTerm {
            kind,
            start_year,
            end_year,
            reference,
        })
    })
}

#[tauri::command]
pub fn default_reference(state: Shared, kind: String, start_year: i32) -> Result<String> {
    with(&state, |s| s.default_reference(&kind, start_year))
}

#[tauri::command]
pub fn set_entry_terms(state: Shared, entry_id: i64, terms: u8) -> Result<()> {
    with(&state, |s| s.set_entry_terms(entry_id, terms))
}

#[tauri::command]
pub fn plan_board(state: Shared, term: String) -> Result<Board> {
    with(&state, |s| s.plan_board(&term))
}

#[tauri::command]
pub fn plan_candidates(
    state: Shared,
    term: String,
    position: String,
    terms: Option<u8>,
) -> Result<Candidates> {
    with(&state, |s| {
        s.plan_candidates(&term, &position, terms.unwrap_or(1))
    })
}

#[tauri::command]
pub fn plan_person(
    state: Shared,
    term: String,
    position: String,
    person_id: i64,
    step: StepInput,
) -> Result<i64> {
    with(&state, |s| s.plan_person(&term, &position, person_id, step))
}

#[tauri::command]
pub fn add_plan_step(state: Shared, entry_id: i64, step: StepInput) -> Result<()> {
    with(&state, |s| s.add_plan_step(entry_id, step))
}

#[tauri::command]
pub fn doc_settings(state: Shared) -> Result<DocSettings> {
    with(&state, |s| s.doc_settings())
}

#[tauri::command]
pub fn save_document(state: Shared, input: DocInput) -> Result<DocOutput> {
    with(&state, |s| s.save_document(input))
}

#[tauri::command]
pub fn export_excel(
    state: Shared,
    kind: String,
    term: Option<String>,
    out: PathBuf,
    attached_to: Option<String>,
) -> Result<ExportReport> {
    with(&state, |s| {
        s.export_excel(ExportInput {
            kind,
            term,
            out,
            attached_to,
            ..ExportInput::default()
        })
    })
}

#[tauri::command]
pub fn backup(state: Shared, dest: PathBuf, passphrase: String) -> Result<BackupReport> {
    with(&state, |s| s.backup(&dest, &passphrase))
}

#[tauri::command]
pub fn restore(
    state: Shared,
    from: PathBuf,
    passphrase: String,
    backup_passphrase: Option<String>,
) -> Result<SessionStatus> {
    with(&state, |s| {
        s.restore(&from, &passphrase, backup_passphrase.as_deref())
    })
}

#[tauri::command]
pub fn change_passphrase(state: Shared, current: String, new: String, again: String) -> Result<()> {
    with(&state, |s| s.change_passphrase(&current, &new, &again))
}

#[tauri::command]
pub fn find_people(
    state: Shared,
    query: String,
    filter: PeopleFilter,
    limit: usize,
) -> Result<PeoplePage> {
    with(&state, |s| s.find_people(&query, &filter, limit))
}

#[tauri::command]
pub fn set_auto_backup_keep(state: Shared, keep: usize) -> Result<SessionStatus> {
    with(&state, |s| s.set_auto_backup_keep(keep))
}

/// Progress of long work, sent to the window as the "tien-do" event.
fn progress(app: &AppHandle) -> impl FnMut(Progress) + '_ {
    move |p| {
        let _ = app.emit("tien-do", p);
    }
}

// Async: the work runs off the window's thread, so the progress events are painted as they come.
#[tauri::command]
pub async fn preview_import(
    app: AppHandle,
    state: Shared<'_>,
    path: PathBuf,
    sheet: Option<String>,
    map: Vec<String>,
) -> Result<ImportPreview> {
    with(&state, |s| {
        s.preview_import(&path, sheet, map, &mut progress(&app))
    })
}

#[tauri::command]
pub async fn confirm_import(app: AppHandle, state: Shared<'_>) -> Result<usize> {
    with(&state, |s| s.confirm_import(&mut progress(&app)))
}

#[tauri::command]
pub async fn confirm_import_valid(
    app: AppHandle,
    state: Shared<'_>,
    rejected: PathBuf,
) -> Result<ImportSummary> {
    with(&state, |s| {
        s.confirm_import_valid(&rejected, &mut progress(&app))
    })
}

#[tauri::command]
pub fn save_rejected(state: Shared, out: PathBuf) -> Result<usize> {
    with(&state, |s| s.save_rejected(&out))
}

#[tauri::command]
pub fn preview_document(state: Shared, input: DocInput) -> Result<DocPreview> {
    with(&state, |s| s.preview_document(input))
}

#[tauri::command]
pub fn document_violations(state: Shared, input: DocInput) -> Result<Vec<Finding>> {
    with(&state, |s| s.document_violations(input))
}

#[tauri::command]
pub fn doc_text(state: Shared, kind: String) -> Result<DocText> {
    with(&state, |s| s.doc_text(&kind))
}

#[tauri::command]
pub fn doc_register(state: Shared) -> Result<Vec<IssuedNumber>> {
    with(&state, |s| s.doc_register())
}

#[tauri::command]
pub fn cancel_doc_number(
    state: Shared,
    type_code: String,
    term: String,
    number: u32,
    reason: String,
) -> Result<Vec<IssuedNumber>> {
    with(&state, |s| {
        s.cancel_doc_number(&type_code, &term, number, &reason)
    })
}

#[tauri::command]
pub fn open_in_viewer(state: Shared, path: PathBuf) -> Result<()> {
    with(&state, |s| s.open_in_viewer(&path))
}

/// Every closed list the window shows, with its labels (loaded once at start).
#[tauri::command]
pub fn code_lists(state: Shared) -> Result<CodeLists> {
    with(&state, |s| Ok(s.code_lists()))
}

#[tauri::command]
pub fn rules_for_term(state: Shared, term: String) -> Result<RuleSet> {
    with(&state, |s| s.rules_for_term(&term))
}

#[tauri::command]
pub fn rules_form(state: Shared, term: String) -> Result<quyhoach::app::rules::RulesForm> {
    with(&state, |s| s.rules_form(&term))
}

#[tauri::command]
pub fn save_rule_params(state: Shared, term: String, params: serde_json::Value) -> Result<RuleSet> {
    with(&state, |s| s.save_rule_params(&term, params))
}

#[tauri::command]
pub fn targets(state: Shared) -> Result<Vec<Target>> {
    with(&state, |s| s.targets())
}

#[tauri::command]
pub fn add_target(state: Shared, target: NewTarget) -> Result<Vec<Target>> {
    with(&state, |s| s.add_target(target))
}

#[tauri::command]
pub fn remove_target(state: Shared, id: i64) -> Result<Vec<Target>> {
    with(&state, |s| s.remove_target(id))
}

#[tauri::command]
pub fn positions(state: Shared) -> Result<Vec<Position>> {
    with(&state, |s| s.positions())
}

#[tauri::command]
pub fn save_position(state: Shared, position: Position) -> Result<Vec<Position>> {
    with(&state, |s| s.save_position(position))
}

#[tauri::command]
pub fn review_round(state: Shared, term: String, input: ReviewInput) -> Result<ReviewOutcome> {
    with(&state, |s| s.review_round(&term, input))
}

#[tauri::command]
pub fn move_data_dir(
    state: Shared,
    instance: State<'_, quyhoach::instance::Instance>,
    dir: PathBuf,
    passphrase: String,
) -> Result<SessionStatus> {
    let status = with(&state, |s| s.move_data_dir(&dir, &passphrase))?;
    // One program per data folder, the new one included (best effort: the move is done).
    let _ = instance.hold_also(&status.data_dir);
    Ok(status)
}

#[tauri::command]
pub fn set_unit(state: Shared, unit: quyhoach::model::Unit) -> Result<SessionStatus> {
    with(&state, |s| s.set_unit(unit))
}

#[tauri::command]
pub fn save_doc_settings(state: Shared, settings: DocSettings) -> Result<DocSettings> {
    with(&state, |s| s.save_doc_settings(settings))
}

// Source programmes, young cadres and rotation (issue 16).

use quyhoach::app::programmes::{CriteriaForm, OutcomeInput, ProgrammeForm, RecordInput};
use quyhoach::app::rotation::MovementInput;
use quyhoach::model::plan::Programme;
use quyhoach::model::programme::{CriteriaSet, Movement, ProgrammeSummary};
use quyhoach::rules::rotation::RotationLists;
use quyhoach::rules::young::{Assessment, YoungList};

#[tauri::command]
pub fn programmes(state: Shared) -> Result<Vec<ProgrammeSummary>> {
    with(&state, |s| s.programmes())
}

#[tauri::command]
pub fn programme(state: Shared, id: i64) -> Result<Programme> {
    with(&state, |s| s.programme(id))
}

#[tauri::command]
pub fn create_programme(state: Shared, form: ProgrammeForm) -> Result<Programme> {
    with(&state, |s| s.create_programme(form))
}

#[tauri::command]
pub fn update_programme(state: Shared, id: i64, form: ProgrammeForm) -> Result<Programme> {
    with(&state, |s| s.update_programme(id, form))
}

#[tauri::command]
pub fn delete_programme(
    state: Shared,
    id: i64,
) -> Result<Vec<quyhoach::model::programme::ProgrammeSummary>> {
    with(&state, |s| s.delete_programme(id))
}

#[tauri::command]
pub fn programme_candidates(state: Shared, id: i64, date: String) -> Result<Vec<Assessment>> {
    with(&state, |s| s.programme_candidates(id, &date))
}

#[tauri::command]
pub fn propose_participant(
    state: Shared,
    id: i64,
    person_id: i64,
    date: String,
) -> Result<Programme> {
    with(&state, |s| s.propose_participant(id, person_id, &date))
}

#[tauri::command]
pub fn approve_programme(
    state: Shared,
    id: i64,
    decision_no: String,
    date: String,
) -> Result<Programme> {
    with(&state, |s| s.approve_programme(id, &decision_no, &date))
}

#[tauri::command]
pub fn add_programme_record(
    state: Shared,
    id: i64,
    person_id: i64,
    input: RecordInput,
) -> Result<Programme> {
    with(&state, |s| s.add_programme_record(id, person_id, input))
}

#[tauri::command]
pub fn set_programme_outcome(
    state: Shared,
    id: i64,
    person_id: i64,
    input: OutcomeInput,
) -> Result<Programme> {
    with(&state, |s| s.set_programme_outcome(id, person_id, input))
}

#[tauri::command]
pub fn export_programme(state: Shared, id: i64, out: PathBuf) -> Result<usize> {
    with(&state, |s| s.export_programme(id, &out))
}

#[tauri::command]
pub fn young_list(state: Shared, criteria: CriteriaForm, date: String) -> Result<YoungList> {
    with(&state, |s| s.young_list(criteria, &date))
}

#[tauri::command]
pub fn export_young(
    state: Shared,
    criteria: CriteriaForm,
    date: String,
    out: PathBuf,
) -> Result<usize> {
    with(&state, |s| s.export_young(criteria, &date, &out))
}

#[tauri::command]
pub fn criteria_sets(state: Shared) -> Result<Vec<CriteriaSet>> {
    with(&state, |s| s.criteria_sets())
}

#[tauri::command]
pub fn save_criteria_set(
    state: Shared,
    name: String,
    criteria: CriteriaForm,
) -> Result<Vec<CriteriaSet>> {
    with(&state, |s| s.save_criteria_set(&name, criteria))
}

#[tauri::command]
pub fn rotation_params(state: Shared) -> Result<quyhoach::rules::rotation::RotationParams> {
    with(&state, |s| s.rotation_params())
}

#[tauri::command]
pub fn save_rotation_params(
    state: Shared,
    params: quyhoach::rules::rotation::RotationParams,
) -> Result<quyhoach::rules::rotation::RotationParams> {
    with(&state, |s| s.save_rotation_params(params))
}

#[tauri::command]
pub fn rotation_lists(state: Shared, date: String) -> Result<RotationLists> {
    with(&state, |s| s.rotation_lists(&date))
}

#[tauri::command]
pub fn export_rotation(state: Shared, date: String, out: PathBuf) -> Result<usize> {
    with(&state, |s| s.export_rotation(&date, &out))
}

#[tauri::command]
pub fn record_movement(state: Shared, input: MovementInput) -> Result<Vec<Movement>> {
    with(&state, |s| s.record_movement(input))
}

#[tauri::command]
pub fn propose_list(
    state: Shared,
    id: i64,
    person_ids: Vec<i64>,
    date: String,
) -> Result<quyhoach::app::programmes::ProposeReport> {
    with(&state, |s| s.propose_list(id, person_ids, &date))
}
