//! Source programmes, the young-cadre list and rotation, as the window asks for them (each a
//! call into `app::{programmes, young, rotation}`). Writes answer with the programme as it now
//! stands, so the screen redraws from one reply.

use std::path::Path;

use super::Session;
use crate::app::programmes::{CriteriaForm, OutcomeInput, ProgrammeForm, RecordInput};
use crate::app::rotation::MovementInput;
use crate::app::{programmes, rotation, young};
use crate::error::Result;
use crate::model::plan::Programme;
use crate::model::programme::{CriteriaSet, Movement, ProgrammeSummary};
use crate::rules::rotation::RotationLists;
use crate::rules::young::{Assessment, YoungList};

impl Session {
    pub fn programmes(&self) -> Result<Vec<ProgrammeSummary>> {
        programmes::list(self.store()?)
    }

    pub fn programme(&self, id: i64) -> Result<Programme> {
        programmes::show(self.store()?, id)
    }

    pub fn create_programme(&mut self, form: ProgrammeForm) -> Result<Programme> {
        let id = programmes::create(self.store_mut()?, &form)?;
        self.programme(id)
    }

    /// Corrects a programme's details; its participants stay.
    pub fn update_programme(&mut self, id: i64, form: ProgrammeForm) -> Result<Programme> {
        programmes::update(self.store_mut()?, id, &form)?;
        self.programme(id)
    }

    /// Deletes a programme made by mistake (refused once it has participants).
    pub fn delete_programme(&mut self, id: i64) -> Result<Vec<ProgrammeSummary>> {
        programmes::delete(self.store_mut()?, id)?;
        self.programmes()
    }

    pub fn programme_candidates(&self, id: i64, date: &str) -> Result<Vec<Assessment>> {
        programmes::candidates(self.store()?, id, date)
    }

    pub fn propose_participant(
        &mut self,
        id: i64,
        person_id: i64,
        date: &str,
    ) -> Result<Programme> {
        programmes::propose(self.store_mut()?, id, person_id, date)?;
        self.programme(id)
    }

    pub fn approve_programme(
        &mut self,
        id: i64,
        decision_no: &str,
        date: &str,
    ) -> Result<Programme> {
        programmes::approve(self.store_mut()?, id, decision_no, date)?;
        self.programme(id)
    }

    pub fn add_programme_record(
        &mut self,
        id: i64,
        person_id: i64,
        input: RecordInput,
    ) -> Result<Programme> {
        programmes::add_record(self.store_mut()?, id, person_id, &input)?;
        self.programme(id)
    }

    pub fn set_programme_outcome(
        &mut self,
        id: i64,
        person_id: i64,
        input: OutcomeInput,
    ) -> Result<Programme> {
        programmes::set_outcome(self.store_mut()?, id, person_id, &input)?;
        self.programme(id)
    }

    /// Proposes many people (the young-cadre list) into a programme; each judged by its criteria.
    pub fn propose_list(
        &mut self,
        id: i64,
        person_ids: Vec<i64>,
        date: &str,
    ) -> Result<programmes::ProposeReport> {
        programmes::propose_list(self.store_mut()?, id, &person_ids, date)
    }

    pub fn export_programme(&self, id: i64, out: &Path) -> Result<usize> {
        programmes::export(self.store()?, id, out)
    }

    pub fn young_list(&self, criteria: CriteriaForm, date: &str) -> Result<YoungList> {
        young::list(self.store()?, &criteria, date)
    }

    pub fn export_young(&self, criteria: CriteriaForm, date: &str, out: &Path) -> Result<usize> {
        let store = self.store()?;
        young::export(store, &young::list(store, &criteria, date)?, out)
    }

    pub fn criteria_sets(&self) -> Result<Vec<CriteriaSet>> {
        young::sets(self.store()?)
    }

    pub fn save_criteria_set(
        &mut self,
        name: &str,
        criteria: CriteriaForm,
    ) -> Result<Vec<CriteriaSet>> {
        young::save_set(self.store_mut()?, name, &criteria)?;
        self.criteria_sets()
    }

    pub fn rotation_lists(&self, date: &str) -> Result<RotationLists> {
        rotation::lists(self.store()?, date)
    }

    pub fn export_rotation(&self, date: &str, out: &Path) -> Result<usize> {
        let store = self.store()?;
        rotation::export(store, &rotation::lists(store, date)?, out)
    }

    pub fn record_movement(&mut self, input: MovementInput) -> Result<Vec<Movement>> {
        rotation::record(self.store_mut()?, &input)?;
        rotation::movements(self.store()?, Some(input.person_id))
    }

    /// What the rotation lists count (years in a post, key posts not to be held by a local) and
    /// the wording of the rules they print.
    pub fn rotation_params(&self) -> Result<crate::rules::rotation::RotationParams> {
        crate::app::rotation::params(self.store()?)
    }

    pub fn save_rotation_params(
        &mut self,
        p: crate::rules::rotation::RotationParams,
    ) -> Result<crate::rules::rotation::RotationParams> {
        crate::app::rotation::save_params(self.store_mut()?, &p)?;
        crate::app::rotation::params(self.store()?)
    }
}
