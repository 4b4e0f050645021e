//! The audit log: who changed what and when, with the old and new values as JSON.
//! Written in the same transaction as the change it records.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// Local time, ISO 8601 with offset.
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub action: String,
    pub old_value: Option<serde_json::Value>,
    pub new_value: Option<serde_json::Value>,
}

fn actor() -> String {
    std::env::var("USERNAME")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_default()
}

pub(crate) fn write<T: Serialize>(
    conn: &Connection,
    entity: &str,
    entity_id: Option<i64>,
    action: &str,
    old: Option<&T>,
    new: Option<&T>,
) -> Result<()> {
    let old = old.map(serde_json::to_string).transpose()?;
    let new = new.map(serde_json::to_string).transpose()?;
    conn.execute(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        (
            chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
            actor(),
            entity,
            entity_id,
            action,
            old,
            new,
        ),
    )?;
    Ok(())
}

impl Store {
    /// The history of one record, oldest first.
    pub fn audit_history(&self, entity: &str, entity_id: i64) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, at, actor, entity, entity_id, action, old_value, new_value
             FROM audit_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
        )?;
        let rows = stmt.query_map((entity, entity_id), |r| {
            let json = |i: usize| -> rusqlite::Result<Option<serde_json::Value>> {
                let s: Option<String> = r.get(i)?;
                Ok(s.and_then(|s| serde_json::from_str(&s).ok()))
            };
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                action: r.get(5)?,
                old_value: json(6)?,
                new_value: json(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
