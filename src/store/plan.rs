//! Queries of the plan: entries (person × position × term) and their steps, review rounds, and
//! loading the plan a check reads. SQL only: the plan's rules (steps, ballots, statistics,
//! eligibility) live in `rules`.

use std::collections::HashMap;

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::{audit, Store};
use crate::error::{CoreError, Result};
use crate::model::plan::*;
use crate::model::PartialDate;
use crate::text::clean;

/// The plan of a term as the rules read it (kept here too for the exports that name it so).
pub use crate::rules::plan::PlanData;

pub(super) fn bad(field: &str, rule: &str, msg: String) -> CoreError {
    CoreError::validation(field, rule, msg)
}

/// One line of a term's plan, for lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanLine {
    pub entry_id: i64,
    pub person_id: i64,
    pub full_name: String,
    pub position_code: String,
    pub position_name: String,
    pub status: Option<PlanStep>,
    pub active: bool,
}

impl Store {
    fn load_entries(&self, term_id: i64) -> Result<Vec<PlanEntry>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT id, person_id, position_id, term_id, terms FROM plan_entry WHERE term_id = ?1 ORDER BY id")?;
        let mut entries: Vec<PlanEntry> = st
            .query_map([term_id], |r| {
                Ok(PlanEntry {
                    id: r.get(0)?,
                    person_id: r.get(1)?,
                    position_id: r.get(2)?,
                    term_id: r.get(3)?,
                    events: vec![],
                    terms: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let index: HashMap<i64, usize> =
            entries.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        let mut st = self.conn().prepare_cached(
            "SELECT ev.id, ev.entry_id, ev.step, ev.date, ev.decision_no, ev.decision_date, ev.review_year, ev.reason,
                    ev.note, ev.votes
             FROM plan_event ev JOIN plan_entry e ON e.id = ev.entry_id WHERE e.term_id = ?1 ORDER BY ev.id",
        )?;
        let mut rows = st.query([term_id])?;
        while let Some(r) = rows.next()? {
            let entry: i64 = r.get(1)?;
            let step: String = r.get(2)?;
            let date: String = r.get(3)?;
            let dd: Option<String> = r.get(5)?;
            let reason: Option<String> = r.get(7)?;
            let votes: Option<String> = r.get(9)?;
            let ev = PlanEvent {
                id: Some(r.get(0)?),
                step: PlanStep::from_code(&step)
                    .ok_or_else(|| bad("step", "stored_value", step.clone()))?,
                date: PartialDate::parse(&date).map_err(|e| bad("date", "stored_value", e.0))?,
                decision_no: r.get(4)?,
                decision_date: dd
                    .map(|d| {
                        PartialDate::parse(&d)
                            .map_err(|e| bad("decision_date", "stored_value", e.0))
                    })
                    .transpose()?,
                review_year: r.get(6)?,
                reason: reason.and_then(|c| RemovalReason::from_code(&c)),
                note: r.get(8)?,
                votes: votes.map(|v| serde_json::from_str(&v)).transpose()?,
            };
            if let Some(i) = index.get(&entry) {
                entries[*i].events.push(ev);
            }
        }
        Ok(entries)
    }

    /// Plans a person for a position in a term: creates the entry with its first step.
    pub fn plan_person(
        &mut self,
        term_code: &str,
        position_code: &str,
        person_id: i64,
        first: &PlanEvent,
    ) -> Result<i64> {
        let term = self.term(term_code)?;
        let pos = self.position(position_code)?;
        let person = self.person(person_id)?;
        let ev = first;
        let term_id = term.id.unwrap_or_default();
        let pos_id = pos.id.unwrap_or_default();
        let existing: Option<i64> = self
            .conn()
            .query_row(
                "SELECT id FROM plan_entry WHERE person_id = ?1 AND position_id = ?2 AND term_id = ?3",
                (person_id, pos_id, term_id),
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            return Err(bad(
                "position",
                "already_planned",
                format!("{} đã có trong quy hoạch {} nhiệm kỳ {} (mục số {id}); hãy thêm bước cho mục đó.", person.full_name, pos.name, term.code),
            ));
        }
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO plan_entry (person_id, position_id, term_id) VALUES (?1, ?2, ?3)",
            (person_id, pos_id, term_id),
        )?;
        let id = tx.last_insert_rowid();
        insert_event(&tx, id, ev)?;
        audit::write(
            &tx,
            "plan_entry",
            Some(id),
            "create",
            None,
            Some(&serde_json::json!({
            "person_id": person_id, "position": pos.code, "term": term.code, "event": ev })),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// A plan entry with its steps.
    pub fn plan_entry(&self, entry_id: i64) -> Result<PlanEntry> {
        let term_id: i64 = self
            .conn()
            .query_row(
                "SELECT term_id FROM plan_entry WHERE id = ?1",
                [entry_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                CoreError::not_found("entry", format!("Không có mục quy hoạch số {entry_id}."))
            })?;
        self.load_entries(term_id)?
            .into_iter()
            .find(|e| e.id == entry_id)
            .ok_or_else(|| {
                CoreError::not_found("entry", format!("Không có mục quy hoạch số {entry_id}."))
            })
    }

    /// Adds a step (approval, supplement, continuation, fulfilment, removal) to an entry, as
    /// given (checked by its use case, `app::plan::add_step`).
    pub fn add_plan_step(&mut self, entry_id: i64, ev: &PlanEvent) -> Result<()> {
        let prev = self.plan_entry(entry_id)?.events.last().cloned();
        let tx = self.tx()?;
        insert_event(&tx, entry_id, ev)?;
        audit::write(
            &tx,
            "plan_entry",
            Some(entry_id),
            "update",
            prev.as_ref(),
            Some(ev),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Sets whether an entry is planned for one term (đối tượng 1: 60 months of work left at the
    /// reference month) or two (đối tượng 2: 120 months), HD 45 §II.5.2
    /// (1 or 2, checked by `app::plan::set_entry_terms`).
    pub fn set_entry_terms(&mut self, entry_id: i64, terms: u8) -> Result<()> {
        let old: u8 = self
            .conn()
            .query_row(
                "SELECT terms FROM plan_entry WHERE id = ?1",
                [entry_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                CoreError::not_found("entry", format!("Không có mục quy hoạch số {entry_id}."))
            })?;
        let tx = self.tx()?;
        tx.execute(
            "UPDATE plan_entry SET terms = ?1 WHERE id = ?2",
            (terms, entry_id),
        )?;
        audit::write(
            &tx,
            "plan_entry",
            Some(entry_id),
            "update",
            Some(&serde_json::json!({ "terms": old })),
            Some(&serde_json::json!({ "terms": terms })),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn plan_entries(&self, term_code: &str) -> Result<Vec<PlanEntry>> {
        let term = self.term(term_code)?;
        self.load_entries(term.id.unwrap_or_default())
    }

    /// The plan of a term, grouped by position (highest first), people in list order.
    pub fn plan_lines(&self, term_code: &str) -> Result<Vec<PlanLine>> {
        let entries = self.plan_entries(term_code)?;
        let positions = self.positions()?;
        let order: HashMap<i64, usize> = self
            .list_people()?
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect();
        let names: HashMap<i64, String> = self
            .list_people()?
            .into_iter()
            .map(|p| (p.id, p.full_name))
            .collect();
        let mut lines: Vec<(usize, usize, PlanLine)> = entries
            .iter()
            .filter_map(|e| {
                let (pi, pos) = positions
                    .iter()
                    .enumerate()
                    .find(|(_, p)| p.id == Some(e.position_id))?;
                Some((
                    pi,
                    order.get(&e.person_id).copied().unwrap_or(usize::MAX),
                    PlanLine {
                        entry_id: e.id,
                        person_id: e.person_id,
                        full_name: names.get(&e.person_id).cloned().unwrap_or_default(),
                        position_code: pos.code.clone(),
                        position_name: pos.name.clone(),
                        status: e.status(),
                        active: e.is_active(),
                    },
                ))
            })
            .collect();
        lines.sort_by_key(|(pi, oi, _)| (*pi, *oi));
        Ok(lines.into_iter().map(|l| l.2).collect())
    }

    pub fn add_review_round(
        &mut self,
        term_code: &str,
        year: i32,
        name: &str,
        decision_no: &str,
    ) -> Result<i64> {
        let term = self.term(term_code)?;
        let name = clean(name);
        let name = if name.is_empty() {
            format!("Rà soát, bổ sung quy hoạch năm {year}")
        } else {
            name
        };
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO review_round (term_id, year, name, decision_no) VALUES (?1, ?2, ?3, ?4)",
            (term.id, year, &name, clean(decision_no)),
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                bad(
                    "year",
                    "duplicate_review",
                    format!("Nhiệm kỳ {} đã có đợt rà soát năm {year}.", term.code),
                )
            }
            e => e.into(),
        })?;
        let id = tx.last_insert_rowid();
        audit::write(
            &tx,
            "review_round",
            Some(id),
            "create",
            None,
            Some(&serde_json::json!({"term": term.code, "year": year, "name": name})),
        )?;
        tx.commit()?;
        Ok(id)
    }

    pub fn review_rounds(&self, term_code: &str) -> Result<Vec<ReviewRound>> {
        let term = self.term(term_code)?;
        let mut st = self.conn().prepare("SELECT id, term_id, year, name, decision_no FROM review_round WHERE term_id = ?1 ORDER BY year")?;
        let rows = st.query_map([term.id], |r| {
            Ok(ReviewRound {
                id: r.get(0)?,
                term_id: r.get(1)?,
                year: r.get(2)?,
                name: r.get(3)?,
                decision_no: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything the check of a term reads, in one read transaction.
    pub fn plan_data(&self, term_code: &str) -> Result<PlanData> {
        self.read(|s| s.load_plan_data(term_code))
    }

    fn load_plan_data(&self, term_code: &str) -> Result<PlanData> {
        let term = self.term(term_code)?;
        let rules = self.rules_for(&term)?;
        let entries = self.load_entries(term.id.unwrap_or_default())?;
        let mut people = HashMap::new();
        for e in &entries {
            if let std::collections::hash_map::Entry::Vacant(v) = people.entry(e.person_id) {
                v.insert(self.person(e.person_id)?);
            }
        }
        let review_years = self
            .review_rounds(term_code)?
            .into_iter()
            .map(|r| r.year)
            .collect();
        Ok(PlanData {
            rules,
            review_years,
            positions: self.positions()?,
            people,
            entries,
            targets: self.targets()?,
            place_name: self.unit()?.place_name,
            term,
        })
    }
}

pub(super) fn insert_event(tx: &rusqlite::Connection, entry_id: i64, ev: &PlanEvent) -> Result<()> {
    tx.execute(
        "INSERT INTO plan_event (entry_id, step, date, decision_no, decision_date, review_year, reason, note, votes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        (
            entry_id,
            ev.step.code(),
            ev.date.to_iso(),
            &ev.decision_no,
            ev.decision_date.map(|d| d.to_iso()),
            ev.review_year,
            ev.reason.map(|r| r.code()),
            &ev.note,
            ev.votes.map(|v| serde_json::to_string(&v)).transpose()?,
        ),
    )?;
    Ok(())
}
