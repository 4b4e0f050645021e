//! What the desktop shell holds between commands: the data folder and, once unlocked, the
//! open store. Every Tauri command is one call to a method here, so this is tested without a WebView.

use std::path::{Path, PathBuf};

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use crate::demo::{create_demo, DEMO_PASSPHRASE, DEMO_SIZE};
use crate::error::{CoreError, Result};
use crate::model::{PersonSummary, Unit};
use crate::paths::{DATA_FILE, DEMO_FILE};
use crate::store::Store;

/// What the start screen needs to know.
#[derive(Debug, Clone, Serialize)]
pub struct SessionStatus {
    pub data_dir: PathBuf,
    pub data_file: PathBuf,
    pub data_file_exists: bool,
    pub demo_file: PathBuf,
    pub demo_passphrase: &'static str,
    /// The file open now, if unlocked.
    pub open_file: Option<PathBuf>,
    pub is_demo: bool,
    pub unit: Option<Unit>,
    pub people: Option<i64>,
    /// Today's automatic backup, when this unlock made one.
    pub auto_backup: Option<PathBuf>,
    /// How many automatic daily backups are kept.
    pub auto_backup_keep: Option<usize>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewDatabase {
    pub unit: Unit,
    pub passphrase: String,
    pub passphrase_again: String,
}

pub struct Session {
    data_dir: PathBuf,
    store: Option<Store>,
    /// Fixed "today" for tests and reproducible demos.
    today: Option<chrono::NaiveDate>,
    auto_backup: Option<PathBuf>,
    /// The last import preview, waiting for the clerk's confirmation.
    pending_import: Option<crate::import::ImportPreview>,
}

impl Session {
    pub fn new(data_dir: &Path) -> Session {
        Session {
            data_dir: data_dir.to_path_buf(),
            store: None,
            today: None,
            auto_backup: None,
            pending_import: None,
        }
    }

    /// Fixes "today" for every store this session opens (tests).
    pub fn set_today(&mut self, day: chrono::NaiveDate) {
        self.today = Some(day);
        if let Some(s) = self.store.as_mut() {
            s.set_today(day);
        }
    }

    fn keep_store(&mut self, mut store: Store) {
        if let Some(d) = self.today {
            store.set_today(d);
        }
        self.pending_import = None;
        self.store = Some(store);
    }

    fn data_file(&self) -> PathBuf {
        self.data_dir.join(DATA_FILE)
    }
    fn demo_file(&self) -> PathBuf {
        self.data_dir.join(DEMO_FILE)
    }

    pub fn status(&self) -> Result<SessionStatus> {
        let (unit, people) = match &self.store {
            Some(s) => (Some(s.unit()?), Some(s.count_people()?)),
            None => (None, None),
        };
        let open_file = self.store.as_ref().map(|s| s.path().to_path_buf());
        let auto_backup_keep = match &self.store {
            Some(s) => Some(crate::auto_backup::keep(s)?),
            None => None,
        };
        Ok(SessionStatus {
            auto_backup: self.auto_backup.clone(),
            auto_backup_keep,
            data_dir: self.data_dir.clone(),
            data_file: self.data_file(),
            data_file_exists: self.data_file().is_file(),
            demo_file: self.demo_file(),
            demo_passphrase: DEMO_PASSPHRASE,
            is_demo: open_file.as_deref() == Some(self.demo_file().as_path()),
            open_file,
            unit,
            people,
        })
    }

    /// First run: creates the ward's own database.
    pub fn create(&mut self, new: NewDatabase) -> Result<SessionStatus> {
        if new.passphrase != new.passphrase_again {
            return Err(CoreError::validation(
                "passphrase_again",
                "mismatch",
                "Nhập lại mật khẩu: không khớp với mật khẩu đã nhập.",
            ));
        }
        let store = Store::create(&self.data_file(), &new.passphrase, &new.unit)?;
        self.keep_store(store);
        self.status()
    }

    /// Opens the ward's database with its passphrase; a wrong one changes nothing. The first
    /// unlock of a day makes the automatic backup (a failure there is reported, not fatal).
    pub fn unlock(&mut self, passphrase: &str) -> Result<SessionStatus> {
        let store = Store::open(&self.data_file(), passphrase)?;
        self.keep_store(store);
        self.auto_backup = None;
        if let Some(s) = &self.store {
            self.auto_backup = crate::auto_backup::run(s, &self.data_dir, passphrase)?;
        }
        self.status()
    }

    pub fn set_auto_backup_keep(&mut self, n: usize) -> Result<SessionStatus> {
        crate::auto_backup::set_keep(self.store()?, n)?;
        self.status()
    }

