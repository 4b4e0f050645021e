//! The workbooks a ward exports, each a report table (`crate::report`) written as a sheet under
//! the frame every workbook shares (`sheet`), its title naming the term where it is about one.

use std::path::Path;

use super::sheet::{self, ExportMeta, ExportReport};
use crate::error::Result;
use crate::report::keys::PersonKey;
use crate::report::people::{count_row, person_cell};
use crate::report::plan::{plan_list_rows, review_rows, training_rows};
use crate::report::structure::structure_rows;
use crate::report::template::{term_title, Template};
use crate::report::{ReportTable, Row};
use crate::store::Store;

/// What a plan export needs besides the term: the year N whose ratings close the three-year window
/// (usually the year before the review), and the day the check is made.
#[derive(Debug, Clone)]
pub struct PlanExport<'a> {
    pub term_code: &'a str,
    /// N in the "Năm {N-2} / {N-1} / {N}" rating columns.
    pub rating_year: i32,
    pub as_of: chrono::NaiveDate,
}

/// Writes everyone (list order) into a new workbook at `out`; refuses to overwrite a file.
pub fn export_people(
    store: &Store,
    out: &Path,
    template: &Template,
    meta: &ExportMeta,
) -> Result<ExportReport> {
    let unit = store.unit()?;
    let keys = template
        .columns
        .iter()
        .map(|c| PersonKey::of(&c.key))
        .collect::<Result<Vec<_>>>()?;
    let mut rows: Vec<Row> = store
        .all_people()?
        .iter()
        .enumerate()
        .map(|(n, p)| Row::Data(keys.iter().map(|k| person_cell(p, *k, n + 1)).collect()))
        .collect();
    let count = rows.len();
    rows.push(count_row(template, count));
    sheet::save(out, &unit, &template.sheet, &template.table(rows), meta)
}

/// Saves a workbook about a term's plan (the sheet of `template`): its title names the term.
pub(crate) fn save_plan_sheet(
    store: &Store,
    out: &Path,
    template: &Template,
    meta: &ExportMeta,
    term_code: &str,
    table: &ReportTable,
) -> Result<ExportReport> {
    let mut table = table.clone();
    table.title = term_title(&table.title, term_code);
    sheet::save(out, &store.unit()?, &template.sheet, &table, meta)
}

/// A workbook of the term's plan: the table `build` makes from the plan data and the template.
fn plan_sheet(
    store: &Store,
    out: &Path,
    template: &Template,
    meta: &ExportMeta,
    opt: &PlanExport,
    build: impl FnOnce(&crate::store::plan::PlanData, &Template) -> Result<ReportTable>,
) -> Result<ExportReport> {
    let data = store.plan_data(opt.term_code)?;
    let table = build(&data, template)?;
    save_plan_sheet(store, out, template, meta, opt.term_code, &table)
}

/// Danh sách trích ngang: everyone actively planned in the term, grouped by position.
pub fn export_plan_list(
    store: &Store,
    out: &Path,
    template: &Template,
    meta: &ExportMeta,
    opt: &PlanExport,
) -> Result<ExportReport> {
    plan_sheet(store, out, template, meta, opt, |data, t| {
        plan_list_rows(data, t, opt.rating_year)
    })
}

/// Kết quả rà soát of `review_year`: I. added, II. continued, III. removed (reason, decision).
pub fn export_review(
    store: &Store,
    out: &Path,
    template: &Template,
    meta: &ExportMeta,
    opt: &PlanExport,
    review_year: i32,
) -> Result<ExportReport> {
    // "NĂM {N}" in the title is the year reviewed; {N} in the rating headers is the
    // last rated year.
    let mut template = template.clone();
    template.title = template.title.replace("{N}", &review_year.to_string());
    plan_sheet(store, out, &template, meta, opt, |data, t| {
        review_rows(data, t, opt.rating_year, review_year)
    })
}

/// People planned for a post whose standard they do not meet yet, with what they lack.
pub fn export_training_gaps(
    store: &Store,
    out: &Path,
    template: &Template,
    meta: &ExportMeta,
    opt: &PlanExport,
) -> Result<ExportReport> {
    plan_sheet(store, out, template, meta, opt, |data, t| {
        training_rows(data, t, opt.rating_year, opt.as_of)
    })
}

/// The structure and quality table of everyone actively planned in a term.
pub fn export_structure(
    store: &Store,
    out: &Path,
    template: &Template,
    meta: &ExportMeta,
    term_code: &str,
) -> Result<ExportReport> {
    let data = store.plan_data(term_code)?;
    let table = structure_rows(&data, template)?;
    save_plan_sheet(store, out, template, meta, term_code, &table)
}
