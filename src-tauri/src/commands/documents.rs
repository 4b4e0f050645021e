//! Documents: settings, preview, save, the number register.

use quyhoach::docs::{DocOutput, DocPreview, DocSettings, DocText, IssuedNumber};
use quyhoach::rules::check::Finding;
use quyhoach::session::DocInput;
use quyhoach::Result;

use super::{with, Shared};

#[tauri::command]
pub fn doc_settings(state: Shared) -> Result<DocSettings> {
    with(&state, |s| s.doc_settings())
}

#[tauri::command]
pub fn save_doc_settings(state: Shared, settings: DocSettings) -> Result<DocSettings> {
    with(&state, |s| s.save_doc_settings(settings))
}

#[tauri::command]
pub fn doc_text(state: Shared, kind: String) -> Result<DocText> {
    with(&state, |s| s.doc_text(&kind))
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
pub fn save_document(state: Shared, input: DocInput) -> Result<DocOutput> {
    with(&state, |s| s.save_document(input))
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
