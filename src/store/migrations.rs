//! Numbered SQL migrations embedded in the binary. Each runs in its own transaction together
//! with the `PRAGMA user_version` bump, so a file is never half-migrated.

use rusqlite::Connection;

use crate::error::{CoreError, Result};

/// (version, SQL). Append only: never edit a migration that has shipped.
pub const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/0001_init.sql")),
    (2, include_str!("../../migrations/0002_plan.sql")),
    (3, include_str!("../../migrations/0003_documents.sql")),
    (4, include_str!("../../migrations/0004_register.sql")),
    (5, include_str!("../../migrations/0005_hd45.sql")),
    (6, include_str!("../../migrations/0006_programmes.sql")),
    (7, include_str!("../../migrations/0007_register_states.sql")),
    (
        8,
        include_str!("../../migrations/0008_movement_decision_date.sql"),
    ),
    (9, include_str!("../../migrations/0009_province.sql")),
];

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a file written by a newer program before anything is changed.
pub fn check_not_newer(conn: &Connection) -> Result<i64> {
    let found = schema_version(conn)?;
    let supported = latest_version();
    if found > supported {
        return Err(CoreError::NewerSchema { found, supported });
    }
    Ok(found)
}

pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_with(conn, MIGRATIONS)
}

/// Runs the migrations of `list` the file lacks, all in one transaction: a migration that fails
/// rolls back every one before it, so the file stays exactly as the older program left it.
pub(crate) fn migrate_with(conn: &mut Connection, list: &[(i64, &str)]) -> Result<()> {
    let current = check_not_newer_than(conn, list.last().map(|m| m.0).unwrap_or(0))?;
    let pending: Vec<&(i64, &str)> = list.iter().filter(|(v, _)| *v > current).collect();
    let Some(last) = pending.last().map(|m| m.0) else {
        return Ok(());
    };
    let tx = conn.transaction()?;
    for (version, sql) in &pending {
        tx.execute_batch(sql)
            .map_err(|e| CoreError::MigrationFailed {
                from: current,
                to: last,
                step: *version,
                detail: e.to_string(),
            })?;
        tx.pragma_update(None, "user_version", version)?;
    }
    tx.commit()?;
    Ok(())
}

/// `check_not_newer` against the last version of a given list.
fn check_not_newer_than(conn: &Connection, supported: i64) -> Result<i64> {
    let found = schema_version(conn)?;
    if found > supported {
        return Err(CoreError::NewerSchema { found, supported });
    }
    Ok(found)
}
