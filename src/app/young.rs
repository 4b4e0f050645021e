//! Young cadres (seed 001): the people meeting a set of criteria on a day, and those short of
//! one criterion with the reason; saved criteria sets; the list's workbook (its table in
//! `report::lists`).

use std::collections::HashMap;
use std::path::Path;

use super::parse_date;
use super::programmes::CriteriaForm;
use crate::error::Result;
use crate::model::programme::CriteriaSet;
use crate::rules::young::{young_list, YoungList};
use crate::store::Store;

/// The list on a day (as typed) for criteria from a form.
pub fn list(store: &Store, criteria: &CriteriaForm, day: &str) -> Result<YoungList> {
    let c = criteria.read()?;
    let as_of = parse_date("as_of", "Ngày xét", day)?.earliest();
    let people = store.all_people()?;
    let names: HashMap<String, String> = store
        .positions()?
        .into_iter()
        .map(|p| (p.code, p.name))
        .collect();
    Ok(young_list(
        &people,
        &c,
        &store.active_plan_posts()?,
        &names,
        as_of,
    ))
}

/// Saves a criteria set under a name (replacing one of that name); returns its id.
pub fn save_set(store: &mut Store, name: &str, criteria: &CriteriaForm) -> Result<i64> {
    store.write(|store| {
        let c = criteria.read()?;
        if crate::text::clean(name).is_empty() {
            return Err(super::invalid(
                "name",
                "required",
                "Tên bộ tiêu chí: bắt buộc phải nhập.".into(),
            ));
        }
        store.save_criteria_set(&CriteriaSet {
            id: None,
            name: name.into(),
            criteria: c,
        })
    })
}

pub fn sets(store: &Store) -> Result<Vec<CriteriaSet>> {
    store.criteria_sets()
}

pub fn remove_set(store: &mut Store, id: i64) -> Result<()> {
    store.write(|store| store.remove_criteria_set(id))
}

/// Saves the list as an Excel workbook (never over an existing file).
pub fn export(store: &Store, l: &YoungList, out: &Path) -> Result<usize> {
    super::programmes::save_table(
        store,
        &crate::report::lists::young_table(l),
        "Can bo tre",
        out,
    )
}
