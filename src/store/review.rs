//! The yearly review round (rà soát, bổ sung) in one go: the round itself and, for each planned
//! person, continue or remove — all in one transaction, so a bad line leaves nothing half done.

use serde::{Deserialize, Serialize};

use super::plan::insert_event;
use super::{audit, Store};
use crate::error::{CoreError, Result};
use crate::model::plan::{PlanEvent, PlanStep, RemovalReason};
use crate::model::PartialDate;
use crate::rules::steps::validate_event;
use crate::text::clean;

/// What the review decides for one entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewItem {
    pub entry_id: i64,
    /// `tiep_tuc` or `dua_ra`.
    pub step: PlanStep,
    #[serde(default)]
    pub reason: Option<RemovalReason>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    pub year: i32,
    pub date: PartialDate,
    #[serde(default)]
    pub decision_no: String,
    #[serde(default)]
    pub decision_date: Option<PartialDate>,
    pub items: Vec<ReviewItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewOutcome {
    pub round_id: i64,
    pub continued: usize,
    pub removed: usize,
}

impl Store {
    /// Records a review round of `term_code` and its decisions; all or nothing.
    pub fn review_round(&mut self, term_code: &str, input: &ReviewInput) -> Result<ReviewOutcome> {
        let term = self.term(term_code)?;
        let entries = self.plan_entries(term_code)?;
        let today = self.today();
        let mut events = Vec::with_capacity(input.items.len());
        for (i, item) in input.items.iter().enumerate() {
            if !matches!(item.step, PlanStep::Continued | PlanStep::Removed) {
                return Err(CoreError::validation(
                    &format!("items[{i}].step"),
                    "review_step",
                    "Rà soát: mỗi người chỉ có thể “Tiếp tục quy hoạch” hoặc “Đưa ra khỏi quy hoạch”.",
                ));
            }
            let entry = entries
                .iter()
                .find(|e| e.id == item.entry_id)
                .ok_or_else(|| {
                    CoreError::validation(
                        &format!("items[{i}].entry_id"),
                        "unknown_entry",
                        format!(
                            "Rà soát: không có mục quy hoạch số {} trong nhiệm kỳ {term_code}.",
                            item.entry_id
                        ),
                    )
                })?;
            let mut ev = PlanEvent::new(item.step, input.date);
            ev.review_year = Some(input.year);
            ev.decision_no = clean(&input.decision_no);
            ev.decision_date = input.decision_date;
            ev.reason = item.reason;
            ev.note = clean(&item.note);
            validate_event(&ev, entry.events.last(), today)?;
            events.push((entry.id, ev));
        }
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO review_round (term_id, year, name, decision_no) VALUES (?1, ?2, ?3, ?4)",
            (
                term.id,
                input.year,
                format!("Rà soát, bổ sung quy hoạch năm {}", input.year),
                clean(&input.decision_no),
            ),
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                CoreError::validation(
                    "year",
                    "duplicate_round",
                    format!(
                        "Nhiệm kỳ {} đã có đợt rà soát năm {}.",
                        term.code, input.year
                    ),
                )
            }
            e => e.into(),
        })?;
        let round_id = tx.last_insert_rowid();
        for (entry_id, ev) in &events {
            insert_event(&tx, *entry_id, ev)?;
        }
        audit::write(
            &tx,
            "review_round",
            Some(round_id),
            "create",
            None,
            Some(input),
        )?;
        tx.commit()?;
        Ok(ReviewOutcome {
            round_id,
            continued: events
                .iter()
                .filter(|e| e.1.step == PlanStep::Continued)
                .count(),
            removed: events
                .iter()
                .filter(|e| e.1.step == PlanStep::Removed)
                .count(),
        })
    }
}
