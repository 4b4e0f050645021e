//! The encrypted store: one SQLCipher 4 file, opened once per session with the passphrase.
//! Queries live in one file per table; this file holds opening, keying and settings.

pub(crate) mod audit;
pub mod backup;
mod catalogue;
mod doc_settings;
pub(crate) mod migrations;
mod person;
pub mod plan;
pub mod programme;
pub mod province;
pub mod review;
mod unit;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, ErrorCode, OpenFlags};

pub use audit::AuditEntry;
pub use migrations::{latest_version, MIGRATIONS};

use crate::error::{CoreError, Result};
use crate::model::Unit;

/// Page cache in KiB (negative `cache_size`). The list and search read the people kept in memory
/// ([`Store::search_people`]), so a small cache costs nothing there; at 64 MB a 10,000-person ward
/// (31 MB) stayed decrypted whole after the backup on unlock: the app grew by 36 MB on opening
/// it, 13 MB at 8 MB (issue 26 §2; `cargo bench --bench store` prints what the core holds).
const CACHE_KIB: i64 = 8 * 1024;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    today: Option<NaiveDate>,
    /// Everyone's list line and folded search text, in list order; kept in memory only (never
    /// on disk) and dropped on every write to people, so lists and search-as-you-type stay fast.
    people_cache: std::cell::RefCell<Option<std::sync::Arc<Vec<person::CachedLine>>>>,
    /// How deep inside [`Store::write`] we are: 0 outside any use case's transaction. Every
    /// write of the store asks for [`Store::tx`], which refuses at 0, so nothing is written
    /// outside the one transaction of a use case.
    write_depth: u32,
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::NotADatabase)
}

/// Applies the key and proves it by reading; a wrong key fails here and writes nothing.
fn apply_key(conn: &Connection, passphrase: &str) -> Result<()> {
    // SQLCipher would otherwise print "hmac check failed" to stderr on a wrong key.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    conn.pragma_update(None, "key", passphrase)?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(e) if is_not_a_database(&e) => Err(CoreError::WrongPassphrase),
        Err(e) => Err(e.into()),
    }
}

fn configure(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA synchronous = FULL;
         PRAGMA cache_size = -{CACHE_KIB};"
    ))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    debug_assert_eq!(mode.to_lowercase(), "wal");
    Ok(())
}

