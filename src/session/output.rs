//! What leaves the database: documents (preview, save, open to print), Excel exports and
//! imports, in the folder the clerk chooses. Each is a call into `app`; the session only keeps
//! the last import preview until the clerk confirms it.

use std::path::{Path, PathBuf};

use super::Session;
use crate::app::{documents, exports, imports};
use crate::error::{CoreError, Result};

pub use crate::app::documents::DocInput;
pub use crate::app::imports::ImportSummary;

fn no_preview() -> CoreError {
    CoreError::validation(
        "import",
        "no_preview",
        "Nhập Excel: hãy xem trước tệp trước khi nhập.",
    )
}

/// The folder documents and workbooks are saved in by default: "Quy hoạch cán bộ" in the user's
/// Documents folder, or beside the data.
pub fn default_output_dir(data_dir: &Path) -> PathBuf {
    dirs::document_dir()
        .map(|d| d.join("Quy hoạch cán bộ"))
        .unwrap_or_else(|| data_dir.join("Văn bản"))
}

impl Session {
    pub fn output_dir(&self) -> PathBuf {
        std::env::var_os("QUYHOACH_OUTPUT_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| default_output_dir(&self.data_dir))
    }

    pub fn doc_settings(&self) -> Result<crate::docs::DocSettings> {
        documents::settings(self.store()?)
    }

    /// The default signer and recipients of each document kind, as Settings edits them.
    pub fn save_doc_settings(
        &mut self,
        settings: crate::docs::DocSettings,
    ) -> Result<crate::docs::DocSettings> {
        documents::save_settings(self.store_mut()?, &settings)
    }

    /// The first pages of a document as they will print; writes nothing.
    pub fn preview_document(&self, input: DocInput) -> Result<crate::docs::DocPreview> {
        documents::preview(self.store()?, &input, 3)
    }

    /// Saves a document (never over an existing file) and returns what was made.
    pub fn save_document(&mut self, input: DocInput) -> Result<crate::docs::DocOutput> {
        documents::save(self.store_mut()?, &input)
    }

    /// The violations of the plan a document reports on, shown before it is issued.
    pub fn document_violations(
        &self,
        input: DocInput,
    ) -> Result<Vec<crate::rules::check::Finding>> {
        documents::violations(self.store()?, &input)
    }

    /// The remembered opening and closing paragraphs of a document kind (empty if none yet).
    pub fn doc_text(&self, kind: &str) -> Result<crate::docs::DocText> {
        documents::text(self.store()?, kind)
    }

    /// The number register: issued documents, newest first.
    pub fn doc_register(&self) -> Result<Vec<crate::docs::IssuedNumber>> {
        documents::register(self.store()?)
    }

    /// Cancels an issued number with a reason (it is never given again).
    pub fn cancel_doc_number(
        &mut self,
        type_code: &str,
        term: &str,
        number: u32,
        reason: &str,
    ) -> Result<Vec<crate::docs::IssuedNumber>> {
        documents::cancel_number(self.store_mut()?, type_code, term, number, reason)?;
        self.doc_register()
    }

    /// Opens a saved document or workbook in the system's viewer (to print or edit it there).
    pub fn open_in_viewer(&self, path: &Path) -> Result<()> {
        documents::open_in_viewer(path)
    }

    /// Writes an Excel workbook.
    pub fn export_excel(&self, input: exports::ExportInput) -> Result<crate::xlsx::ExportReport> {
        exports::export(self.store()?, &input)
    }
}

impl Session {
    /// Reads a file and checks every row; keeps the preview for `confirm_import`.
    pub fn preview_import(
        &mut self,
        path: &Path,
        sheet: Option<String>,
        map: Vec<String>,
        progress: &mut dyn FnMut(crate::import::Progress),
    ) -> Result<crate::import::ImportPreview> {
        let opts = crate::import::ImportOptions { sheet, map };
        let preview = imports::preview(self.store()?, path, &opts, progress)?;
        self.pending_import = Some(preview.clone());
        Ok(preview)
    }

    /// Imports the previewed rows, all or nothing; returns how many people were added.
    pub fn confirm_import(
        &mut self,
        progress: &mut dyn FnMut(crate::import::Progress),
    ) -> Result<usize> {
        let preview = self.pending_import.take().ok_or_else(no_preview)?;
        match imports::import_all(self.store_mut()?, &preview, progress) {
            Ok(ids) => Ok(ids.len()),
            Err(e) => {
                self.pending_import = Some(preview);
                Err(e)
            }
        }
    }

    /// "Nhập N dòng hợp lệ, bỏ qua M dòng lỗi" (see `app::imports::import_valid`).
    pub fn confirm_import_valid(
        &mut self,
        rejected: &Path,
        progress: &mut dyn FnMut(crate::import::Progress),
    ) -> Result<ImportSummary> {
        let preview = self.pending_import.take().ok_or_else(no_preview)?;
        match imports::import_valid(self.store_mut()?, &preview, rejected, progress) {
            Ok(s) => Ok(s),
            Err(e) => {
                self.pending_import = Some(preview);
                Err(e)
            }
        }
    }

    /// Saves the rows of the last preview that have errors, with the reasons beside them.
    pub fn save_rejected(&self, out: &Path) -> Result<usize> {
        let preview = self.pending_import.as_ref().ok_or_else(no_preview)?;
        imports::save_rejected(preview, out)
    }
}
