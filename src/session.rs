//! What the desktop shell holds between commands: the data folder and, once unlocked, the
//! open store. Every Tauri command is one call to a method here, so this is tested without a WebView.

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
}

impl Session {
    pub fn new(data_dir: &Path) -> Session {
        Session {
            data_dir: data_dir.to_path_buf(),
            store: None,
        }
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
        Ok(SessionStatus {
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
        self.store = Some(store);
        self.status()
    }

    /// Opens the ward's database with its passphrase; a wrong one changes nothing.
    pub fn unlock(&mut self, passphrase: &str) -> Result<SessionStatus> {
        let store = Store::open(&self.data_file(), passphrase)?;
        self.store = Some(store);
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
        self.store = Some(store);
        self.status()
    }

    /// Closes the database; the passphrase is needed again.
    pub fn lock(&mut self) -> Result<SessionStatus> {
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