    /// Opens the demo ward, creating it the first time.
    pub fn open_demo(&mut self) -> Result<SessionStatus> {
        let path = self.demo_file();
        let store = if path.is_file() {
            Store::open(&path, DEMO_PASSPHRASE)?
        } else {
            create_demo(&path, DEMO_PASSPHRASE, DEMO_SIZE)?
        };
        self.keep_store(store);
        self.auto_backup = None;
        self.status()
    }

    /// Closes the database; the passphrase is needed again.
    pub fn lock(&mut self) -> Result<SessionStatus> {
        self.pending_import = None;
        self.auto_backup = None;
        if let Some(store) = self.store.take() {
            store.close()?;
        }
        self.status()
    }

    pub fn store(&self) -> Result<&Store> {
        self.store.as_ref().ok_or(CoreError::Locked)
    }

    pub fn store_mut(&mut self) -> Result<&mut Store> {
        self.store.as_mut().ok_or(CoreError::Locked)
    }

    pub fn search_people(&self, query: &str) -> Result<Vec<PersonSummary>> {
        self.store()?.search_people(query)
    }
}

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
}

/// A plan step as the app asks for it.
#[derive(Debug, Clone, Deserialize)]
pub struct StepInput {
    pub step: crate::model::plan::PlanStep,
    pub date: String,
    #[serde(default)]
    pub decision_no: String,
    #[serde(default)]
    pub decision_date: Option<String>,
    #[serde(default)]
    pub review_year: Option<i32>,
    #[serde(default)]
    pub reason: Option<crate::model::plan::RemovalReason>,
    #[serde(default)]
    pub note: String,
}

fn day(field: &str, label: &str, text: &str) -> Result<crate::model::PartialDate> {
    crate::model::PartialDate::parse(text)
        .map_err(|e| CoreError::validation(field, "date", format!("{label}: {}", e.0)))
}

impl StepInput {
    fn event(&self) -> Result<crate::model::plan::PlanEvent> {
        let mut ev =
            crate::model::plan::PlanEvent::new(self.step, day("date", "Ngày", &self.date)?);
        ev.decision_no = self.decision_no.clone();
        ev.decision_date = match self.decision_date.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => Some(day("decision_date", "Ngày quyết định", t)?),
            _ => None,
        };
        ev.review_year = self.review_year;
        ev.reason = self.reason;
        ev.note = self.note.clone();
        Ok(ev)
    }
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

    pub fn person(&self, id: i64) -> Result<crate::model::Person> {
        self.store()?.person(id)
    }

    /// Adds a record (no id) or replaces it; returns its id.
    pub fn save_person(&mut self, p: crate::model::Person) -> Result<i64> {
        let s = self.store_mut()?;
        match p.id {
            Some(id) => s.update_person(&p).map(|()| id),
            None => s.add_person(&p),
        }
    }

    pub fn person_history(&self, id: i64) -> Result<Vec<crate::store::AuditEntry>> {
        self.store()?.audit_history("person", id)
    }

    pub fn terms(&self) -> Result<Vec<crate::model::plan::Term>> {
        self.store()?.terms()
    }

    /// A new term; the reference month is given as "mm/yyyy".
    pub fn add_term(
        &mut self,
        kind: crate::model::plan::TermKind,
        start_year: i32,
        end_year: i32,
        reference: &str,
    ) -> Result<Vec<crate::model::plan::Term>> {
        let d = day("reference_month", "Mốc tính tuổi", reference)?;
        let month = d.month().ok_or_else(|| {
            CoreError::validation(
                "reference_month",
                "month",
                "Mốc tính tuổi: cần tháng và năm (mm/yyyy).",
            )
        })?;
        let term = crate::model::plan::Term::new(
            kind,
            start_year,
            end_year,
            crate::rules::retirement::YearMonth::new(d.year(), month),
        );
        self.store_mut()?.add_term(&term)?;
        self.terms()
    }

    pub fn plan_board(&self, term: &str) -> Result<crate::board::Board> {
        self.store()?.plan_board(term)
    }

    pub fn plan_candidates(
        &self,
        term: &str,
        position: &str,
    ) -> Result<Vec<crate::board::Candidate>> {
        self.store()?.plan_candidates(term, position)
    }

    pub fn plan_person(
        &mut self,
        term: &str,
        position: &str,
        person_id: i64,
        step: StepInput,
    ) -> Result<i64> {
        let ev = step.event()?;
        self.store_mut()?
            .plan_person(term, position, person_id, &ev)
    }

    pub fn add_plan_step(&mut self, entry_id: i64, step: StepInput) -> Result<()> {
        let ev = step.event()?;
        self.store_mut()?.add_plan_step(entry_id, &ev)
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
        req.signer = input.signer.clone();
        req.recipients = input.recipients.clone();
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

    /// Writes an Excel export of `kind` (can-bo, trich-ngang, co-cau, ra-soat, dao-tao).
    pub fn export_excel(
        &self,
        kind: &str,
        term: Option<&str>,
        out: &Path,
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
        let meta = crate::xlsx::ExportMeta::default();
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

    /// A verified encrypted copy of the open database.
    pub fn backup(
        &self,
        dest: &Path,
        passphrase: &str,
    ) -> Result<crate::store::backup::BackupReport> {
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir)?;
        }
        self.store()?.backup_to(dest, passphrase)
    }

    /// Replaces the open database with a verified backup (the old file is kept beside it).
    pub fn restore(&mut self, from: &Path, passphrase: &str) -> Result<SessionStatus> {
        let store = self.store.take().ok_or(CoreError::Locked)?;
        match store.restore_from(from, passphrase) {
            Ok((s, _)) => {
                self.keep_store(s);
                self.status()
            }
            Err(e) => {
                // The old file is untouched; open it again.
                let path = self.data_file();
                if path.is_file() {
                    if let Ok(s) = Store::open(&path, passphrase) {
                        self.keep_store(s);
                    }
                }
                Err(e)
            }
        }
    }

    pub fn change_passphrase(&mut self, new: &str, again: &str) -> Result<()> {
        if new != again {
            return Err(CoreError::validation(
                "passphrase_again",
                "mismatch",
                "Nhập lại mật khẩu mới: không khớp.",
            ));
        }
        self.store_mut()?.change_passphrase(new)
    }
}

