//! Rotation (seed 001): moves between posts (luân chuyển, điều động, tăng cường) recorded as
//! events of a person's positions, and the two lists: the same leadership post for N years or
//! more, and key posts held by a local. The lists' parameters are data the clerk can change.

use serde::Deserialize;

use super::{parse_code, parse_date, parse_optional_date};
use crate::error::{CoreError, Result};
use crate::model::programme::{Movement, MovementKind};
use crate::model::PositionHeld;
use crate::rules::rotation::{rotation_lists, RotationLists, RotationParams};
use crate::store::Store;
use crate::text::fold;

const PARAMS_KEY: &str = "rotation_params";

/// A move as the form gives it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MovementInput {
    pub person_id: i64,
    /// "luan_chuyen", "dieu_dong", "tang_cuong" (or the label).
    pub kind: String,
    pub from_title: String,
    pub from_org: String,
    pub to_title: String,
    pub to_org: String,
    /// The day the move takes effect: it may be later than today (decided now, from 01/01/2027).
    pub date: String,
    pub end_date: String,
    pub decision_no: String,
    /// The day it was decided (optional): never in the future.
    pub decision_date: String,
    pub note: String,
}

/// Records a move: the post left ends the day before, the new post starts on the day (both in
/// the person's positions), and the move is kept with its decision. The day it takes effect may
/// be in the future; the day it was decided may not. Returns its id.
pub fn record(store: &mut Store, input: &MovementInput) -> Result<i64> {
    store.write(|store| {
        let kind = parse_code(
            "kind",
            "Hình thức",
            &input.kind,
            MovementKind::ALL,
            MovementKind::code,
            MovementKind::label,
        )?;
        let date = parse_date("date", "Từ ngày", &input.date)?;
        let end_date = parse_optional_date("end_date", "Đến ngày", Some(&input.end_date))?;
        let decision_date =
            parse_optional_date("decision_date", "Ngày quyết định", Some(&input.decision_date))?;
        if let Some(d) = &decision_date {
            let today = store.today();
            if d.earliest() > today {
                return Err(CoreError::validation(
                    "decision_date",
                    "date_in_future",
                    format!(
                        "Ngày quyết định: ngày {} ở tương lai (hôm nay là {}); ngày có hiệu lực (từ ngày) thì có thể ở tương lai.",
                        d.to_display(),
                        today.format("%d/%m/%Y")
                    ),
                ));
            }
        }
        if let Some(e) = &end_date {
            if e.latest() < date.earliest() {
                return Err(CoreError::validation(
                    "end_date",
                    "order",
                    format!(
                        "Đến ngày {} trước từ ngày {}.",
                        e.to_display(),
                        date.to_display()
                    ),
                ));
            }
        }
        if input.to_title.trim().is_empty() {
            return Err(CoreError::validation(
                "to_title",
                "required",
                "Chức vụ mới (đến): bắt buộc phải nhập.",
            ));
        }
        if input.decision_no.trim().is_empty() {
            return Err(CoreError::validation(
                "decision_no",
                "required",
                "Số quyết định: bắt buộc phải nhập.",
            ));
        }
        let mut person = store.person(input.person_id)?;
        let from = fold(input.from_title.trim());
        if !from.is_empty() {
            let end = chrono::NaiveDate::pred_opt(&date.earliest()).unwrap_or(date.earliest());
            match person
                .positions
                .iter_mut()
                .find(|h| h.is_current() && fold(&h.title) == from)
            {
                Some(h) => h.end = Some(crate::model::PartialDate::from_date(end)),
                None => {
                    return Err(CoreError::validation(
                        "from_title",
                        "not_held",
                        format!(
                            "Chức vụ cũ (từ): {} hiện không giữ “{}”.",
                            person.full_name,
                            input.from_title.trim()
                        ),
                    ))
                }
            }
        }
        person.positions.push(PositionHeld {
            title: input.to_title.trim().to_string(),
            organisation: input.to_org.trim().to_string(),
            start: Some(date),
            end: end_date,
        });
        let m = Movement {
            id: None,
            person_id: input.person_id,
            kind,
            from_title: input.from_title.clone(),
            from_org: input.from_org.clone(),
            to_title: input.to_title.clone(),
            to_org: input.to_org.clone(),
            date,
            end_date,
            decision_no: input.decision_no.clone(),
            decision_date,
            note: input.note.clone(),
        };
        store.update_person(&super::people::checked(store, &person)?)?;
        store.add_movement(&m)
    })
}

pub fn movements(store: &Store, person: Option<i64>) -> Result<Vec<Movement>> {
    store.movements(person)
}

/// The parameters of the lists as saved (neutral defaults citing no province's document until
/// the ward names its basis).
pub fn params(store: &Store) -> Result<RotationParams> {
    Ok(match store.meta(PARAMS_KEY)? {
        Some(s) => serde_json::from_str(&s)?,
        None => RotationParams::default(),
    })
}

pub fn save_params(store: &mut Store, p: &RotationParams) -> Result<()> {
    store.write(|store| {
        if !(1..=40).contains(&p.years) {
            return Err(CoreError::validation(
                "years",
                "range",
                format!(
                    "Số năm giữ một vị trí: {} không hợp lệ (từ 1 đến 40).",
                    p.years
                ),
            ));
        }
        let positions = store.positions()?;
        for code in &p.local_posts {
            if !positions.iter().any(|x| &x.code == code) {
                return Err(CoreError::validation(
                    "local_posts",
                    "unknown",
                    format!("Chức danh chủ chốt: không có mã “{code}” trong danh mục chức danh."),
                ));
            }
        }
        store.set_meta(PARAMS_KEY, &serde_json::to_string(p)?)
    })
}

/// Both lists on a day (as typed).
pub fn lists(store: &Store, day: &str) -> Result<RotationLists> {
    let as_of = parse_date("as_of", "Ngày xét", day)?.latest();
    let people = store.all_people()?;
    let unit = store.unit()?;
    Ok(rotation_lists(
        &people,
        &store.positions()?,
        &unit.place_name,
        &params(store)?,
        as_of,
    ))
}

/// Saves the lists as an Excel workbook (never over an existing file).
pub fn export(store: &Store, l: &RotationLists, out: &std::path::Path) -> Result<usize> {
    super::programmes::save_table(
        store,
        &crate::report::lists::rotation_table(l),
        "Luan chuyen",
        out,
    )
}
