//! Queries of the `doc_setting` table (the ward's document settings, one JSON value) and of the
//! `doc_number` register. The rules about them (what a setting may hold, when a number may be
//! issued or cancelled) are in `docs::settings`.

use rusqlite::OptionalExtension;

use super::{audit, Store};
use crate::docs::settings::{IssuedNumber, NewNumber};
use crate::error::Result;

const KEY: &str = "documents";

const REGISTER_SELECT: &str = "SELECT type_code, term, number, date, kind, plan_term, summary,
    cancelled_at, cancel_reason FROM doc_number";

fn register_row(r: &rusqlite::Row, issuer: &str) -> rusqlite::Result<IssuedNumber> {
    let type_code: String = r.get(0)?;
    let number: u32 = r.get(2)?;
    Ok(IssuedNumber {
        text: crate::docs::frame::number_text(number, &type_code, issuer),
        type_code,
        term: r.get(1)?,
        number,
        date: r.get(3)?,
        kind: r.get(4)?,
        plan_term: r.get(5)?,
        summary: r.get(6)?,
        cancelled_at: r.get(7)?,
        cancel_reason: r.get(8)?,
    })
}

impl Store {
    /// The settings as stored (JSON), if the ward saved any.
    pub(crate) fn doc_settings_json(&self) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM doc_setting WHERE key = ?1", [KEY], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Stores the settings (JSON) and audits the change from `old` to `new`.
    pub(crate) fn write_doc_settings<T: serde::Serialize>(
        &mut self,
        json: &str,
        old: &T,
        new: &T,
    ) -> Result<()> {
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO doc_setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (KEY, json),
        )?;
        audit::write(&tx, "doc_setting", None, "update", Some(old), Some(new))?;
        tx.commit()?;
        Ok(())
    }

    /// The next free number of a document type in a committee term (01 for the first). A
    /// cancelled number stays in the register, so it is never given again.
    pub fn next_doc_number(&self, type_code: &str, term: &str) -> Result<u32> {
        let n: Option<u32> = self.conn().query_row(
            "SELECT MAX(number) FROM doc_number WHERE type_code = ?1 AND term = ?2",
            (type_code, term),
            |r| r.get(0),
        )?;
        Ok(n.unwrap_or(0) + 1)
    }

    /// One number of the register, if it was issued.
    pub fn issued_number(
        &self,
        type_code: &str,
        term: &str,
        number: u32,
    ) -> Result<Option<IssuedNumber>> {
        let issuer = self.unit()?.issuer_code;
        Ok(self
            .conn()
            .query_row(
                &format!("{REGISTER_SELECT} WHERE type_code = ?1 AND term = ?2 AND number = ?3"),
                (type_code, term, number),
                |r| register_row(r, &issuer),
            )
            .optional()?)
    }

    /// The register: every issued number, newest first, cancelled ones with their reason.
    pub fn doc_register(&self) -> Result<Vec<IssuedNumber>> {
        let issuer = self.unit()?.issuer_code;
        let mut stmt = self.conn().prepare(&format!(
            "{REGISTER_SELECT} ORDER BY date DESC, type_code, term DESC, number DESC"
        ))?;
        let rows = stmt
            .query_map([], |r| register_row(r, &issuer))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Writes an issued number (again: a corrected reprint keeps it), audited.
    pub(crate) fn write_doc_number(&mut self, n: &NewNumber) -> Result<()> {
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO doc_number (type_code, term, number, date, summary, kind, plan_term)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (type_code, term, number) DO UPDATE SET date = excluded.date,
                 summary = excluded.summary, kind = excluded.kind, plan_term = excluded.plan_term",
            (
                n.type_code,
                &n.term,
                n.number,
                n.date.to_string(),
                &n.summary,
                n.kind,
                &n.plan_term,
            ),
        )?;
        audit::write(&tx, "doc_number", None, "create", None, Some(n))?;
        tx.commit()?;
        Ok(())
    }

    /// Marks an issued number cancelled on `old.cancelled_at` with its reason, audited.
    pub(crate) fn write_doc_number_cancelled(
        &mut self,
        old: &IssuedNumber,
        new: &IssuedNumber,
    ) -> Result<()> {
        let tx = self.tx()?;
        tx.execute(
            "UPDATE doc_number SET cancelled_at = ?4, cancel_reason = ?5
             WHERE type_code = ?1 AND term = ?2 AND number = ?3",
            (
                &new.type_code,
                &new.term,
                new.number,
                &new.cancelled_at,
                &new.cancel_reason,
            ),
        )?;
        audit::write(&tx, "doc_number", None, "update", Some(old), Some(new))?;
        tx.commit()?;
        Ok(())
    }
}
