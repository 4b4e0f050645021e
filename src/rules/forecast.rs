//! The succession forecast (dự báo nguồn kế cận, issue 23): for each post of the catalogue and
//! each year of a horizon, who of the people planned for it in the chosen term could still take
//! it that year, when today's holders leave, and how the structure of the BCH, the BTV and the
//! key posts drifts if nothing changes. Pure: plan data and the ward's people in, the report
//! out. The screen, the document, the workbook and `quyhoach forecast` all paint this one
//! report, so every number they show comes from [`forecast`].
//!
//! Definitions (README, "Dự báo nguồn kế cận"):
//! - a holder of post P is a person still working whose record has P (its name or an alias) as
//!   a post without an end date, or with an end the clerk recorded that is not past yet; they
//!   leave P in the month they reach retirement age (NĐ 135, or the record's expected month), or
//!   at that recorded end when it comes first;
//! - a person is a successor for P in year Y when their entry for P in the term's plan is not
//!   removed (last step not "đưa ra"), they are not retired on 1 January Y, and from January Y
//!   to the month they reach retirement age there are at least the rule set's minimum months
//!   for đối tượng 1 (`min_months_left_first`: 60, or 48 where the ward set it so), a plain
//!   difference of months.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::check::PositionNames;
use super::facts::{facts, retirement_month, PersonFacts};
use super::plan::PlanData;
use super::ruleset::RuleParams;
use super::targets::{measure, Indicator, Target};
use crate::model::levels::codes;
use crate::model::plan::{body, post, PlanEntry, PlanStep, Position};
use crate::model::{Person, Status, YearMonth};
use crate::text::fold;

/// The horizons a forecast may look ahead, in years (the seed's "5 năm, 10 năm và 20 năm").
pub const HORIZONS: [u32; 3] = [5, 10, 20];
/// The horizon when none is chosen.
pub const DEFAULT_HORIZON: u32 = 20;
/// Why a horizon is refused, in Vietnamese; None for one of [`HORIZONS`].
pub fn horizon_refusal(years: u32) -> Option<String> {
    (!HORIZONS.contains(&years))
        .then(|| format!("Số năm dự báo: chỉ chọn 5, 10 hoặc 20 năm (đã nhập {years})."))
}

/// At least this many successors per seat make a cell green.
pub const ENOUGH_PER_SEAT: usize = 2;

codes!(
    /// How a post stands in a year: nobody could take it, fewer than two per seat, or enough.
    CellStatus {
        Do = "do" => "Không còn ai kế cận",
        Vang = "vang" => "Dưới 2 người cho mỗi vị trí",
        Xanh = "xanh" => "Đủ nguồn kế cận",
    }
);

codes!(
    /// What a line of the structure forecast measures.
    StructureIndicator {
        Women = "nu" => "Tỷ lệ nữ",
        Under35 = "tre_35" => "Tỷ lệ cán bộ dưới 35 tuổi",
        Under40 = "tre_40" => "Tỷ lệ cán bộ dưới 40 tuổi",
        Degree = "dai_hoc" => "Tỷ lệ có trình độ đại học trở lên",
        Young = "tre" => "Tỷ lệ cán bộ trẻ (theo chỉ tiêu)",
        TheoryMid = "llct_trung_cap" => "Tỷ lệ có lý luận chính trị từ trung cấp trở lên",
        YoungForeignLanguage = "ngoai_ngu_tre" => "Tỷ lệ cán bộ trẻ sử dụng được ngoại ngữ",
        WomenCount = "so_nu" => "Số cán bộ nữ",
    }
);

impl StructureIndicator {
    /// Whether the line is a share (drawn 0–100%) rather than a count.
    pub fn is_share(self) -> bool {
        self != StructureIndicator::WomenCount
    }

    /// A value as read: "25% (2/8)" for a share, "3" for a count.
    pub fn value_text(self, value: f64, count: usize, of: usize) -> String {
        if self.is_share() {
            format!("{} ({count}/{of})", crate::rules::facts::percent(value))
        } else {
            count.to_string()
        }
    }

