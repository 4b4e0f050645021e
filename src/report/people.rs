//! The cells of a person that every list shares, and the count row under a list of people.

use super::keys::PersonKey;
use super::table::{column_letter, Cell, Row};
use super::template::Template;
use crate::model::{Person, Sex};

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

/// The value of a person column; `n` is the row's number.
pub fn person_cell(p: &Person, key: PersonKey, n: usize) -> Cell {
    use PersonKey as K;
    let text = |s: &str| Cell::text(s);
    let birth_if = |sex: Sex| {
        if p.sex == sex {
            Cell::date(Some(&p.birth_date))
        } else {
            Cell::empty()
        }
    };
    match key {
        K::Stt => Cell::Number(n as f64),
        K::FullName => text(&p.full_name),
        K::OtherName => text(&p.other_name),
        K::Sex => text(p.sex.label()),
        K::BirthDate => Cell::date(Some(&p.birth_date)),
        // The birth date in the column of the person's sex, the other left empty.
        K::BirthMale => birth_if(Sex::Male),
        K::BirthFemale => birth_if(Sex::Female),
        K::Ethnicity => text(&p.ethnicity),
        K::Religion => text(&p.religion),
        K::HomeTown => text(&p.home_town),
        K::Birthplace => text(&p.birthplace),
        K::Residence => text(&p.residence),
        K::Cccd => text(p.cccd.as_deref().unwrap_or("")),
        K::OldId => text(&p.old_id),
        K::PartyCardNo => text(&p.party_card_no),
        K::Positions => Cell::Text(positions_text(p)),
        // One start per current post, in the same order, as text ("07/2021; 20/03/2026").
        K::PositionStart => Cell::Text(
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
        K::PartyAdmissionDate => Cell::date(p.party_admission_date.as_ref()),
        K::PartyOfficialDate => Cell::date(p.party_official_date.as_ref()),
        K::GeneralEducation => text(&p.general_education),
        K::Professional => Cell::Text(join_non_empty(
            [
                p.professional_level.map(|l| l.label()).unwrap_or(""),
                p.professional_field.as_str(),
            ],
            " ",
        )),
        K::PoliticalTheory => text(p.political_theory.map(|l| l.label()).unwrap_or("")),
        K::StateManagement => text(p.state_management.map(|l| l.label()).unwrap_or("")),
        K::ForeignLanguage => Cell::Text(join_non_empty(
            [
                p.foreign_language.note.as_str(),
                p.foreign_language.level.as_str(),
            ],
            " ",
        )),
        K::It => Cell::Text(join_non_empty(
            [p.it.level.as_str(), p.it.note.as_str()],
            " ",
        )),
        K::Status => text(p.status.label()),
        K::StatusDate => Cell::date(p.status_date.as_ref()),
        K::StatusReason => text(&p.status_reason),
    }
}

/// A bold "Tổng số" row counting the names of the body with COUNTA (value cached).
pub fn count_row(template: &Template, count: usize) -> Row {
    let cols = &template.columns;
    let name_col = cols
        .iter()
        .position(|c| c.key == "full_name")
        .unwrap_or(1.min(cols.len().saturating_sub(1)));
    let letter = column_letter(name_col as u16);
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
