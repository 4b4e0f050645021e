//! The yearly review round (rà soát, bổ sung) in one go: the round itself and, for each planned
//! person, continue or remove — all in one transaction, so a bad line leaves nothing half done.

use super::plan::insert_event;
use super::{audit, Store};
use crate::error::{CoreError, Result};
use crate::model::plan::{PlanEvent, PlanStep};
use crate::text::clean;

pub use crate::model::plan::{ReviewInput, ReviewItem, ReviewOutcome};

impl Store {
    /// Records a review round of `term_code` and its decisions (each entry's step, checked by
    /// `rules::steps::review_events`); all or nothing.
    pub fn review_round(
        &mut self,
        term_code: &str,
        input: &ReviewInput,
        events: &[(i64, PlanEvent)],
    ) -> Result<ReviewOutcome> {
        let term = self.term(term_code)?;
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
        for (entry_id, ev) in events {
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
