//! The tables of a term's plan: the danh sách trích ngang grouped by position, the result of a
//! yearly review (added, continued, removed with reasons) and the people who need training.

use super::keys::{ColumnKey, PlanKey};
use super::people::{count_row, person_cell};
use super::table::{roman, Cell, ReportTable, Row};
use super::template::Template;
use crate::error::Result;
use crate::model::plan::{PlanEntry, PlanEvent, PlanStep, Position};
use crate::model::Person;
use crate::rules::check::check;
use crate::rules::facts::facts;
use crate::store::plan::PlanData;
use crate::text::fold;

/// "Mới", "Bổ sung" or "Tiếp tục", from an entry's steps.
fn plan_kind(e: &PlanEntry) -> &'static str {
    let steps = e.events.iter().map(|ev| ev.step);
    if steps.clone().any(|s| s == PlanStep::Continued) {
        "Tiếp tục"
    } else if steps.clone().any(|s| s == PlanStep::Supplemented) {
        "Bổ sung"
    } else {
        "Mới"
    }
}

fn decision_text(ev: &PlanEvent) -> String {
    match (&ev.decision_no[..], &ev.decision_date) {
        ("", None) => String::new(),
        (no, None) => no.to_string(),
        ("", Some(d)) => format!("ngày {}", d.to_display()),
        (no, Some(d)) => format!("{no} ngày {}", d.to_display()),
    }
}

/// Builds the rows of one export: person columns from the record, plan columns from the entry.
struct Rows<'a> {
    data: &'a PlanData,
    /// The template's columns, each key read once.
    keys: Vec<ColumnKey>,
    rating_year: i32,
    place: String,
}

impl<'a> Rows<'a> {
    fn new(data: &'a PlanData, template: &Template, rating_year: i32) -> Result<Self> {
        Ok(Rows {
            data,
            keys: template
                .columns
                .iter()
                .map(|c| ColumnKey::of(&c.key))
                .collect::<Result<_>>()?,
            rating_year,
            place: fold(&data.place_name),
        })
    }

    fn cells(
        &self,
        p: &Person,
        pos: &Position,
        entry: Option<(&PlanEntry, &PlanEvent)>,
        lacks: Option<&str>,
        n: usize,
    ) -> Vec<Cell> {
        let data = self.data;
        let f = facts(
            p,
            data.term.reference_month,
            &data.rules.params,
            &self.place,
        );
        let rating = |back: i32| {
            let year = self.rating_year - back;
            Cell::text(
                p.ratings
                    .iter()
                    .find(|r| r.year == year)
                    .map(|r| r.level.code())
                    .unwrap_or(""),
            )
        };
        self.keys
            .iter()
            .map(|key| match *key {
                ColumnKey::Person(k) => person_cell(p, k, n),
                ColumnKey::Lacks => Cell::text(lacks.unwrap_or_default()),
                ColumnKey::Plan(k) => match k {
                    PlanKey::Rating1 => rating(2),
                    PlanKey::Rating2 => rating(1),
                    PlanKey::Rating3 => rating(0),
                    PlanKey::PlannedPosition => Cell::text(&pos.name),
                    PlanKey::PlanKind => Cell::text(entry.map(|(e, _)| plan_kind(e)).unwrap_or("")),
                    PlanKey::Age => Cell::Number(f.age as f64),
                    PlanKey::MonthsLeft => Cell::Number(f.months_left as f64),
                    PlanKey::Decision => {
                        Cell::Text(entry.map(|(_, ev)| decision_text(ev)).unwrap_or_default())
                    }
                    PlanKey::Reason => Cell::Text(
                        entry
                            .and_then(|(_, ev)| ev.reason)
                            .map(|r| r.label().to_string())
                            .unwrap_or_default(),
                    ),
                    PlanKey::Note => {
                        Cell::Text(entry.map(|(_, ev)| ev.note.clone()).unwrap_or_default())
                    }
                },
            })
            .collect()
    }
}

/// Positions in rank order (highest first), then code.
fn ranked(data: &PlanData) -> Vec<&Position> {
    let mut v: Vec<&Position> = data.positions.iter().collect();
    v.sort_by(|a, b| b.rank.cmp(&a.rank).then_with(|| a.code.cmp(&b.code)));
    v
}

