//! Queries of the plan: entries (person × position × term) and their steps, review rounds,
//! source programmes, and loading everything a check needs.

use std::collections::HashMap;

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::{audit, Store};
use crate::error::{CoreError, Result};
use crate::model::plan::*;
use crate::model::{PartialDate, Person};
use crate::rules::check::{check, CheckReport, PlanInput};
use crate::rules::ruleset::RuleSet;
use crate::rules::targets::Target;
use crate::text::clean;

fn bad(field: &str, msg: String) -> CoreError {
    CoreError::validation(field, "invalid", msg)
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

/// Everything a check reads, owned.
pub struct PlanData {
    pub term: Term,
    pub rules: RuleSet,
    pub positions: Vec<Position>,
    pub people: HashMap<i64, Person>,
    pub entries: Vec<PlanEntry>,
    pub targets: Vec<Target>,
    pub place_name: String,
}

impl PlanData {
    /// Statistics of the people actively planned for a body ("TAT_CA", "CHU_CHOT" or a position code).
    pub fn stats(&self, body: &str) -> crate::rules::stats::Stats {
        let place = crate::text::fold(&self.place_name);
        let params = &self.rules.params;
        let mut ids: Vec<i64> = self
            .entries
            .iter()
            .filter(|e| e.is_active())
            .filter(|e| {
                self.positions
                    .iter()
                    .find(|p| p.id == Some(e.position_id))
                    .is_some_and(|pos| match body {
                        "TAT_CA" => true,
                        "CHU_CHOT" => pos.key,
                        code => pos.code == code,
                    })
            })
            .map(|e| e.person_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let facts: Vec<(&Person, crate::rules::facts::PersonFacts)> = ids
            .iter()
            .filter_map(|id| self.people.get(id))
            .map(|p| {
                (
                    p,
                    crate::rules::facts::facts(p, self.term.reference_month, params, &place),
                )
            })
            .collect();
        let pairs: Vec<_> = facts.iter().map(|(p, f)| (*p, f)).collect();
        crate::rules::stats::stats(&pairs, params)
    }

    pub fn check(&self, as_of: chrono::NaiveDate) -> CheckReport {
        check(&PlanInput {
            term: &self.term,
            rules: &self.rules,
            positions: &self.positions,
            people: &self.people,
            entries: &self.entries,
            targets: &self.targets,
            place_name: &self.place_name,
            as_of,
        })
    }
}

/// Which steps may follow which: a removed or fulfilled entry is closed.
fn step_allowed(prev: Option<PlanStep>, next: PlanStep) -> bool {
    use PlanStep::*;
    match prev {
        None => matches!(next, Proposed | Supplemented),
        Some(Removed) | Some(Fulfilled) => false,
        Some(_) => next != Proposed,
    }
}

pub(super) fn validate_event(
    ev: &PlanEvent,
    prev: Option<&PlanEvent>,
    today: chrono::NaiveDate,
) -> Result<()> {
    if !step_allowed(prev.map(|p| p.step), ev.step) {
        return Err(bad(
            "step",
            match prev {
                Some(p) => format!(
                    "Bước “{}” không thể sau bước “{}”.",
                    ev.step.label(),
                    p.step.label()
                ),
                None => format!(
                    "Bước đầu tiên phải là “Đề xuất” hoặc “Bổ sung”, không phải “{}”.",
                    ev.step.label()
                ),
            },
        ));
    }
    if ev.date.earliest() > today {
        return Err(bad(
            "date",
            format!(
                "Ngày của bước “{}”: {} ở tương lai.",
                ev.step.label(),
                ev.date
            ),
        ));
    }
    if let Some(p) = prev {
        if ev.date.latest() < p.date.earliest() {
            return Err(bad(
                "date",
                format!("Ngày {} trước bước trước đó ({}).", ev.date, p.date),
            ));
        }
    }
    let needs_decision = matches!(ev.step, PlanStep::Approved | PlanStep::Removed);
    if needs_decision && (clean(&ev.decision_no).is_empty() || ev.decision_date.is_none()) {
        return Err(bad(
            "decision_no",
            format!("Bước “{}”: cần số và ngày quyết định.", ev.step.label()),
        ));
    }
    if ev.step == PlanStep::Removed && ev.reason.is_none() {
        return Err(bad("reason", "Đưa ra khỏi quy hoạch: cần lý do.".into()));
    }
    if ev.step == PlanStep::Supplemented && ev.review_year.is_none() {
        return Err(bad(
            "review_year",
            "Bổ sung quy hoạch: cần năm của đợt rà soát.".into(),
        ));
    }
    if let Some(v) = ev.votes {
        if v.present > v.summoned
            || v.returned > v.issued
            || v.valid > v.returned
            || v.agree > v.valid
        {
            return Err(bad(
                "votes",
                format!(
                    "Kết quả phiếu không hợp lý: triệu tập {}, có mặt {}, phát ra {}, thu về {}, hợp lệ {}, đồng ý {}.",
                    v.summoned, v.present, v.issued, v.returned, v.valid, v.agree
                ),
            ));
        }
    }
    Ok(())
}

impl Store {
    fn load_entries(&self, term_id: i64) -> Result<Vec<PlanEntry>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT id, person_id, position_id, term_id FROM plan_entry WHERE term_id = ?1 ORDER BY id")?;
        let mut entries: Vec<PlanEntry> = st
            .query_map([term_id], |r| {
                Ok(PlanEntry {
                    id: r.get(0)?,
                    person_id: r.get(1)?,
                    position_id: r.get(2)?,
                    term_id: r.get(3)?,
                    events: vec![],
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
                step: PlanStep::from_code(&step).ok_or_else(|| bad("step", step.clone()))?,
                date: PartialDate::parse(&date).map_err(|e| bad("date", e.0))?,
                decision_no: r.get(4)?,
                decision_date: dd
                    .map(|d| PartialDate::parse(&d).map_err(|e| bad("decision_date", e.0)))
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
        let mut ev = first.clone();
        ev.decision_no = clean(&ev.decision_no);
        ev.note = clean(&ev.note);
        validate_event(&ev, None, self.today())?;
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
                format!("{} đã có trong quy hoạch {} nhiệm kỳ {} (mục số {id}); hãy thêm bước cho mục đó.", person.full_name, pos.name, term.code),
            ));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO plan_entry (person_id, position_id, term_id) VALUES (?1, ?2, ?3)",
            (person_id, pos_id, term_id),
        )?;
        let id = tx.last_insert_rowid();
        insert_event(&tx, id, &ev)?;
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

    /// Adds a step (approval, supplement, continuation, fulfilment, removal) to an entry.
    pub fn add_plan_step(&mut self, entry_id: i64, ev: &PlanEvent) -> Result<()> {
        let term_id: i64 = self
            .conn()
            .query_row(
                "SELECT term_id FROM plan_entry WHERE id = ?1",
                [entry_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| bad("entry", format!("Không có mục quy hoạch số {entry_id}.")))?;
        let entry = self
            .load_entries(term_id)?
            .into_iter()
            .find(|e| e.id == entry_id);
        let prev = entry.as_ref().and_then(|e| e.events.last().cloned());
        let mut ev = ev.clone();
        ev.decision_no = clean(&ev.decision_no);
        ev.note = clean(&ev.note);
        validate_event(&ev, prev.as_ref(), self.today())?;
        let tx = self.conn.transaction()?;
        insert_event(&tx, entry_id, &ev)?;
        audit::write(
            &tx,
            "plan_entry",
            Some(entry_id),
            "update",
            prev.as_ref(),
            Some(&ev),
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
        let tx = self.conn.transaction()?;
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

    /// Everything the check of a term reads.
    pub fn plan_data(&self, term_code: &str) -> Result<PlanData> {
        let term = self.term(term_code)?;
        let rules = self.rules_for(&term)?;
        let entries = self.load_entries(term.id.unwrap_or_default())?;
        let mut people = HashMap::new();
        for e in &entries {
            if let std::collections::hash_map::Entry::Vacant(v) = people.entry(e.person_id) {
                v.insert(self.person(e.person_id)?);
            }
        }
        Ok(PlanData {
            rules,
            positions: self.positions()?,
            people,
            entries,
            targets: self.targets()?,
            place_name: self.unit()?.place_name,
            term,
        })
    }

    pub fn add_programme(
        &mut self,
        name: &str,
        decision_no: &str,
        start_year: i32,
        end_year: i32,
    ) -> Result<i64> {
        let name = clean(name);
        if name.is_empty() {
            return Err(bad("name", "Tên đề án: bắt buộc phải nhập.".into()));
        }
        if end_year < start_year {
            return Err(bad(
                "end_year",
                format!("Đề án: năm kết thúc {end_year} trước năm bắt đầu {start_year}."),
            ));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO programme (name, decision_no, start_year, end_year) VALUES (?1, ?2, ?3, ?4)",
            (&name, clean(decision_no), start_year, end_year),
        )?;
        let id = tx.last_insert_rowid();
        audit::write(
            &tx,
            "programme",
            Some(id),
            "create",
            None,
            Some(&serde_json::json!({"name": name})),
        )?;
        tx.commit()?;
        Ok(id)
    }

    pub fn enrol(
        &mut self,
        programme_id: i64,
        person_id: i64,
        selected_on: &PartialDate,
    ) -> Result<()> {
        self.programme(programme_id)?;
        let person = self.person(person_id)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO programme_member (programme_id, person_id, selected_on) VALUES (?1, ?2, ?3)",
            (programme_id, person_id, selected_on.to_iso()),
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                bad("person", format!("{} đã có trong đề án.", person.full_name))
            }
            e => e.into(),
        })?;
        audit::write(
            &tx,
            "programme",
            Some(programme_id),
            "update",
            None,
            Some(&serde_json::json!({"enrol": person_id})),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records a training ("dao_tao") or an evaluation ("danh_gia") of a participant.
    pub fn add_programme_record(
        &mut self,
        programme_id: i64,
        person_id: i64,
        rec: &ProgrammeRecord,
    ) -> Result<()> {
        if !matches!(rec.kind.as_str(), "dao_tao" | "danh_gia") {
            return Err(bad(
                "kind",
                format!(
                    "Loại “{}” không hợp lệ: dùng dao_tao hoặc danh_gia.",
                    rec.kind
                ),
            ));
        }
        let content = clean(&rec.content);
        if content.is_empty() {
            return Err(bad("content", "Nội dung: bắt buộc phải nhập.".into()));
        }
        let member: i64 = self
            .conn()
            .query_row(
                "SELECT id FROM programme_member WHERE programme_id = ?1 AND person_id = ?2",
                (programme_id, person_id),
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                bad(
                    "person",
                    format!("Người mã số {person_id} chưa có trong đề án số {programme_id}."),
                )
            })?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO programme_record (member_id, kind, date, content, result) VALUES (?1, ?2, ?3, ?4, ?5)",
            (member, &rec.kind, rec.date.to_iso(), &content, clean(&rec.result)),
        )?;
        audit::write(
            &tx,
            "programme",
            Some(programme_id),
            "update",
            None,
            Some(rec),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn programme(&self, id: i64) -> Result<Programme> {
        let (name, decision_no, start_year, end_year) = self
            .conn()
            .query_row(
                "SELECT name, decision_no, start_year, end_year FROM programme WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or_else(|| bad("programme", format!("Không có đề án số {id}.")))?;
        let mut st = self.conn().prepare(
            "SELECT m.id, m.person_id, p.full_name, m.selected_on FROM programme_member m JOIN person p ON p.id = m.person_id
             WHERE m.programme_id = ?1 ORDER BY p.sort_key",
        )?;
        let members: Vec<(i64, i64, String, String)> = st
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (mid, person_id, full_name, sel) in members {
            let mut st = self.conn().prepare("SELECT kind, date, content, result FROM programme_record WHERE member_id = ?1 ORDER BY date, id")?;
            let records: Vec<(String, String, String, String)> = st
                .query_map([mid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<_>>()?;
            out.push(ProgrammeMember {
                person_id,
                full_name,
                selected_on: PartialDate::parse(&sel).map_err(|e| bad("selected_on", e.0))?,
                records: records
                    .into_iter()
                    .map(|(kind, date, content, result)| {
                        Ok(ProgrammeRecord {
                            kind,
                            date: PartialDate::parse(&date).map_err(|e| bad("date", e.0))?,
                            content,
                            result,
                        })
                    })
                    .collect::<Result<_>>()?,
            });
        }
        Ok(Programme {
            id,
            name,
            decision_no,
            start_year,
            end_year,
            members: out,
        })
    }
}

pub(super) fn insert_event(
    tx: &rusqlite::Transaction,
    entry_id: i64,
    ev: &PlanEvent,
) -> Result<()> {
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