    /// A target as read: "15%" for a share, "3" for a count.
    pub fn target_text(self, target: f64) -> String {
        if self.is_share() {
            crate::rules::facts::percent(target)
        } else {
            format!("{target}")
        }
    }
}

/// The bodies whose structure is forecast, in order.
pub const STRUCTURE_BODIES: [&str; 3] = [post::BCH, post::BTV, body::KEY];

/// Today's holder of a post and the month they leave it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Holder {
    pub person_id: i64,
    pub full_name: String,
    pub leaves: YearMonth,
    /// They leave at an end the clerk recorded, before retirement age.
    #[serde(skip)]
    pub recorded_end: bool,
}

impl Holder {
    /// "Nguyễn Văn An, nghỉ 03/2031 (đến tuổi nghỉ hưu)".
    pub fn describe(&self) -> String {
        format!(
            "{}, nghỉ {} ({})",
            self.full_name,
            self.leaves.display(),
            if self.recorded_end {
                "kết thúc đã ghi"
            } else {
                "đến tuổi nghỉ hưu"
            }
        )
    }
}

/// One year of a post's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearCell {
    pub year: i32,
    /// The people who could take the post that year (ids), most months left first.
    pub successors: Vec<i64>,
    pub status: CellStatus,
}

/// A person planned for a post (entry not removed), with the month they reach retirement age.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Planned {
    pub person_id: i64,
    pub full_name: String,
    pub retires: YearMonth,
}

/// One row of the grid: a post of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostForecast {
    pub code: String,
    pub name: String,
    pub seats: u32,
    pub holders: Vec<Holder>,
    pub years: Vec<YearCell>,
    /// Everyone planned for the post, whom a cell's explanation lists ([`Forecast::explain`]).
    #[serde(skip)]
    pub planned: Vec<Planned>,
}

impl PostForecast {
    /// Whether a holder leaves the post in `year` (the grid marks it).
    pub fn holder_leaves_in(&self, year: i32) -> bool {
        self.holders.iter().any(|h| h.leaves.year == year)
    }
}

/// One person in the explanation of a cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellLine {
    pub person_id: i64,
    pub full_name: String,
    /// The month they reach retirement age.
    pub retires: YearMonth,
    /// Months from January of the year to that month (negative once retired).
    pub months_left: i64,
    /// A successor that year.
    pub counts: bool,
    /// Why not, in Vietnamese ("đến 01/2033 chỉ còn 54 tháng công tác…"); empty when counted.
    pub reason: String,
}

/// One line of the structure forecast: a body, an indicator, a year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StructureRow {
    pub year: i32,
    /// "BCH", "BTV" or "CHU_CHOT".
    pub body: String,
    pub indicator: StructureIndicator,
    pub count: usize,
    pub of: usize,
    /// A share (0.25 = 25%) or, for a count, the count.
    pub value: f64,
    /// The ward's target in force that year (the latest set for that year or before), if any.
    pub target: Option<f64>,
    /// Whether the target is met; none without a target.
    pub met: Option<bool>,
    /// The year the ward set that target for.
    #[serde(skip)]
    pub target_since: Option<i32>,
}

/// A target of the ward and the first year of the horizon it is missed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetMiss {
    pub body: String,
    pub indicator: StructureIndicator,
    pub target: f64,
    /// The year the ward set it for (it holds from then until a later one replaces it).
    pub since: i32,
    /// The first year it is missed.
    pub year: i32,
}

/// The counters above the grid, each with what it counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counters {
    /// Posts nobody is planned for (codes).
    pub posts_without_successor: Vec<String>,
    /// Posts whose holder leaves within the horizon with nobody able to take over that year.
    pub holders_leaving_uncovered: Vec<String>,
    /// People planned (for any post) who reach retirement age before the term's reference month.
    pub aged_out_before_term: Vec<i64>,
    /// The ward's targets missed within the horizon, each with the first year.
    pub targets_missed: Vec<TargetMiss>,
}

