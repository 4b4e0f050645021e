//! Source programmes (đề án tạo nguồn): the programme, its participants and their records.

use serde::Deserialize;

use super::parse_date;
use crate::error::Result;
use crate::model::plan::{Programme, ProgrammeRecord};
use crate::store::Store;

/// Creates a programme; returns its id.
pub fn add(store: &mut Store, name: &str, decision_no: &str, from: i32, to: i32) -> Result<i64> {
    store.add_programme(name, decision_no, from, to)
}

/// Selects a person into a programme on a day (as typed).
pub fn enrol(store: &mut Store, programme: i64, person: i64, date: &str) -> Result<()> {
    let day = parse_date("date", "Ngày được chọn", date)?;
    store.enrol(programme, person, &day)
}

/// A training or an evaluation of a participant, as the clerk gives it.
#[derive(Debug, Clone, Deserialize)]
pub struct RecordInput {
    /// "dao_tao" or "danh_gia".
    pub kind: String,
    pub date: String,
    pub content: String,
    #[serde(default)]
    pub result: String,
}

pub fn add_record(
    store: &mut Store,
    programme: i64,
    person: i64,
    input: &RecordInput,
) -> Result<()> {
    let rec = ProgrammeRecord {
        kind: input.kind.trim().to_string(),
        date: parse_date("date", "Ngày", &input.date)?,
        content: input.content.clone(),
        result: input.result.clone(),
    };
    store.add_programme_record(programme, person, &rec)
}

pub fn show(store: &Store, id: i64) -> Result<Programme> {
    store.programme(id)
}
