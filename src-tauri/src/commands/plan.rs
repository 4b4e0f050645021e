//! Terms and the plan: the board, candidates, plan steps, review rounds.

use quyhoach::app::board::{Board, Candidates};
use quyhoach::app::plan::NewTerm;
use quyhoach::model::plan::Term;
use quyhoach::session::StepInput;
use quyhoach::store::review::{ReviewInput, ReviewOutcome};
use quyhoach::Result;

use super::{with, Shared};

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
pub fn review_round(state: Shared, term: String, input: ReviewInput) -> Result<ReviewOutcome> {
    with(&state, |s| s.review_round(&term, input))
}