/// The whole forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    pub from_year: i32,
    pub to_year: i32,
    pub posts: Vec<PostForecast>,
    pub structure: Vec<StructureRow>,
    pub counters: Counters,
    /// The term whose plan is read ("2030-2035") and its reference month.
    #[serde(skip)]
    pub term: String,
    #[serde(skip)]
    pub reference_month: YearMonth,
    /// The months left a successor needs (the rule set's, for đối tượng 1).
    #[serde(skip)]
    pub min_months: i64,
    /// The day holders are read at.
    #[serde(skip)]
    pub as_of: NaiveDate,
}

/// Why a planned person is not a successor in a year.
fn standing(retires: YearMonth, year: i32, min: i64) -> (i64, Option<String>) {
    let january = YearMonth::new(year, 1);
    let left = retires.index() - january.index();
    let reason = if retires < january {
        Some(format!(
            "đã đến tuổi nghỉ hưu tháng {}, trước {}",
            retires.display(),
            january.display()
        ))
    } else if left < min {
        Some(format!(
            "đến {} chỉ còn {left} tháng công tác (cần ít nhất {min} tháng)",
            january.display()
        ))
    } else {
        None
    };
    (left, reason)
}

fn status_of(successors: usize, seats: u32) -> CellStatus {
    if successors == 0 {
        CellStatus::Do
    } else if successors < ENOUGH_PER_SEAT * seats.max(1) as usize {
        CellStatus::Vang
    } else {
        CellStatus::Xanh
    }
}

/// In the term's plan: the entry has a step and its last is not "đưa ra".
fn in_plan(e: &PlanEntry) -> bool {
    e.status().is_some_and(|s| s != PlanStep::Removed)
}

/// The forecast of a term's plan from `from_year` over `years` years (the last is
/// `from_year + years - 1`); `everyone` are the ward's people (the holders are found among
/// them), `as_of` the day their posts are read at.
pub fn forecast(
    data: &PlanData,
    everyone: &[Person],
    as_of: NaiveDate,
    from_year: i32,
    years: u32,
) -> Forecast {
    let params = &data.rules.params;
    let min = params.min_months_left_first;
    let to_year = from_year + years.max(1) as i32 - 1;
    let retires: HashMap<i64, YearMonth> = data
        .people
        .iter()
        .map(|(id, p)| (*id, retirement_month(p, params)))
        .collect();
    let mut planned: HashMap<i64, Vec<Planned>> = HashMap::new();
    for e in data.entries.iter().filter(|e| in_plan(e)) {
        let (Some(p), Some(r)) = (data.people.get(&e.person_id), retires.get(&e.person_id)) else {
            continue;
        };
        let list = planned.entry(e.position_id).or_default();
        if !list.iter().any(|x| x.person_id == e.person_id) {
            list.push(Planned {
                person_id: e.person_id,
                full_name: p.full_name.clone(),
                retires: *r,
            });
        }
    }
    let mut holders = holders(&data.positions, everyone, params, as_of);
    let mut posts = Vec::new();
    for pos in &data.positions {
        let id = pos.id.unwrap_or_default();
        let mut list = planned.remove(&id).unwrap_or_default();
        if !pos.active && list.is_empty() {
            continue;
        }
        list.sort_by(|a, b| {
            b.retires
                .cmp(&a.retires)
                .then(a.person_id.cmp(&b.person_id))
        });
        let cells = (from_year..=to_year)
            .map(|year| {
                let successors: Vec<i64> = list
                    .iter()
                    .filter(|x| standing(x.retires, year, min).1.is_none())
                    .map(|x| x.person_id)
                    .collect();
                YearCell {
                    year,
                    status: status_of(successors.len(), pos.seats),
                    successors,
                }
            })
            .collect();
        posts.push(PostForecast {
            code: pos.code.clone(),
            name: pos.name.clone(),
            seats: pos.seats,
            holders: holders.remove(&id).unwrap_or_default(),
            years: cells,
            planned: list,
        });
    }
    let structure = structure(data, from_year, to_year);
    let counters = counters(data, &posts, &structure, &retires, from_year, to_year);
    Forecast {
        from_year,
        to_year,
        posts,
        structure,
        counters,
        term: data.term.code.clone(),
        reference_month: data.term.reference_month,
        min_months: min,
        as_of,
    }
}

