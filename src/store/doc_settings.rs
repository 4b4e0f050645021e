//! Queries of the `doc_setting` table (the ward's document settings, one JSON value) and of the
//! `doc_number` register (with `doc_number_correction`). The types of the register's lines are in `model::register`;
//! the rules about them (what a setting may hold, when a number may be issued or cancelled) are
//! in `docs::settings` and `docs::register`.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use super::{audit, Store};
use crate::error::Result;
use crate::model::register::{
    number_text, Correction, IssuedNumber, NewNumber, NumberState, SkippedNumbers,
};

const KEY: &str = "documents";

const REGISTER_SELECT: &str = "SELECT type_code, term, number, date, kind, plan_term, summary,
    cancelled_at, cancel_reason, state, scope, skip_reason FROM doc_number";

fn register_row(r: &rusqlite::Row, issuer: &str) -> rusqlite::Result<IssuedNumber> {
    let type_code: String = r.get(0)?;
    let number: u32 = r.get(2)?;
    let state: String = r.get(9)?;
    Ok(IssuedNumber {
        text: number_text(number, &type_code, issuer),
        type_code,
        term: r.get(1)?,
        number,
        state: NumberState::from_code(&state),
        date: r.get(3)?,
        kind: r.get(4)?,
        plan_term: r.get(5)?,
        scope: r.get(10)?,
        summary: r.get(6)?,
        cancelled_at: r.get(7)?,
        cancel_reason: r.get(8)?,
        skip_reason: r.get(11)?,
        corrections: Vec::new(),
    })
}

type NumberKey = (String, String, u32);

/// The corrections of issue dates, oldest first, by number.
fn corrections(conn: &Connection) -> Result<HashMap<NumberKey, Vec<Correction>>> {
    let mut stmt = conn.prepare(
        "SELECT type_code, term, number, recorded_on, old_date, new_date, reason
         FROM doc_number_correction ORDER BY id",
    )?;
    let mut out: HashMap<NumberKey, Vec<Correction>> = HashMap::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            (r.get(0)?, r.get(1)?, r.get(2)?),
            Correction {
                recorded_on: r.get(3)?,
                old_date: r.get(4)?,
                new_date: r.get(5)?,
                reason: r.get(6)?,
            },
        ))
    })?;
    for row in rows {
        let (key, c) = row?;
        out.entry(key).or_default().push(c);
    }
    Ok(out)
}

/// Rows of the register with their corrections.
fn register_rows(
    conn: &Connection,
    issuer: &str,
    filter: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<IssuedNumber>> {
    let mut fixes = corrections(conn)?;
    let mut stmt = conn.prepare(&format!("{REGISTER_SELECT} {filter}"))?;
    let mut rows = stmt
        .query_map(params, |r| register_row(r, issuer))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for row in &mut rows {
        if let Some(c) = fixes.remove(&(row.type_code.clone(), row.term.clone(), row.number)) {
            row.corrections = c;
        }
    }
    Ok(rows)
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
    /// cancelled or skipped number stays in the register, so it is never given again.
    pub fn next_doc_number(&self, type_code: &str, term: &str) -> Result<u32> {
        let n: Option<u32> = self.conn().query_row(
            "SELECT MAX(number) FROM doc_number WHERE type_code = ?1 AND term = ?2",
            (type_code, term),
            |r| r.get(0),
        )?;
        Ok(n.unwrap_or(0) + 1)
    }

    /// One number of the register (issued, cancelled or left blank), if it is in the register.
    pub fn issued_number(
        &self,
        type_code: &str,
        term: &str,
        number: u32,
    ) -> Result<Option<IssuedNumber>> {
        let issuer = self.unit()?.issuer_code;
        Ok(register_rows(
            self.conn(),
            &issuer,
            "WHERE type_code = ?1 AND term = ?2 AND number = ?3",
            (type_code, term, number),
        )?
        .pop())
    }

    /// The register of one document type in one committee term, by number.
    pub fn doc_numbers(&self, type_code: &str, term: &str) -> Result<Vec<IssuedNumber>> {
        let issuer = self.unit()?.issuer_code;
        register_rows(
            self.conn(),
            &issuer,
            "WHERE type_code = ?1 AND term = ?2 ORDER BY number",
            (type_code, term),
        )
    }

    /// The register: every number, newest first; cancelled ones with their reason, skipped ones
    /// with theirs, corrections of issue dates beside their number.
    pub fn doc_register(&self) -> Result<Vec<IssuedNumber>> {
        let issuer = self.unit()?.issuer_code;
        register_rows(
            self.conn(),
            &issuer,
            "ORDER BY date DESC, type_code, term DESC, number DESC",
            [],
        )
    }

    /// Writes an issued number and the numbers it skipped (left blank, with the reason), in
    /// one transaction, audited. A number already in the register is never overwritten: the
    /// insert fails instead.
    pub(crate) fn write_doc_issue(
        &mut self,
        n: &NewNumber,
        skipped: Option<&SkippedNumbers>,
    ) -> Result<()> {
        let tx = self.tx()?;
        if let Some(sk) = skipped {
            let mut insert = tx.prepare(
                "INSERT INTO doc_number (type_code, term, number, date, summary, state, skip_reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'bo_qua', ?6)",
            )?;
            for number in sk.first..=sk.last {
                insert.execute((
                    sk.type_code,
                    &sk.term,
                    number,
                    sk.date.to_string(),
                    &sk.summary,
                    &sk.reason,
                ))?;
            }
            drop(insert);
            audit::write(&tx, "doc_number", None, "create", None, Some(sk))?;
        }
        tx.execute(
            "INSERT INTO doc_number (type_code, term, number, date, summary, kind, plan_term, scope, state)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'da_cap')",
            (
                n.type_code,
                &n.term,
                n.number,
                n.date.to_string(),
                &n.summary,
                n.kind,
                &n.plan_term,
                &n.scope,
            ),
        )?;
        audit::write(&tx, "doc_number", None, "create", None, Some(n))?;
        tx.commit()?;
        Ok(())
    }

    /// Records a new issue date of an issued number (the first date stays), audited.
    pub(crate) fn write_doc_correction(
        &mut self,
        held: &IssuedNumber,
        c: &Correction,
    ) -> Result<()> {
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO doc_number_correction
                 (type_code, term, number, recorded_on, old_date, new_date, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (
                &held.type_code,
                &held.term,
                held.number,
                &c.recorded_on,
                &c.old_date,
                &c.new_date,
                &c.reason,
            ),
        )?;
        let mut new = held.clone();
        new.corrections.push(c.clone());
        audit::write(&tx, "doc_number", None, "update", Some(held), Some(&new))?;
        tx.commit()?;
        Ok(())
    }

    /// Marks an issued number cancelled on `new.cancelled_at` with its reason, audited.
    pub(crate) fn write_doc_number_cancelled(
        &mut self,
        old: &IssuedNumber,
        new: &IssuedNumber,
    ) -> Result<()> {
        let tx = self.tx()?;
        tx.execute(
            "UPDATE doc_number SET state = 'da_huy', cancelled_at = ?4, cancel_reason = ?5
             WHERE type_code = ?1 AND term = ?2 AND number = ?3 AND state = 'da_cap'",
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
