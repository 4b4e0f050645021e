//! Source programmes, young cadres and their criteria sets (issue 16).

use std::path::PathBuf;

use quyhoach::app::programmes::{
    CriteriaForm, OutcomeInput, ProgrammeForm, ProposeReport, RecordInput,
};
use quyhoach::model::plan::Programme;
use quyhoach::model::programme::{CriteriaSet, ProgrammeSummary};
use quyhoach::rules::young::{Assessment, YoungList};
use quyhoach::Result;

use super::{with, Shared};

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
pub fn delete_programme(state: Shared, id: i64) -> Result<Vec<ProgrammeSummary>> {
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
pub fn propose_list(
    state: Shared,
    id: i64,
    person_ids: Vec<i64>,
    date: String,
) -> Result<ProposeReport> {
    with(&state, |s| s.propose_list(id, person_ids, &date))
}