/// Today's holders of each post (by position id), earliest to leave first.
fn holders(
    positions: &[Position],
    everyone: &[Person],
    params: &RuleParams,
    as_of: NaiveDate,
) -> HashMap<i64, Vec<Holder>> {
    let names = PositionNames::new(positions);
    let mut out: HashMap<i64, Vec<Holder>> = HashMap::new();
    for p in everyone.iter().filter(|p| p.status == Status::Working) {
        let Some(person_id) = p.id else { continue };
        let mut retires = None;
        for held in &p.positions {
            let end = held.end.as_ref().map(|e| YearMonth::of(e.latest()));
            if held.end.as_ref().is_some_and(|e| e.latest() < as_of) {
                continue;
            }
            let title = fold(&held.title);
            if title.is_empty() {
                continue;
            }
            for pos in names.named(&title) {
                let retires = *retires.get_or_insert_with(|| retirement_month(p, params));
                let (leaves, recorded_end) = match end {
                    Some(e) if e < retires => (e, true),
                    _ => (retires, false),
                };
                let list = out.entry(pos.id.unwrap_or_default()).or_default();
                match list.iter_mut().find(|h| h.person_id == person_id) {
                    Some(h) if leaves < h.leaves => {
                        h.leaves = leaves;
                        h.recorded_end = recorded_end;
                    }
                    Some(_) => {}
                    None => list.push(Holder {
                        person_id,
                        full_name: p.full_name.clone(),
                        leaves,
                        recorded_end,
                    }),
                }
            }
        }
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| a.leaves.cmp(&b.leaves).then(a.person_id.cmp(&b.person_id)));
    }
    out
}

/// The line a target is compared on, and the age its "young" means.
fn line_of(t: &Target, params: &RuleParams) -> (StructureIndicator, i32) {
    let age = t.age_under.unwrap_or_else(|| params.young_under());
    let line = match t.indicator {
        Indicator::Women => StructureIndicator::Women,
        Indicator::WomenCount => StructureIndicator::WomenCount,
        Indicator::Degree => StructureIndicator::Degree,
        Indicator::TheoryMid => StructureIndicator::TheoryMid,
        Indicator::YoungForeignLanguage => StructureIndicator::YoungForeignLanguage,
        Indicator::Young if age == 35 => StructureIndicator::Under35,
        Indicator::Young if age == 40 => StructureIndicator::Under40,
        Indicator::Young => StructureIndicator::Young,
    };
    (line, age)
}

/// The indicator the existing count ([`measure`]) takes for a line.
fn measured(line: StructureIndicator) -> Indicator {
    match line {
        StructureIndicator::Women => Indicator::Women,
        StructureIndicator::WomenCount => Indicator::WomenCount,
        StructureIndicator::Degree => Indicator::Degree,
        StructureIndicator::TheoryMid => Indicator::TheoryMid,
        StructureIndicator::YoungForeignLanguage => Indicator::YoungForeignLanguage,
        StructureIndicator::Under35 | StructureIndicator::Under40 | StructureIndicator::Young => {
            Indicator::Young
        }
    }
}

