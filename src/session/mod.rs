//! What the desktop shell holds between commands: the data folder and, once unlocked, the
//! open store. Every Tauri command is one call to a method here, so this is tested without a WebView.

mod exchange;
mod output;
mod people;
mod plan;
mod programmes;
mod rules;
mod safety;

pub use output::{default_output_dir, DocInput, ImportSummary};
pub use people::{PeopleFilter, PeoplePage};
pub use plan::StepInput;

use std::path::{Path, PathBuf};

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
    /// The ward's name as last opened, for the unlock screen (none before the first unlock).
    pub ward_name: Option<String>,
    /// The program's version (the workspace's, written once).
    pub version: &'static str,
    /// The open file is a province's ("Đơn vị cấp tỉnh"): the window shows the province's
    /// screens.
    pub province: bool,
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
        if store.path() == self.data_file().as_path() {
            if let Ok(u) = store.unit() {
                crate::paths::remember_ward_name(&self.data_dir, &u.name);
            }
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
        let province = match &self.store {
            Some(s) => crate::app::province::is_province(s)?,
            None => false,
        };
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
            ward_name: crate::paths::ward_name(&self.data_dir),
            open_file,
            unit,
            people,
            version: env!("CARGO_PKG_VERSION"),
            province,
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
        let store = crate::app::safety::create_ward(&self.data_file(), &new.passphrase, &new.unit)?;
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
        crate::auto_backup::set_keep(self.store_mut()?, n)?;
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