/// The danh sách trích ngang: everyone actively planned, grouped by position (rank order), in the
/// template's columns with its rating years filled in.
pub fn plan_list_rows(
    data: &PlanData,
    template: &Template,
    rating_year: i32,
) -> Result<ReportTable> {
    let template = template.with_year(rating_year);
    let build = Rows::new(data, &template, rating_year)?;
    let mut rows = Vec::new();
    let mut count = 0;
    let mut section = 0;
    for pos in ranked(data) {
        let entries: Vec<&PlanEntry> = data
            .entries
            .iter()
            .filter(|e| Some(e.position_id) == pos.id && e.is_active())
            .collect();
        if entries.is_empty() {
            continue;
        }
        section += 1;
        rows.push(Row::Section(format!(
            "{}. {}",
            roman(section),
            pos.name.to_uppercase()
        )));
        for (i, e) in entries.iter().enumerate() {
            let (Some(p), Some(last)) = (data.people.get(&e.person_id), e.events.last()) else {
                continue;
            };
            rows.push(Row::Data(build.cells(p, pos, Some((e, last)), None, i + 1)));
            count += 1;
        }
    }
    rows.push(count_row(&template, count));
    Ok(template.table(rows))
}

/// The three groups of a yearly review, in order, with their headings.
pub const REVIEW_GROUPS: [(PlanStep, &str); 3] = [
    (PlanStep::Supplemented, "BỔ SUNG VÀO QUY HOẠCH"),
    (PlanStep::Continued, "TIẾP TỤC QUY HOẠCH"),
    (PlanStep::Removed, "ĐƯA RA KHỎI QUY HOẠCH"),
];

/// The step of `step` an entry took in the review of `year`, if any.
pub fn review_event(e: &PlanEntry, step: PlanStep, year: i32) -> Option<&PlanEvent> {
    e.events.iter().find(|ev| {
        ev.step == step
            && (ev.review_year == Some(year)
                || (ev.review_year.is_none() && ev.date.year() == year))
    })
}

/// A yearly review: I. added, II. continued, III. removed (reason, decision).
pub fn review_rows(
    data: &PlanData,
    template: &Template,
    rating_year: i32,
    review_year: i32,
) -> Result<ReportTable> {
    let template = template.with_year(rating_year);
    let positions = ranked(data);
    let build = Rows::new(data, &template, rating_year)?;
    let mut rows = Vec::new();
    let mut count = 0;
    for (g, (step, title)) in REVIEW_GROUPS.iter().enumerate() {
        rows.push(Row::Section(format!("{}. {title}", roman(g + 1))));
        let mut n = 0;
        for pos in &positions {
            for e in data
                .entries
                .iter()
                .filter(|e| Some(e.position_id) == pos.id)
            {
                let Some(ev) = review_event(e, *step, review_year) else {
                    continue;
                };
                let Some(p) = data.people.get(&e.person_id) else {
                    continue;
                };
                n += 1;
                rows.push(Row::Data(build.cells(p, pos, Some((e, ev)), None, n)));
            }
        }
        count += n;
    }
    rows.push(count_row(&template, count));
    Ok(template.table(rows))
}

/// The people who lack a standard of their planned post, with what they lack.
pub fn training_rows(
    data: &PlanData,
    template: &Template,
    rating_year: i32,
    as_of: chrono::NaiveDate,
) -> Result<ReportTable> {
    let report = check(data, as_of);
    let build = Rows::new(data, template, rating_year)?;
    let mut rows = Vec::new();
    for (i, gap) in report.training_gaps.iter().enumerate() {
        let (Some(p), Some(pos)) = (
            data.people.get(&gap.person_id),
            data.positions.iter().find(|x| x.code == gap.position_code),
        ) else {
            continue;
        };
        let lacks = gap.lacks.join("; ");
        rows.push(Row::Data(build.cells(p, pos, None, Some(&lacks), i + 1)));
    }
    let count = rows.len();
    rows.push(count_row(template, count));
    Ok(template.table(rows))
}