/// The structure of the BCH, the BTV and the key posts year by year, if nothing changes: the
/// people planned for them age, those who reach retirement age leave, nobody joins.
fn structure(data: &PlanData, from_year: i32, to_year: i32) -> Vec<StructureRow> {
    let params = &data.rules.params;
    let place = fold(&data.place_name);
    let first = YearMonth::new(from_year, 1);
    // The members of each body, and everyone's facts once (then only their age moves).
    let members: Vec<Vec<i64>> = STRUCTURE_BODIES
        .iter()
        .map(|b| {
            let mut ids: Vec<i64> = data
                .entries
                .iter()
                .filter(|e| in_plan(e))
                .filter(|e| {
                    data.position_by_id(e.position_id)
                        .is_some_and(|pos| match *b {
                            body::KEY => pos.key,
                            code => pos.code == code,
                        })
                })
                .map(|e| e.person_id)
                .filter(|id| data.people.contains_key(id))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect();
    let all: BTreeSet<i64> = members.iter().flatten().copied().collect();
    let base: HashMap<i64, PersonFacts> = all
        .iter()
        .filter_map(|id| Some((*id, facts(data.people.get(id)?, first, params, &place))))
        .collect();
    // The lines of each body: the four the issue names, then any other a target is set on.
    let lines: Vec<Vec<(StructureIndicator, i32, Vec<&Target>)>> = STRUCTURE_BODIES
        .iter()
        .map(|b| {
            let mut lines: Vec<(StructureIndicator, i32, Vec<&Target>)> = vec![
                (StructureIndicator::Women, 0, vec![]),
                (StructureIndicator::Under35, 35, vec![]),
                (StructureIndicator::Under40, 40, vec![]),
                (StructureIndicator::Degree, 0, vec![]),
            ];
            for t in data.targets.iter().filter(|t| t.body == *b) {
                let (line, age) = line_of(t, params);
                // Only the young lines depend on an age.
                let age = if matches!(
                    line,
                    StructureIndicator::Under35
                        | StructureIndicator::Under40
                        | StructureIndicator::Young
                        | StructureIndicator::YoungForeignLanguage
                ) {
                    age
                } else {
                    0
                };
                match lines.iter_mut().find(|(l, a, _)| *l == line && *a == age) {
                    Some((_, _, ts)) => ts.push(t),
                    None => lines.push((line, age, vec![t])),
                }
            }
            lines
        })
        .collect();
    let mut rows = Vec::new();
    for year in from_year..=to_year {
        let month = YearMonth::new(year, 1);
        let now: HashMap<i64, PersonFacts> = base
            .iter()
            .filter(|(_, f)| f.retirement_month >= month)
            .filter_map(|(id, f)| {
                let p = data.people.get(id)?;
                Some((*id, f.at(p, month, params)))
            })
            .collect();
        for (b, body_code) in STRUCTURE_BODIES.iter().enumerate() {
            let people: Vec<(&Person, &PersonFacts)> = members[b]
                .iter()
                .filter_map(|id| Some((data.people.get(id)?, now.get(id)?)))
                .collect();
            for (line, age, targets) in &lines[b] {
                let indicator = measured(*line);
                let (count, of) = measure(indicator, &people, *age);
                let value = indicator.value(count, of);
                let target = targets
                    .iter()
                    .filter(|t| t.year <= year)
                    .max_by_key(|t| t.year);
                rows.push(StructureRow {
                    year,
                    body: body_code.to_string(),
                    indicator: *line,
                    count,
                    of,
                    value,
                    target: target.map(|t| t.threshold),
                    met: target.map(|t| t.met_by(value)),
                    target_since: target.map(|t| t.year),
                });
            }
        }
    }
    rows
}

fn counters(
    data: &PlanData,
    posts: &[PostForecast],
    structure: &[StructureRow],
    retires: &HashMap<i64, YearMonth>,
    from_year: i32,
    to_year: i32,
) -> Counters {
    let posts_without_successor = posts
        .iter()
        .filter(|p| p.planned.is_empty())
        .map(|p| p.code.clone())
        .collect();
    let holders_leaving_uncovered = posts
        .iter()
        .filter(|p| {
            p.holders.iter().any(|h| {
                (from_year..=to_year).contains(&h.leaves.year)
                    && p.years
                        .iter()
                        .any(|c| c.year == h.leaves.year && c.successors.is_empty())
            })
        })
        .map(|p| p.code.clone())
        .collect();
    let aged: BTreeSet<i64> = data
        .entries
        .iter()
        .filter(|e| in_plan(e))
        .filter(|e| {
            retires
                .get(&e.person_id)
                .is_some_and(|r| *r < data.term.reference_month)
        })
        .map(|e| e.person_id)
        .collect();
    let mut targets_missed: Vec<TargetMiss> = Vec::new();
    for r in structure.iter().filter(|r| r.met == Some(false)) {
        let since = r.target_since.unwrap_or(r.year);
        let known = targets_missed
            .iter()
            .any(|m| m.body == r.body && m.indicator == r.indicator && m.since == since);
        if !known {
            targets_missed.push(TargetMiss {
                body: r.body.clone(),
                indicator: r.indicator,
                target: r.target.unwrap_or_default(),
                since,
                year: r.year,
            });
        }
    }
    Counters {
        posts_without_successor,
        holders_leaving_uncovered,
        aged_out_before_term: aged.into_iter().collect(),
        targets_missed,
    }
}

/// Each year from `from` to `to` with why it is a milestone ("Năm mốc của đơn vị", "Năm chỉ
/// tiêu của đơn vị", "Đầu nhiệm kỳ 2030-2035"), empty when it is not: the rule set's milestone
/// years (2030, 2035, 2045 unless the ward changed them), the years the ward set targets for,
/// and the term's first and last years.
pub fn milestones(data: &PlanData, from: i32, to: i32) -> Vec<(i32, String)> {
    (from..=to)
        .map(|year| {
            let mut why = Vec::new();
            if data.rules.params.forecast_milestones.contains(&year) {
                why.push("Năm mốc của đơn vị".to_string());
            }
            if data.targets.iter().any(|t| t.year == year) {
                why.push("Năm chỉ tiêu của đơn vị".to_string());
            }
            if data.term.start_year == year {
                why.push(format!("Đầu nhiệm kỳ {}", data.term.code));
            }
            if data.term.end_year == year {
                why.push(format!("Cuối nhiệm kỳ {}", data.term.code));
            }
            (year, why.join("; "))
        })
        .collect()
}

impl Forecast {
    /// The row of a post.
    pub fn post(&self, code: &str) -> Option<&PostForecast> {
        self.posts.iter().find(|p| p.code == code)
    }

    /// The cell of a post in a year.
    pub fn cell(&self, code: &str, year: i32) -> Option<&YearCell> {
        self.post(code)?.years.iter().find(|c| c.year == year)
    }

    /// Everyone planned for a post, as the cell of `year` explains them: the month they reach
    /// retirement age, the months left from January, and why someone does not count. The same
    /// judgement as the grid's.
    pub fn explain(&self, code: &str, year: i32) -> Vec<CellLine> {
        let Some(post) = self.post(code) else {
            return Vec::new();
        };
        post.planned
            .iter()
            .map(|x| {
                let (months_left, reason) = standing(x.retires, year, self.min_months);
                CellLine {
                    person_id: x.person_id,
                    full_name: x.full_name.clone(),
                    retires: x.retires,
                    months_left,
                    counts: reason.is_none(),
                    reason: reason.unwrap_or_default(),
                }
            })
            .collect()
    }

    /// The structure line of a body and an indicator in a year.
    pub fn structure_row(
        &self,
        body: &str,
        indicator: StructureIndicator,
        year: i32,
    ) -> Option<&StructureRow> {
        self.structure
            .iter()
            .find(|r| r.body == body && r.indicator == indicator && r.year == year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standing_counts_a_plain_difference_of_months() {
        // Retiring 12/2037: from 01/2033 that is 59 months; 60 needed.
        let (left, why) = standing(YearMonth::new(2037, 12), 2033, 60);
        assert_eq!(left, 59);
        assert_eq!(
            why.as_deref(),
            Some("đến 01/2033 chỉ còn 59 tháng công tác (cần ít nhất 60 tháng)")
        );
        assert_eq!(standing(YearMonth::new(2038, 1), 2033, 60), (60, None));
        let (_, why) = standing(YearMonth::new(2032, 12), 2033, 0);
        assert!(why
            .unwrap()
            .starts_with("đã đến tuổi nghỉ hưu tháng 12/2032"));
        assert_eq!(status_of(0, 1), CellStatus::Do);
        assert_eq!(status_of(3, 2), CellStatus::Vang);
        assert_eq!(status_of(4, 2), CellStatus::Xanh);
    }
}
