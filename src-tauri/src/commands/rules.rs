//! Rule sets, targets and the position catalogue.

use quyhoach::app::rules::{NewTarget, RulesForm};
use quyhoach::model::plan::Position;
use quyhoach::rules::ruleset::RuleSet;
use quyhoach::rules::targets::Target;
use quyhoach::Result;

use super::{with, Shared};

#[tauri::command]
pub fn rules_for_term(state: Shared, term: String) -> Result<RuleSet> {
    with(&state, |s| s.rules_for_term(&term))
}

#[tauri::command]
pub fn rules_form(state: Shared, term: String) -> Result<RulesForm> {
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