/// Opens an existing file with its passphrase, without migrating it.
pub(crate) fn open_keyed(path: &Path, passphrase: &str) -> Result<Connection> {
    if !path.is_file() {
        return Err(CoreError::FileNotFound(path.to_path_buf()));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    apply_key(&conn, passphrase)?;
    Ok(conn)
}

fn remove_db_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

impl Store {
    /// Creates a new encrypted database for a ward. Refuses to overwrite an existing file.
    pub fn create(path: &Path, passphrase: &str, unit: &Unit) -> Result<Store> {
        let mut unit = unit.clone();
        crate::validate::normalize_unit(&mut unit);
        if path.exists() {
            return Err(CoreError::FileExists(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let result = (|| {
            let conn = Connection::open(path)?;
            apply_key(&conn, passphrase)?;
            configure(&conn)?;
            let mut store = Store {
                conn,
                path: path.to_path_buf(),
                today: None,
                people_cache: Default::default(),
                write_depth: 0,
            };
            migrations::migrate(&mut store.conn)?;
            store.write(|s| {
                s.ensure_default_rule_sets()?;
                s.set_meta("sort_key_version", crate::text::SORT_KEY_VERSION)?;
                s.set_meta("program_version", env!("CARGO_PKG_VERSION"))?;
                s.set_unit(&unit)
            })?;
            Ok(store)
        })();
        if result.is_err() {
            remove_db_files(path);
        }
        result
    }

    /// Opens an existing database. A wrong passphrase or a newer file changes nothing. A file
    /// of an older schema is first copied beside itself (`pre_upgrade_backup`), then migrated
    /// in one transaction: a migration that fails leaves it as it was.
    pub fn open(path: &Path, passphrase: &str) -> Result<Store> {
        Store::open_with(path, passphrase, MIGRATIONS)
    }

    pub(crate) fn open_with(path: &Path, passphrase: &str, list: &[(i64, &str)]) -> Result<Store> {
        let conn = open_keyed(path, passphrase)?;
        let found = migrations::schema_version(&conn)?;
        migrations::check_not_newer(&conn)?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            today: None,
            people_cache: Default::default(),
            write_depth: 0,
        };
        let latest = list.last().map(|m| m.0).unwrap_or(0);
        if found > 0 && found < latest {
            let dest = store.pre_upgrade_backup_path(found)?;
            if !dest.exists() {
                store.backup_unchecked(&dest, passphrase)?;
            }
        }
        migrations::migrate_with(&mut store.conn, list)?;
        store.write(|s| {
            s.set_meta("program_version", env!("CARGO_PKG_VERSION"))?;
            if s.meta("sort_key_version")?.as_deref() != Some(crate::text::SORT_KEY_VERSION) {
                s.rebuild_derived()?;
            }
            s.ensure_default_rule_sets()
        })?;
        Ok(store)
    }

    /// Changes the passphrase in place (`PRAGMA rekey`).
    pub fn change_passphrase(&mut self, new_passphrase: &str) -> Result<()> {
        // Rekey rewrites every page; do it outside WAL so no page stays under the old key.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        self.conn
            .query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
        let rekeyed = self.conn.pragma_update(None, "rekey", new_passphrase);
        configure(&self.conn)?;
        rekeyed?;
        Ok(())
    }

    /// Runs one use case: all its reading, checking and writing in one transaction
    /// (`BEGIN IMMEDIATE`), committed when `f` returns `Ok`, rolled back when it returns an
    /// error or panics. A refused action therefore writes nothing, not even an audit line.
    /// A use case called from inside another joins the outer transaction.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        if self.write_depth > 0 {
            self.write_depth += 1;
            let r = f(self);
            self.write_depth -= 1;
            return r;
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        self.write_depth = 1;
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self)));
        self.write_depth = 0;
        match r {
            Ok(Ok(v)) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(v),
                Err(e) => {
                    self.roll_back();
                    Err(e.into())
                }
            },
            Ok(Err(e)) => {
                self.roll_back();
                Err(e)
            }
            Err(panic) => {
                self.roll_back();
                std::panic::resume_unwind(panic)
            }
        }
    }

    fn roll_back(&mut self) {
        let _ = self.conn.execute_batch("ROLLBACK");
        // The cache may hold lines read inside the transaction that was undone.
        self.people_cache.replace(None);
    }

    /// Whether a use case's transaction is open (see [`Store::write`]).
    pub fn in_write(&self) -> bool {
        self.write_depth > 0
    }

    /// The part of a use case's transaction one store write takes (a savepoint inside it).
    /// Called outside [`Store::write`] (fixtures, tools), the savepoint is a transaction of its
    /// own: each store write is all or nothing either way. The use cases of `crate::app` always
    /// open one `write` around all their work (`tests/core/refusals.rs` reads them to be sure).
    /// Runs `f` as one read transaction: one snapshot of the file, and its locks taken once
    /// instead of for every statement. Reading 10,000 records one statement at a time locked and
    /// unlocked the file's shared memory each time: under wine a round trip to its server per
    /// statement, 8 of the 9 s a 10,000-person workbook took (issue 26 §2). Inside a write it is
    /// that write's transaction.
    pub fn read<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        /// Ends the read transaction however `f` ends (a read-only transaction has nothing to
        /// commit; rolling it back only releases the snapshot).
        struct End<'a>(&'a Connection);
        impl Drop for End<'_> {
            fn drop(&mut self) {
                if !self.0.is_autocommit() {
                    let _ = self.0.execute_batch("ROLLBACK");
                }
            }
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let _end = End(&self.conn);
        f(self)
    }

    pub(crate) fn tx(&mut self) -> Result<rusqlite::Savepoint<'_>> {
        Ok(self.conn.savepoint()?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The day used for "no date in the future" and age-at-entry checks.
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Fixes "today" (tests, reproducible demo data).
    pub fn set_today(&mut self, day: NaiveDate) {
        self.today = Some(day);
    }

    pub fn schema_version(&self) -> Result<i64> {
        migrations::schema_version(&self.conn)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The column mapping remembered for an import layout (JSON list of "C=khóa").
    pub fn import_map(&self, key: &str) -> Result<Option<Vec<String>>> {
        Ok(self
            .meta(key)?
            .and_then(|s| serde_json::from_str::<Vec<String>>(&s).ok()))
    }

    pub fn set_import_map(&self, key: &str, json: &str) -> Result<()> {
        self.set_meta(key, json)
    }

    /// Where the copy made before migrating an older file goes: beside it, named with the
    /// program version that last wrote it (files of 0.1.0 did not record it) and its schema,
    /// e.g. "phường Phổ Hòa (trước nâng cấp, bản 0.1.0, lược đồ 7).db".
    pub fn pre_upgrade_backup_path(&self, schema: i64) -> Result<PathBuf> {
        let old = self
            .meta("program_version")?
            .unwrap_or_else(|| "0.1.0".to_string());
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let ext = self
            .path
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default();
        Ok(self
            .path
            .with_file_name(crate::paths::pre_upgrade_name(&stem, &old, schema, &ext)))
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Row counts of every table, used to verify backups.
    pub fn table_counts(&self) -> Result<Vec<(String, i64)>> {
        table_counts(&self.conn)
    }

    /// Closes the connection, checkpointing the WAL into the main file.
    pub fn close(self) -> Result<()> {
        self.conn.close().map_err(|(_, e)| e.into())
    }
}

pub(crate) fn table_counts(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{name}\""), [], |r| {
            r.get(0)
        })?;
        out.push((name, n));
    }
    Ok(out)
}
