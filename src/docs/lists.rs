//! Lists sent as annexes — the structure and quality table and the people to train — printed from
//! the same report tables as the Excel exports, so a ward's template decides the columns of both
//! the workbook and the printed list.

use super::frame;
use super::{DocKind, DocRequest, Resolved};
use crate::document::{Document, Orientation};
use crate::error::Result;
use crate::model::Unit;
use crate::store::Store;
use crate::xlsx::ExportKind;

pub(super) fn build(
    store: &Store,
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
) -> Result<Document> {
    let term = req.term_code.as_deref().unwrap_or_default();
    let mut data = store.plan_data(term)?;
    // Made for one approving body: only the posts it approves (seed 004).
    if req.approving_body.is_some() {
        super::approval::select(&mut data, req.approving_body.as_deref(), unit)?;
    }
    let (title, table) = match req.kind {
        DocKind::BieuCoCau => {
            let t = ExportKind::CoCau.default_template();
            let table = crate::xlsx::structure::structure_rows(&data, &t)?;
            (format!("{} nhiệm kỳ {}", t.title, term_label(term)), table)
        }
        _ => {
            let t = ExportKind::DaoTao.default_template();
            let table = crate::xlsx::plan::training_rows(&data, &t, req.year - 1, req.date);
            (format!("{} nhiệm kỳ {}", t.title, term_label(term)), table)
        }
    };
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
