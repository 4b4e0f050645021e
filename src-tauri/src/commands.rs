//! Tauri commands: each is one line into the core session.

use std::sync::Mutex;

use quyhoach::model::PersonSummary;
use quyhoach::session::{NewDatabase, Session, SessionStatus};
use quyhoach::{CoreError, Result};
use tauri::State;

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
