//! The cadre list and records, as the app asks for them (each a call into `app::people`).

use super::Session;
use crate::app::people;
use crate::error::Result;

pub use crate::app::people::{PeopleFilter, PeoplePage};

impl Session {
    pub fn person(&self, id: i64) -> Result<crate::model::Person> {
        self.store()?.person(id)
    }

    /// A record as the window sent it (see `app::people::save_json`); a new record with the
    /// name and birth date of someone on record is refused with `CoreError::SamePerson`.
    pub fn save_person_json(&mut self, value: serde_json::Value) -> Result<i64> {
        people::save_json(self.store_mut()?, value)
    }

    /// As [`Session::save_person_json`]; `same_person_confirmed` is the clerk's answer to the
    /// question "đã có người cùng họ tên và ngày sinh, vẫn lưu?".
    pub fn save_person_json_checked(
        &mut self,
        value: serde_json::Value,
        same_person_confirmed: bool,
    ) -> Result<i64> {
        people::save_json_checked(self.store_mut()?, value, same_person_confirmed)
    }

    /// Adds a record (no id) or replaces it; returns its id.
    pub fn save_person(&mut self, p: crate::model::Person) -> Result<i64> {
        people::save(self.store_mut()?, &p)
    }

    pub fn person_history(&self, id: i64) -> Result<Vec<crate::store::AuditEntry>> {
        people::history(self.store()?, id)
    }

    /// Search as you type, one screenful.
    pub fn find_people(
        &self,
        query: &str,
        filter: &PeopleFilter,
        limit: usize,
    ) -> Result<PeoplePage> {
        people::find(self.store()?, query, filter, limit)
    }
}
