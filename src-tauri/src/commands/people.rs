//! People: the list, a record, its history.

use quyhoach::model::{Person, PersonSummary};
use quyhoach::session::{PeopleFilter, PeoplePage};
use quyhoach::store::AuditEntry;
use quyhoach::Result;

use super::{with, Shared};

#[tauri::command]
pub fn search_people(state: Shared, query: String) -> Result<Vec<PersonSummary>> {
    with(&state, |s| s.search_people(&query))
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
