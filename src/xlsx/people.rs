//! The full cadre list, and the cells of a person that every list shares.

use std::path::Path;

use super::sheet::{self, Cell, ExportMeta, ExportReport, Row};
use super::template::Template;
use crate::error::Result;
use crate::model::{Person, Sex};
use crate::store::Store;

fn join_non_empty<'a>(parts: impl IntoIterator<Item = &'a str>, sep: &str) -> String {
    parts
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// "Chủ tịch UBND phường, UBND phường Hòa An; Ủy viên BCH Đảng bộ phường" (current posts).
pub fn positions_text(p: &Person) -> String {
    p.current_positions()
        .map(|h| join_non_empty([h.title.as_str(), h.organisation.as_str()], ", "))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The value of a person column (see `PERSON_KEYS`); `n` is the row's number.
pub fn person_cell(p: &Person, key: &str, n: usize) -> Cell {
    let text = |s: &str| Cell::text(s);
    match key {
        "stt" => Cell::Number(n as f64),
        "full_name" => text(&p.full_name),
        "other_name" => text(&p.other_name),
        "sex" => text(p.sex.label()),
        "birth_date" => Cell::date(Some(&p.birth_date)),
        "birth_male" if p.sex == Sex::Male => Cell::date(Some(&p.birth_date)),
        "birth_female" if p.sex == Sex::Female => Cell::date(Some(&p.birth_date)),
        "ethnicity" => text(&p.ethnicity),
        "religion" => text(&p.religion),
        "home_town" => text(&p.home_town),
        "birthplace" => text(&p.birthplace),
        "residence" => text(&p.residence),
        "cccd" => text(p.cccd.as_deref().unwrap_or("")),
        "old_id" => text(&p.old_id),
        "party_card_no" => text(&p.party_card_no),
        "positions" => Cell::Text(positions_text(p)),
        // One start per current post, in the same order, as text ("07/2021; 20/03/2026").
        "position_start" => Cell::Text(
            p.current_positions()
                .map(|h| {
                    h.start
                        .as_ref()
                        .map(|d| d.to_display())
                        .unwrap_or_else(|| "chưa rõ ngày".into())
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        "party_admission_date" => Cell::date(p.party_admission_date.as_ref()),
        "party_official_date" => Cell::date(p.party_official_date.as_ref()),
        "general_education" => text(&p.general_education),
        "professional" => Cell::Text(join_non_empty(
            [
                p.professional_level.map(|l| l.label()).unwrap_or(""),
                p.professional_field.as_str(),
            ],
            " ",
        )),
        "political_theory" => text(p.political_theory.map(|l| l.label()).unwrap_or("")),
        "state_management" => text(p.state_management.map(|l| l.label()).unwrap_or("")),
        "foreign_language" => Cell::Text(join_non_empty(
            [
                p.foreign_language.note.as_str(),
                p.foreign_language.level.as_str(),
            ],
            " ",
        )),
        "it" => Cell::Text(join_non_empty(
            [p.it.level.as_str(), p.it.note.as_str()],
            " ",
        )),
        "status" => text(p.status.label()),
        "status_date" => Cell::date(p.status_date.as_ref()),
        "status_reason" => text(&p.status_reason),
        _ => Cell::empty(),
    }
}

/// A bold "Tổng số" row counting the names of the body with COUNTA (value cached).
pub fn count_row(template: &Template, count: usize) -> Row {
    let cols = &template.columns;
    let name_col = cols
        .iter()
        .position(|c| c.key == "full_name")
        .unwrap_or(1.min(cols.len().saturating_sub(1)));
    let letter = sheet::column_letter(name_col as u16);
    let mut cells = vec![Cell::empty(); cols.len()];
    let formula = Cell::Formula {
        text: format!("=COUNTA({letter}{{first}}:{letter}{{last}})"),
        cached: count as f64,
        percent: false,
    };
    if name_col == 0 {
        cells[0] = formula;
    } else {
        cells[0] = Cell::text("Tổng số");
        cells[name_col] = formula;
    }
    Row::Total(cells)
}

/// Writes everyone (list order) into a new workbook at `out`; refuses to overwrite a file.
pub fn export_people(
    store: &Store,
    out: &Path,
    template: &Template,
    meta: &ExportMeta,
) -> Result<ExportReport> {
    let unit = store.unit()?;
    let mut rows = Vec::new();
    for (n, s) in store.list_people()?.iter().enumerate() {
        let p = store.person(s.id)?;
        rows.push(Row::Data(
            template
                .columns
                .iter()
                .map(|c| person_cell(&p, &c.key, n + 1))
                .collect(),
        ));
    }
    let count = rows.len();
    rows.push(count_row(template, count));
    sheet::save(out, &unit, &template.sheet, &template.table(rows), meta)
}