/// One screenful of the cadre list: the first `limit` matches and how many there are.
#[derive(Debug, Clone, Serialize)]
pub struct PeoplePage {
    /// Matches of the query and filters.
    pub total: usize,
    /// Women among them.
    pub women: usize,
    /// Everyone matching the query alone (before the filters).
    pub unfiltered: usize,
    pub rows: Vec<PersonSummary>,
}

impl Session {
    /// Search as you type: filters and the row limit are applied here, so only a screenful
    /// crosses to the window however large the ward.
    pub fn find_people(
        &self,
        query: &str,
        status: Option<crate::model::Status>,
        sex: Option<crate::model::Sex>,
        limit: usize,
    ) -> Result<PeoplePage> {
        let all = self.store()?.search_people(query)?;
        let unfiltered = all.len();
        let matches: Vec<PersonSummary> = all
            .into_iter()
            .filter(|p| status.is_none_or(|s| p.status == s) && sex.is_none_or(|s| p.sex == s))
            .collect();
        Ok(PeoplePage {
            total: matches.len(),
            women: matches
                .iter()
                .filter(|p| p.sex == crate::model::Sex::Female)
                .count(),
            unfiltered,
            rows: matches.into_iter().take(limit).collect(),
        })
    }
}

impl Session {
    /// Reads a file and checks every row; keeps the preview for `confirm_import`.
    pub fn preview_import(
        &mut self,
        path: &Path,
        sheet: Option<String>,
        map: Vec<String>,
    ) -> Result<crate::import::ImportPreview> {
        let opts = crate::import::ImportOptions { sheet, map };
        let preview = self.store()?.preview_import(path, &opts, &mut |_| {})?;
        self.pending_import = Some(preview.clone());
        Ok(preview)
    }

    /// Imports the previewed rows, all or nothing; returns how many people were added.
    pub fn confirm_import(&mut self) -> Result<usize> {
        let preview = self.pending_import.take().ok_or_else(|| {
            CoreError::validation(
                "import",
                "no_preview",
                "Nhập Excel: hãy xem trước tệp trước khi nhập.",
            )
        })?;
        match self.store_mut()?.import_people(&preview, &mut |_| {}) {
            Ok(ids) => Ok(ids.len()),
            Err(e) => {
                self.pending_import = Some(preview);
                Err(e)
            }
        }
    }

    /// Saves the rows of the last preview that have errors, with the reasons beside them.
    pub fn save_rejected(&self, out: &Path) -> Result<usize> {
        let preview = self.pending_import.as_ref().ok_or_else(|| {
            CoreError::validation("import", "no_preview", "Nhập Excel: chưa có bản xem trước.")
        })?;
        if let Some(dir) = out.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::import::write_rejected(preview, out)
    }
}
