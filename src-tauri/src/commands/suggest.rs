//! The plan assistant (Gợi ý phương án): a proposal, and the rows the clerk accepts.

use quyhoach::app::suggest::{Accepted, Decision};
use quyhoach::rules::suggest::{Proposal, SuggestOptions};
use quyhoach::Result;

use super::{with, Shared};

#[tauri::command]
pub fn plan_suggest(state: Shared, term: String, options: SuggestOptions) -> Result<Proposal> {
    with(&state, |s| s.plan_suggest(&term, &options))
}

#[tauri::command]
pub fn plan_suggest_defaults() -> SuggestOptions {
    quyhoach::app::suggest::default_options()
}

#[tauri::command]
pub fn plan_suggest_accept(
    state: Shared,
    term: String,
    rows: Vec<Accepted>,
    decision: Decision,
) -> Result<usize> {
    with(&state, |s| s.plan_suggest_accept(&term, &rows, &decision))
}
