//! Terms, the plan board and its steps, as the window asks for them (each a call into `app`).

use super::Session;
use crate::app::forecast::{self, CellExplain, ForecastInput, ForecastView};
use crate::app::{board, plan};
use crate::error::Result;
use crate::model::plan::Term;

pub use crate::app::plan::StepInput;

impl Session {
    pub fn terms(&self) -> Result<Vec<Term>> {
        plan::terms(self.store()?)
    }

    /// A new term; the reference month is given as "mm/yyyy".
    pub fn add_term(&mut self, new: plan::NewTerm) -> Result<Vec<Term>> {
        plan::add_term(self.store_mut()?, &new)?;
        self.terms()
    }

    /// The reference month a new term of this kind starting this year takes by default.
    pub fn default_reference(&self, kind: &str, start_year: i32) -> Result<String> {
        plan::default_reference(self.store()?, kind, start_year)
    }

    /// One term (đối tượng 1) or two (đối tượng 2) for a plan entry.
    pub fn set_entry_terms(&mut self, entry_id: i64, terms: u8) -> Result<()> {
        plan::set_entry_terms(self.store_mut()?, entry_id, terms)
    }

    pub fn plan_board(&self, term: &str) -> Result<crate::app::board::Board> {
        board::board(self.store()?, term)
    }

    /// The candidates of a post judged for `terms` terms (đối tượng 1 or 2).
    pub fn plan_candidates(
        &self,
        term: &str,
        position: &str,
        terms: u8,
    ) -> Result<crate::app::board::Candidates> {
        board::candidates_for_terms(self.store()?, term, position, terms)
    }

    pub fn plan_person(
        &mut self,
        term: &str,
        position: &str,
        person_id: i64,
        step: StepInput,
    ) -> Result<i64> {
        plan::plan_person(self.store_mut()?, term, position, person_id, &step)
    }

    pub fn add_plan_step(&mut self, entry_id: i64, step: StepInput) -> Result<()> {
        plan::add_step(self.store_mut()?, entry_id, &step).map(|_| ())
    }

    /// The yearly review of a term in one go (continue or remove each planned person).
    pub fn review_round(
        &mut self,
        term: &str,
        input: crate::store::review::ReviewInput,
    ) -> Result<crate::store::review::ReviewOutcome> {
        plan::review(self.store_mut()?, term, &input)
    }

    /// The term's plan checked today (the checks screen).
    pub fn check(&self, term: &str) -> Result<crate::rules::check::CheckReport> {
        let s = self.store()?;
        plan::check(s, term, s.today())
    }

    /// The succession forecast as the Dự báo screen paints it.
    pub fn forecast(&self, input: &ForecastInput) -> Result<ForecastView> {
        forecast::view(self.store()?, input)
    }

    /// One cell of the forecast explained.
    pub fn forecast_cell(
        &self,
        input: &ForecastInput,
        code: &str,
        year: i32,
    ) -> Result<CellExplain> {
        forecast::explain(self.store()?, input, code, year)
    }

    /// The forecast's grid as an Excel workbook.
    pub fn export_forecast(&self, input: &ForecastInput, out: &std::path::Path) -> Result<usize> {
        forecast::export(self.store()?, input, out)
    }

    /// The plan assistant's proposal for a term (writes nothing).
    pub fn plan_suggest(
        &self,
        term: &str,
        options: &crate::rules::suggest::SuggestOptions,
    ) -> Result<crate::rules::suggest::Proposal> {
        crate::app::suggest::suggest(self.store()?, term, options)
    }

    /// The proposal's rows the clerk accepts, written in one go.
    pub fn plan_suggest_accept(
        &mut self,
        term: &str,
        rows: &[crate::app::suggest::Accepted],
        decision: &crate::app::suggest::Decision,
    ) -> Result<usize> {
        crate::app::suggest::accept(self.store_mut()?, term, rows, decision)
    }
}
