//! Queries of the province's tables (migration 0009): the wards it knows, the packages received
//! and the entries of the current ones. The checks and messages are `app::province`'s.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::Store;
use crate::error::Result;

/// A ward whose key the province registered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WardKeyRow {
    pub code: String,
    pub name: String,
    pub key_id: String,
    pub public_key: String,
    pub registered_at: String,
}

/// A package as the province keeps it (without its bytes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackageRow {
    pub id: i64,
    pub ward_code: String,
    pub term: String,
    pub created_at: String,
    pub received_at: String,
    pub file_name: String,
    pub sha256: String,
    pub format_version: i64,
    pub program_version: String,
    pub schema_version: i64,
    pub classification: String,
    pub to_trinh: Option<String>,
    pub current: bool,
    pub people: i64,
    pub entries: i64,
    pub ward_violations: i64,
    pub ward_warnings: i64,
    pub rule_set: String,
    pub violations: i64,
    pub warnings: i64,
    pub targets_met: i64,
    pub targets_total: i64,
    /// Statistics of everyone in the plan, JSON.
    pub stats: String,
}

/// One entry of a current package, for lists across wards.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryRow {
    pub ward_code: String,
    pub person_id: i64,
    pub full_name: String,
    pub folded_name: String,
    pub birth_date: String,
    pub sex: String,
    pub age: i64,
    pub position_code: String,
    pub position_name: String,
    /// The bodies the post belongs to, "|BCH|BTV|CHU_CHOT|".
    pub bodies: String,
    pub active: bool,
}

const PACKAGE_COLUMNS: &str = "id, ward_code, term, created_at, received_at, file_name, sha256,
    format_version, program_version, schema_version, classification, to_trinh, current, people,
    entries, ward_violations, ward_warnings, rule_set, violations, warnings, targets_met,
    targets_total, stats";

fn package_row(r: &rusqlite::Row) -> rusqlite::Result<PackageRow> {
    Ok(PackageRow {
        id: r.get(0)?,
        ward_code: r.get(1)?,
        term: r.get(2)?,
        created_at: r.get(3)?,
        received_at: r.get(4)?,
        file_name: r.get(5)?,
        sha256: r.get(6)?,
        format_version: r.get(7)?,
        program_version: r.get(8)?,
        schema_version: r.get(9)?,
        classification: r.get(10)?,
        to_trinh: r.get(11)?,
        current: r.get(12)?,
        people: r.get(13)?,
        entries: r.get(14)?,
        ward_violations: r.get(15)?,
        ward_warnings: r.get(16)?,
        rule_set: r.get(17)?,
        violations: r.get(18)?,
        warnings: r.get(19)?,
        targets_met: r.get(20)?,
        targets_total: r.get(21)?,
        stats: r.get(22)?,
    })
}

