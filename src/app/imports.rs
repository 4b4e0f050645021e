//! Imports of the lists a ward already keeps: preview every row, then import all of them, or
//! only the valid ones with the others saved beside the file with their reasons.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{CoreError, Result};
use crate::import::{ImportOptions, ImportPreview, Progress};
use crate::store::Store;

/// Reads the file and checks every row; writes nothing.
pub fn preview(
    store: &Store,
    path: &Path,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportPreview> {
    crate::import::preview(store, path, opts, progress)
}

/// Imports every previewed row, all or nothing; the clerk's column mapping is remembered for
/// lists of the same layout. Returns the new records' ids.
pub fn import_all(
    store: &mut Store,
    preview: &ImportPreview,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<i64>> {
    store.write(|store| {
        let ids = crate::import::import_people(store, preview, progress)?;
        crate::import::remember_map(store, preview)?;
        Ok(ids)
    })
}

/// What "Nhập N dòng hợp lệ, bỏ qua M dòng lỗi" did.
#[derive(Debug, Clone, Serialize)]
pub struct ImportSummary {
    pub imported: usize,
    pub rejected: usize,
    /// The rows left out, as Excel numbers them.
    pub rejected_rows: Vec<usize>,
    /// Where the rows left out were saved, with their reasons (none when no row had an error).
    pub rejected_file: Option<PathBuf>,
}

/// Where the rows left out of `file` are saved by default: "X (dòng không nhập).xlsx" beside it.
pub fn default_rejected_path(file: &Path) -> PathBuf {
    file.with_file_name(format!(
        "{} (dòng không nhập).xlsx",
        file.file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default()
    ))
}

/// "Nhập N dòng hợp lệ, bỏ qua M dòng lỗi": the rows with errors are saved first to `rejected`
/// (with the reason beside each), then the valid rows are imported in one transaction.
pub fn import_valid(
    store: &mut Store,
    preview: &ImportPreview,
    rejected: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportSummary> {
    store.write(|store| {
        if preview.ok_rows == 0 {
            return Err(CoreError::validation(
                "import",
                "nothing_valid",
                "Nhập Excel: không có dòng nào hợp lệ để nhập.",
            ));
        }
        let rejected_file = if preview.error_rows > 0 {
            save_rejected(preview, rejected)?;
            Some(rejected.to_path_buf())
        } else {
            None
        };
        let o = crate::import::import_valid_people(store, preview, progress)?;
        crate::import::remember_map(store, preview)?;
        Ok(ImportSummary {
            imported: o.imported,
            rejected: o.skipped_rows.len(),
            rejected_rows: o.skipped_rows,
            rejected_file,
        })
    })
}

/// Saves the rows of a preview that have errors, with the reasons beside them.
pub fn save_rejected(preview: &ImportPreview, out: &Path) -> Result<usize> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    crate::import::write_rejected(preview, out)
}
