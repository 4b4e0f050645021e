//! Lists sent as annexes — the structure and quality table and the people to train — and the
//! conversion every PDF table uses from the Excel export rows, so a ward's template decides the
//! columns of both the workbook and the printed list.

use super::frame;
use super::{DocKind, DocRequest, Resolved};
use crate::error::Result;
use crate::model::Unit;
use crate::pdf::{self, Align, Doc, Orientation};
use crate::store::Store;
use crate::xlsx::sheet;
use crate::xlsx::{ExportKind, Template};

/// Columns whose text reads left to right; the others (numbers, dates, codes) are centred.
const TEXT_KEYS: &[&str] = &[
    "full_name",
    "other_name",
    "home_town",
    "birthplace",
    "residence",
    "positions",
    "professional",
    "planned_position",
    "lacks",
    "note",
    "reason",
    "decision",
    "group",
    "status_reason",
    "foreign_language",
    "it",
];

/// A PDF table from a template and the rows an Excel export would write.
pub fn table(template: &Template, rows: &[sheet::Row], size: f32, keep_after: f32) -> pdf::Table {
    let cols = template
        .columns
        .iter()
        .map(|c| {
            let align = if TEXT_KEYS.contains(&c.key.as_str()) {
                Align::Left
            } else {
                Align::Center
            };
            let mut col = pdf::Col::new(&c.header, c.width as f32, align);
            col.group = c.group.clone();
            col
        })
        .collect();
    let text = |cells: &[sheet::Cell]| cells.iter().map(sheet::Cell::display).collect();
    pdf::Table {
        cols,
        rows: rows
            .iter()
            .map(|r| match r {
                sheet::Row::Section(s) => pdf::Row::Section(s.clone()),
                sheet::Row::Data(c) => pdf::Row::Cells(text(c)),
                sheet::Row::Total(c) => pdf::Row::Total(text(c)),
            })
            .collect(),
        size,
        number_row: true,
        keep_after,
        min_size: 7.0,
    }
}

/// Size of table text in landscape annexes (DOMAIN §4.8: Times New Roman 11–13).
pub const ANNEX_SIZE: f32 = 11.0;

pub(super) fn build(store: &Store, unit: &Unit, req: &DocRequest, r: &Resolved) -> Result<Doc> {
    let term = req.term_code.as_deref().unwrap_or_default();
    let data = store.plan_data(term)?;
    let (title, template, rows) = match req.kind {
        DocKind::BieuCoCau => {
            let t = ExportKind::CoCau.default_template();
            let rows = crate::xlsx::structure::structure_rows(&data, &t)?;
            (
                format!("{} nhiệm kỳ {}", t.title, term_label(term)),
                t,
                rows,
            )
        }
        _ => {
            let t = ExportKind::DaoTao.default_template();
            let rows = crate::xlsx::plan::training_rows(&data, &t, req.year - 1, req.date);
            (
                format!("{} nhiệm kỳ {}", t.title, term_label(term)),
                t,
                rows,
            )
        }
    };
    let mut doc = Doc::new(req.kind.label(), Orientation::Landscape, r.settings.margins);
    frame::header(&mut doc, unit, None, req.date);
    frame::annex_heading(&mut doc, None, &title, req.attached_to.as_deref());
    let recipients = frame::recipient_lines(&r.recipients, false);
    let sig = frame::signature_height(&doc, &r.signer, &recipients);
    doc.table(&table(&template, &rows, ANNEX_SIZE, sig));
    frame::signature(&mut doc, &r.signer, &recipients);
    Ok(doc)
}

/// "2030 – 2035" from a term code "2030-2035".
pub fn term_label(code: &str) -> String {
    match code.split_once('-') {
        Some((a, b)) => format!("{a} – {b}"),
        None => code.to_string(),
    }
}