impl Store {
    pub fn prov_wards(&self) -> Result<Vec<WardKeyRow>> {
        let mut st = self.conn().prepare(
            "SELECT code, name, key_id, public_key, registered_at FROM prov_ward ORDER BY code",
        )?;
        let rows = st.query_map([], |r| {
            Ok(WardKeyRow {
                code: r.get(0)?,
                name: r.get(1)?,
                key_id: r.get(2)?,
                public_key: r.get(3)?,
                registered_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn prov_add_ward(&mut self, w: &WardKeyRow) -> Result<()> {
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO prov_ward (code, name, key_id, public_key, registered_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, key_id = excluded.key_id,
               public_key = excluded.public_key, registered_at = excluded.registered_at",
            (&w.code, &w.name, &w.key_id, &w.public_key, &w.registered_at),
        )?;
        super::audit::write(&tx, "prov_ward", None, "create", None, Some(w))?;
        tx.commit()?;
        Ok(())
    }

    pub fn prov_package_by_sha(&self, sha256: &str) -> Result<Option<PackageRow>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {PACKAGE_COLUMNS} FROM prov_package WHERE sha256 = ?1"),
                [sha256],
                package_row,
            )
            .optional()?)
    }

    /// The current package of a ward for a term.
    pub fn prov_current(&self, ward: &str, term: &str) -> Result<Option<PackageRow>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {PACKAGE_COLUMNS} FROM prov_package WHERE ward_code = ?1 AND term = ?2 AND current = 1"),
                [ward, term],
                package_row,
            )
            .optional()?)
    }

    /// Packages: the current ones (of a term, or every term), or all of them (history).
    pub fn prov_packages(&self, term: Option<&str>, current_only: bool) -> Result<Vec<PackageRow>> {
        let mut st = self.conn().prepare(&format!(
            "SELECT {PACKAGE_COLUMNS} FROM prov_package
             WHERE (?1 IS NULL OR term = ?1) AND (?2 = 0 OR current = 1)
             ORDER BY ward_code, term, created_at DESC"
        ))?;
        let rows = st.query_map(params![term, current_only], package_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The terms of the packages received, newest first.
    pub fn prov_terms(&self) -> Result<Vec<String>> {
        let mut st = self
            .conn()
            .prepare("SELECT DISTINCT term FROM prov_package ORDER BY term DESC")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The verified SQLite bytes of a package.
    pub fn prov_content(&self, id: i64) -> Result<Vec<u8>> {
        Ok(self.conn().query_row(
            "SELECT content FROM prov_package WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Keeps a package; as the current one of its ward and term (the entries replace those
    /// of the one before, which stays in the history) or only in the history.
    pub fn prov_insert_package(
        &mut self,
        p: &PackageRow,
        content: &[u8],
        entries: &[EntryRow],
    ) -> Result<i64> {
        let tx = self.tx()?;
        if p.current {
            tx.execute(
                "DELETE FROM prov_entry WHERE package_id IN
                   (SELECT id FROM prov_package WHERE ward_code = ?1 AND term = ?2)",
                (&p.ward_code, &p.term),
            )?;
            tx.execute(
                "UPDATE prov_package SET current = 0 WHERE ward_code = ?1 AND term = ?2",
                (&p.ward_code, &p.term),
            )?;
        }
        tx.execute(
            "INSERT INTO prov_package (ward_code, term, created_at, received_at, file_name, sha256,
               format_version, program_version, schema_version, classification, to_trinh, current,
               people, entries, ward_violations, ward_warnings, rule_set, violations, warnings,
               targets_met, targets_total, stats, content)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
               ?18, ?19, ?20, ?21, ?22, ?23)",
            params![
                p.ward_code,
                p.term,
                p.created_at,
                p.received_at,
                p.file_name,
                p.sha256,
                p.format_version,
                p.program_version,
                p.schema_version,
                p.classification,
                p.to_trinh,
                p.current,
                p.people,
                p.entries,
                p.ward_violations,
                p.ward_warnings,
                p.rule_set,
                p.violations,
                p.warnings,
                p.targets_met,
                p.targets_total,
                p.stats,
                content
            ],
        )?;
        let id = tx.last_insert_rowid();
        if p.current {
            insert_entries(&tx, id, entries)?;
        }
        let mut logged = p.clone();
        logged.id = id;
        logged.stats = String::new();
        super::audit::write(&tx, "prov_package", Some(id), "create", None, Some(&logged))?;
        tx.commit()?;
        Ok(id)
    }

    /// The check's figures of a package again (the province's rule set changed).
    pub fn prov_set_check(
        &mut self,
        id: i64,
        rule_set: &str,
        counts: (i64, i64, i64, i64),
        stats: &str,
    ) -> Result<()> {
        let tx = self.tx()?;
        tx.execute(
            "UPDATE prov_package SET rule_set = ?2, violations = ?3, warnings = ?4, targets_met = ?5,
               targets_total = ?6, stats = ?7 WHERE id = ?1",
            params![id, rule_set, counts.0, counts.1, counts.2, counts.3, stats],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The posts planned in the current packages of a term (code, name), by code.
    pub fn prov_posts(&self, term: &str) -> Result<Vec<(String, String)>> {
        let mut st = self.conn().prepare(
            "SELECT e.position_code, min(e.position_name) FROM prov_entry e
             JOIN prov_package p ON p.id = e.package_id
             WHERE p.current = 1 AND p.term = ?1 AND e.active = 1
             GROUP BY e.position_code ORDER BY e.position_code",
        )?;
        let rows = st.query_map([term], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Entries of the current packages of a term, filtered in SQL: a post's code, a body
    /// ("|BCH|"), an age under which, a folded name fragment.
    pub fn prov_entries(
        &self,
        term: &str,
        position: Option<&str>,
        body: Option<&str>,
        under: Option<i64>,
        folded_name: Option<&str>,
    ) -> Result<Vec<EntryRow>> {
        let mut st = self.conn().prepare(
            "SELECT e.ward_code, e.person_id, e.full_name, e.folded_name, e.birth_date, e.sex, e.age,
                    e.position_code, e.position_name, e.bodies, e.active
             FROM prov_entry e JOIN prov_package p ON p.id = e.package_id
             WHERE p.current = 1 AND p.term = ?1 AND e.active = 1
               AND (?2 IS NULL OR e.position_code = ?2)
               AND (?3 IS NULL OR instr(e.bodies, '|' || ?3 || '|') > 0)
               AND (?4 IS NULL OR e.age < ?4)
               AND (?5 IS NULL OR instr(e.folded_name, ?5) > 0)
             ORDER BY e.ward_code, e.folded_name, e.position_code",
        )?;
        let rows = st.query_map(params![term, position, body, under, folded_name], |r| {
            Ok(EntryRow {
                ward_code: r.get(0)?,
                person_id: r.get(1)?,
                full_name: r.get(2)?,
                folded_name: r.get(3)?,
                birth_date: r.get(4)?,
                sex: r.get(5)?,
                age: r.get(6)?,
                position_code: r.get(7)?,
                position_name: r.get(8)?,
                bodies: r.get(9)?,
                active: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn insert_entries(tx: &rusqlite::Connection, id: i64, entries: &[EntryRow]) -> Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO prov_entry (package_id, ward_code, person_id, full_name, folded_name, birth_date,
           sex, age, position_code, position_name, bodies, active)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for e in entries {
        st.execute(params![
            id,
            e.ward_code,
            e.person_id,
            e.full_name,
            e.folded_name,
            e.birth_date,
            e.sex,
            e.age,
            e.position_code,
            e.position_name,
            e.bodies,
            e.active
        ])?;
    }
    Ok(())
}
