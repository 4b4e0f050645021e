//! Terms, the plan board and its steps, as the app asks for them.

use serde::Deserialize;

use super::{day, Session};
use crate::error::{CoreError, Result};

/// A plan step as the app asks for it.
#[derive(Debug, Clone, Deserialize)]
pub struct StepInput {
    pub step: crate::model::plan::PlanStep,
    pub date: String,
    #[serde(default)]
    pub decision_no: String,
    #[serde(default)]
    pub decision_date: Option<String>,
    #[serde(default)]
    pub review_year: Option<i32>,
    #[serde(default)]
    pub reason: Option<crate::model::plan::RemovalReason>,
    #[serde(default)]
    pub note: String,
}

impl StepInput {
    fn event(&self) -> Result<crate::model::plan::PlanEvent> {
        let mut ev =
            crate::model::plan::PlanEvent::new(self.step, day("date", "Ngày", &self.date)?);
        ev.decision_no = self.decision_no.clone();
        ev.decision_date = match self.decision_date.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => Some(day("decision_date", "Ngày quyết định", t)?),
            _ => None,
        };
        ev.review_year = self.review_year;
        ev.reason = self.reason;
        ev.note = self.note.clone();
        Ok(ev)
    }
}

impl Session {
    pub fn terms(&self) -> Result<Vec<crate::model::plan::Term>> {
        self.store()?.terms()
    }

    /// A new term; the reference month is given as "mm/yyyy".
    pub fn add_term(
        &mut self,
        kind: crate::model::plan::TermKind,
        start_year: i32,
        end_year: i32,
        reference: &str,
    ) -> Result<Vec<crate::model::plan::Term>> {
        let d = day("reference_month", "Mốc tính tuổi", reference)?;
        let month = d.month().ok_or_else(|| {
            CoreError::validation(
                "reference_month",
                "month",
                "Mốc tính tuổi: cần tháng và năm (mm/yyyy).",
            )
        })?;
        let term = crate::model::plan::Term::new(
            kind,
            start_year,
            end_year,
            crate::rules::retirement::YearMonth::new(d.year(), month),
        );
        self.store_mut()?.add_term(&term)?;
        self.terms()
    }

    pub fn plan_board(&self, term: &str) -> Result<crate::board::Board> {
        self.store()?.plan_board(term)
    }

    pub fn plan_candidates(&self, term: &str, position: &str) -> Result<crate::board::Candidates> {
        self.store()?.plan_candidates(term, position)
    }

    pub fn plan_person(
        &mut self,
        term: &str,
        position: &str,
        person_id: i64,
        step: StepInput,
    ) -> Result<i64> {
        let ev = step.event()?;
        self.store_mut()?
            .plan_person(term, position, person_id, &ev)
    }

    pub fn add_plan_step(&mut self, entry_id: i64, step: StepInput) -> Result<()> {
        let ev = step.event()?;
        self.store_mut()?.add_plan_step(entry_id, &ev)
    }
}

impl Session {
    /// The yearly review of a term in one go (continue or remove each planned person).
    pub fn review_round(
        &mut self,
        term: &str,
        input: crate::store::review::ReviewInput,
    ) -> Result<crate::store::review::ReviewOutcome> {
        self.store_mut()?.review_round(term, &input)
    }
}
