//! Lists sent as annexes — the structure and quality table and the people to train — printed from
//! the same report tables as the Excel exports, so a ward's template decides the columns of both
//! the workbook and the printed list.

use super::frame;
use super::{DocRequest, Resolved};
use crate::document::{Document, Orientation};
use crate::error::Result;
use crate::model::Unit;
use crate::report::ReportTable;
use crate::report::{ExportKind, Template};
use crate::store::plan::PlanData;
use crate::store::Store;

/// The structure and quality table of a term's plan.
pub(super) fn build_structure(
    store: &Store,
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
) -> Result<Document> {
    list(store, unit, req, r, ExportKind::CoCau, |data, t| {
        crate::report::structure::structure_rows(data, t)
    })
}

/// The people of a term's plan who lack a training their post requires.
pub(super) fn build_training(
    store: &Store,
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
) -> Result<Document> {
    list(store, unit, req, r, ExportKind::DaoTao, |data, t| {
        crate::report::plan::training_rows(data, t, req.year - 1, req.date)
    })
}

/// A list of a term's plan in the columns of `kind`'s shipped template; made for one approving
/// body, only the posts it approves (seed 004).
fn list(
    store: &Store,
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
    kind: ExportKind,
    rows: impl FnOnce(&PlanData, &Template) -> Result<ReportTable>,
) -> Result<Document> {
    let term = req.term_code.as_deref().unwrap_or_default();
    let mut data = store.plan_data(term)?;
    if req.approving_body.is_some() {
        super::approval::select(&mut data, req.approving_body.as_deref(), unit)?;
    }
    let t = kind.default_template();
    let table = rows(&data, &t)?;
    let title = format!("{} nhiệm kỳ {}", t.title, term_label(term));
    annex(unit, req, r, title, table)
}

/// A list on its own landscape page: the header, its title (and the document it goes with),
/// the table and the signature.
fn annex(
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
    title: String,
    table: ReportTable,
) -> Result<Document> {
    let layout = &r.settings.layout;
    let mut s = frame::section(Orientation::Landscape, &r.settings);
    s.push(frame::header(unit, None, req.date, layout));
    s.blocks.extend(frame::annex_heading(
        None,
        &title,
        req.attached_to.as_deref(),
    ));
    let recipients = frame::recipient_lines(&r.recipients, false);
    s.push(frame::annex_table(table));
    s.push(frame::signature(&r.signer, &recipients, layout));
    Ok(Document {
        title: req.kind.label().to_string(),
        sections: vec![s],
    })
}

/// "2030 – 2035" from a term code "2030-2035".
pub fn term_label(code: &str) -> String {
    match code.split_once('-') {
        Some((a, b)) => format!("{a} – {b}"),
        None => code.to_string(),
    }
}
