//! What leaves the database: documents (preview, save, open to print), Excel exports and
//! imports, in the folder the clerk chooses.

use std::path::{Path, PathBuf};

use chrono::Datelike;
use serde::Deserialize;

use super::{day, Session};
use crate::error::{CoreError, Result};

/// A document as the app asks for it (dates as "dd/mm/yyyy").
#[derive(Debug, Clone, Deserialize)]
pub struct DocInput {
    /// Where to save (ignored by a preview).
    #[serde(default)]
    pub out: PathBuf,
    pub kind: String,
    #[serde(default)]
    pub term: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub person_id: Option<i64>,
    #[serde(default)]
    pub number: Option<u32>,
    pub date: String,
    #[serde(default)]
    pub signer: Option<crate::docs::Signer>,
    #[serde(default)]
    pub recipients: Option<Vec<String>>,
    /// The editable opening and closing paragraphs, as edited in the window.
    #[serde(default)]
    pub text: Option<crate::docs::DocText>,
    /// "Cấp số và lưu": the document takes its number from the register. Otherwise a draft.
    #[serde(default)]
    pub issue: bool,
}

/// What "Nhập N dòng hợp lệ, bỏ qua M dòng lỗi" did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportSummary {
    pub imported: usize,
    pub rejected: usize,
    /// The rows left out, as Excel numbers them.
    pub rejected_rows: Vec<usize>,
    /// Where the rows left out were saved, with their reasons (none when no row had an error).
    pub rejected_file: Option<PathBuf>,
}

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
        self.store()?.doc_settings()
    }

    fn doc_request(input: &DocInput) -> Result<crate::docs::DocRequest> {
        let kind = crate::docs::DocKind::from_code(&input.kind).ok_or_else(|| {
            CoreError::validation(
                "kind",
                "unknown",
                format!("Loại văn bản “{}” không có.", input.kind),
            )
        })?;
        let date = day("date", "Ngày văn bản", &input.date)?;
        if date.precision() != crate::model::Precision::Day {
            return Err(CoreError::validation(
                "date",
                "day",
                "Ngày văn bản: cần đủ ngày, tháng, năm (dd/mm/yyyy).",
            ));
        }
        let mut req = crate::docs::DocRequest::new(kind, date.earliest());
        req.term_code = input.term.clone().filter(|t| !t.is_empty());
        if let Some(y) = input.year {
            req.year = y;
        }
        req.person_id = input.person_id;
        req.number = input.number;
        req.issue = input.issue;
        req.signer = input.signer.clone();
        req.recipients = input.recipients.clone();
        req.text = input.text.clone();
        Ok(req)
    }

    /// The first pages of a document as they will print; writes nothing.
    pub fn preview_document(&self, input: DocInput) -> Result<crate::docs::DocPreview> {
        let req = Self::doc_request(&input)?;
        self.store()?.preview_document(&req, 3)
    }

    /// Saves a document (never over an existing file) and returns what was made.
    pub fn save_document(&mut self, input: DocInput) -> Result<crate::docs::DocOutput> {
        let req = Self::doc_request(&input)?;
        if let Some(dir) = input.out.parent() {
            std::fs::create_dir_all(dir)?;
        }
        self.store_mut()?.save_document(&req, &input.out)
    }

    /// The violations of the plan a document reports on (a Tờ trình, a review report), shown to
    /// the clerk before the document is issued; empty for other kinds.
    pub fn document_violations(
        &self,
        input: DocInput,
    ) -> Result<Vec<crate::rules::check::Finding>> {
        let req = Self::doc_request(&input)?;
        let s = self.store()?;
        match (req.kind, req.term_code.as_deref()) {
            (crate::docs::DocKind::ToTrinh | crate::docs::DocKind::BaoCaoRaSoat, Some(term)) => {
                let report = s.plan_data(term)?.check(s.today());
                Ok(report
                    .findings
                    .into_iter()
                    .filter(|f| f.severity == crate::rules::check::Severity::Violation)
                    .collect())
            }
            _ => Ok(Vec::new()),
        }
    }

    /// The remembered opening and closing paragraphs of a document kind (empty if none yet).
    pub fn doc_text(&self, kind: &str) -> Result<crate::docs::DocText> {
        Ok(self
            .store()?
            .doc_settings()?
            .texts
            .get(kind)
            .cloned()
            .unwrap_or_default())
    }

    /// The number register: issued documents, newest first.
    pub fn doc_register(&self) -> Result<Vec<crate::docs::IssuedNumber>> {
        self.store()?.doc_register()
    }

    /// Cancels an issued number with a reason (it is never given again).
    pub fn cancel_doc_number(
        &mut self,
        type_code: &str,
        term: &str,
        number: u32,
        reason: &str,
    ) -> Result<Vec<crate::docs::IssuedNumber>> {
        self.store_mut()?
            .cancel_doc_number(type_code, term, number, reason)?;
        self.doc_register()
    }

    /// Opens a saved document or workbook in the system's viewer (to print it there).
    pub fn open_in_viewer(&self, path: &Path) -> Result<()> {
        let ok = path.is_file()
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["pdf", "xlsx"].contains(&e.to_ascii_lowercase().as_str()));
        if !ok {
            return Err(CoreError::validation(
                "path",
                "not_a_document",
                format!("Không có văn bản “{}” để mở.", path.display()),
            ));
        }
        opener::open(path).map_err(|e| {
            CoreError::Io(std::io::Error::other(format!(
                "không mở được “{}” bằng chương trình xem của máy: {e}",
                path.display()
            )))
        })
    }

    /// Writes an Excel export of `kind` (can-bo, trich-ngang, co-cau, ra-soat, dao-tao), with
    /// "(Kèm theo Tờ trình số …)" under the title when the clerk gives it.
    pub fn export_excel(
        &self,
        kind: &str,
        term: Option<&str>,
        out: &Path,
        attached_to: Option<&str>,
    ) -> Result<crate::xlsx::ExportReport> {
        use crate::xlsx::ExportKind as K;
        let s = self.store()?;
        let k = K::from_code(kind).ok_or_else(|| {
            CoreError::validation(
                "kind",
                "unknown",
                format!("Loại bảng tính “{kind}” không có."),
            )
        })?;
        let t = k.default_template();
        let meta = crate::xlsx::ExportMeta {
            attached_to: attached_to
                .map(crate::text::clean)
                .filter(|a| !a.is_empty()),
        };
        let need_term = || {
            term.filter(|t| !t.is_empty()).ok_or_else(|| {
                CoreError::validation("term", "required", "Bảng tính này cần chọn nhiệm kỳ.")
            })
        };
        if let Some(dir) = out.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let today = s.today();
        let opt = |code| crate::xlsx::plan::PlanExport {
            term_code: code,
            rating_year: today.year() - 1,
            as_of: today,
        };
        match k {
            K::CanBo => s.export_people(out, &t, &meta),
            K::TrichNgang => s.export_plan_list(out, &t, &meta, &opt(need_term()?)),
            K::CoCau => s.export_structure(out, &t, &meta, need_term()?),
            K::RaSoat => s.export_review(out, &t, &meta, &opt(need_term()?), today.year()),
            K::DaoTao => s.export_training_gaps(out, &t, &meta, &opt(need_term()?)),
        }
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
        let preview = self.store()?.preview_import(path, &opts, progress)?;
        self.pending_import = Some(preview.clone());
        Ok(preview)
    }

    /// Imports the previewed rows, all or nothing; returns how many people were added. The
    /// clerk's mapping is remembered for lists of the same layout.
    pub fn confirm_import(
        &mut self,
        progress: &mut dyn FnMut(crate::import::Progress),
    ) -> Result<usize> {
        let preview = self.pending_import.take().ok_or_else(no_preview)?;
        match self.store_mut()?.import_people(&preview, progress) {
            Ok(ids) => {
                self.store()?.remember_import_map(&preview)?;
                Ok(ids.len())
            }
            Err(e) => {
                self.pending_import = Some(preview);
                Err(e)
            }
        }
    }

    /// "Nhập N dòng hợp lệ, bỏ qua M dòng lỗi": the rows with errors are saved first to the
    /// rejected-rows workbook `rejected` (with the reason beside each), then the valid rows are
    /// imported in one transaction.
    pub fn confirm_import_valid(
        &mut self,
        rejected: &Path,
        progress: &mut dyn FnMut(crate::import::Progress),
    ) -> Result<ImportSummary> {
        let preview = self.pending_import.take().ok_or_else(no_preview)?;
        if preview.ok_rows == 0 {
            self.pending_import = Some(preview);
            return Err(CoreError::validation(
                "import",
                "nothing_valid",
                "Nhập Excel: không có dòng nào hợp lệ để nhập.",
            ));
        }
        let rejected_file = if preview.error_rows > 0 {
            if let Some(dir) = rejected.parent() {
                std::fs::create_dir_all(dir)?;
            }
            if let Err(e) = crate::import::write_rejected(&preview, rejected) {
                self.pending_import = Some(preview);
                return Err(e);
            }
            Some(rejected.to_path_buf())
        } else {
            None
        };
        match self.store_mut()?.import_valid_people(&preview, progress) {
            Ok(o) => {
                self.store()?.remember_import_map(&preview)?;
                Ok(ImportSummary {
                    imported: o.imported,
                    rejected: o.skipped_rows.len(),
                    rejected_rows: o.skipped_rows,
                    rejected_file,
                })
            }
            Err(e) => {
                self.pending_import = Some(preview);
                Err(e)
            }
        }
    }

    /// Saves the rows of the last preview that have errors, with the reasons beside them.
    pub fn save_rejected(&self, out: &Path) -> Result<usize> {
        let preview = self.pending_import.as_ref().ok_or_else(no_preview)?;
        if let Some(dir) = out.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::import::write_rejected(preview, out)
    }
}

impl Session {
    /// The default signer and recipients of each document kind, as Settings edits them.
    pub fn save_doc_settings(
        &mut self,
        settings: crate::docs::DocSettings,
    ) -> Result<crate::docs::DocSettings> {
        let s = self.store_mut()?;
        s.save_doc_settings(&settings)?;
        s.doc_settings()
    }
}
