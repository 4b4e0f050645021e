//! Quy hoạch cán bộ — the core: cadre records in an encrypted SQLCipher database, Vietnamese
//! text handling, validation, backup and the demo ward. No Tauri, no WebView: the desktop shell
//! and the `quyhoach` CLI are thin layers over this crate.

pub mod app;
pub mod auto_backup;
pub mod demo;
pub mod docs;
pub mod document;
pub mod docx;
pub mod error;
pub mod exchange;
pub mod import;
pub mod instance;
pub mod model;
pub mod paths;
pub mod pdf;
pub mod report;
pub mod rules;
pub mod session;
pub mod store;
pub mod text;
pub mod validate;
pub mod xlsx;

#[cfg(test)]
mod upgrade_tests;

pub use error::{CoreError, FieldError, Result};
pub use store::Store;
