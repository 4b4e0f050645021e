//! The succession forecast (dự báo nguồn kế cận): reads the term's plan and the ward's people,
//! and calls the one function that computes it (`rules::forecast::forecast`).

use std::collections::HashMap;
use std::path::Path;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use crate::docs::DocKind;
use crate::error::{CoreError, Result};
use crate::report::forecast::grid_table;
use crate::rules::forecast::{
    forecast as compute, horizon_refusal, CellStatus, Forecast, Holder, StructureIndicator,
    DEFAULT_HORIZON, HORIZONS, STRUCTURE_BODIES,
};
use crate::rules::plan::PlanData;
use crate::rules::targets::body_label;
use crate::store::Store;

/// What the clerk chooses: the term whose plan is read, the first year (default: this year) and
/// the horizon in years (5, 10 or 20; default 20).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ForecastInput {
    /// "2030-2035"
    pub term: String,
    pub from: Option<i32>,
    pub years: Option<u32>,
}

/// The forecast of a term's plan, holders read today.
pub fn forecast(store: &Store, input: &ForecastInput) -> Result<Forecast> {
    load(store, input).map(|(_, f)| f)
}

/// The plan read and its forecast.
fn load(store: &Store, input: &ForecastInput) -> Result<(PlanData, Forecast)> {
    let today = store.today();
    let years = input.years.unwrap_or(DEFAULT_HORIZON);
    if let Some(why) = horizon_refusal(years) {
        return Err(CoreError::validation("years", "range", why));
    }
    let from = input.from.unwrap_or(today.year());
    if !(1945..=2200).contains(&from) {
        return Err(CoreError::validation(
            "from",
            "range",
            format!("Dự báo từ năm: {from} không phải năm hợp lệ."),
        ));
    }
    let data = store.plan_data(&input.term)?;
    let everyone = store.all_people()?;
    let f = compute(&data, &everyone, today, from, years);
    Ok((data, f))
}

/// The forecast as the Dự báo screen paints it: every label, colour code and sentence decided
/// here, from the one report (`rules::forecast::forecast`); the window draws and computes nothing.
#[derive(Debug, Clone, Serialize)]
pub struct ForecastView {
    pub term: String,
    pub from_year: i32,
    pub to_year: i32,
    /// The horizon shown and the ones the clerk may choose.
    pub horizon: u32,
    pub horizons: Vec<u32>,
    /// "Người kế cận phải còn ít nhất 60 tháng công tác tính từ tháng 01 của năm."
    pub rule: String,
    pub years: Vec<YearHead>,
    pub rows: Vec<RowView>,
    pub counters: Vec<CounterView>,
    /// The colours of the grid, in order, with what each means.
    pub legend: Vec<LegendItem>,
    pub structure: Vec<BodyView>,
    /// The definitions, for the screen's help (the README says the same).
    pub help: Vec<String>,
    /// The document kind of the report ("bao-cao-du-bao") and the start of the file names the
    /// window suggests for it and its workbook.
    pub report_kind: &'static str,
    pub report_file: &'static str,
}

/// A column of the grid: a year, and whether it is a milestone (a year the ward set targets
/// for, or the first or last year of the term).
#[derive(Debug, Clone, Serialize)]
pub struct YearHead {
    pub year: i32,
    pub milestone: bool,
    /// Why it is a milestone ("Năm chỉ tiêu", "Đầu nhiệm kỳ 2030-2035"); empty otherwise.
    pub milestone_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LegendItem {
    pub status: CellStatus,
    pub label: String,
}

/// A row of the grid: a post, its holders and one cell per year.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub code: String,
    pub name: String,
    pub seats: u32,
    /// "Nguyễn Văn An (nghỉ 03/2031)"; "chưa ai đang giữ" when nobody.
    pub holders: String,
    pub planned: usize,
    pub cells: Vec<CellView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    pub year: i32,
    pub count: usize,
    pub status: CellStatus,
    /// A holder leaves the post this year (the grid marks it).
    pub holder_leaves: bool,
    /// What the cell says when pointed at: "Bí thư Đảng ủy, năm 2031: 0 người kế cận — Không còn
    /// ai kế cận; Nguyễn Văn An nghỉ 03/2031".
    pub title: String,
}

/// A counter above the grid.
#[derive(Debug, Clone, Serialize)]
pub struct CounterView {
    pub label: String,
    pub count: usize,
    /// What it counts, by name.
    pub items: Vec<String>,
    /// "do" when there is something to fix, "xanh" when nothing.
    pub status: CellStatus,
}

/// The structure of one body if nothing changes.
#[derive(Debug, Clone, Serialize)]
pub struct BodyView {
    pub body: String,
    pub label: String,
    pub lines: Vec<LineView>,
}

/// One indicator of a body, year by year, beside the ward's target.
#[derive(Debug, Clone, Serialize)]
pub struct LineView {
    pub indicator: StructureIndicator,
    pub label: String,
    /// A share (0..1) drawn on the chart; false for a count (drawn in the table only).
    pub share: bool,
    pub points: Vec<PointView>,
    /// "Không đạt chỉ tiêu 10% (đặt cho năm 2030) từ năm 2031"; empty when always met or no target.
    pub first_miss: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PointView {
    pub year: i32,
    pub value: f64,
    /// "25%" or "3"; with "(2/8)" for a share.
    pub text: String,
    pub target: Option<f64>,
    pub target_text: String,
    pub met: Option<bool>,
}

/// What a click on a cell shows.
#[derive(Debug, Clone, Serialize)]
pub struct CellExplain {
    /// "Bí thư Đảng ủy – năm 2033: 0 người kế cận (Không còn ai kế cận)"
    pub heading: String,
    /// "Người đang giữ: Nguyễn Văn An, nghỉ 03/2031 (đến tuổi nghỉ hưu)"
    pub holders: Vec<String>,
    pub lines: Vec<ExplainLine>,
    /// Said when nobody is planned for the post.
    pub empty: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExplainLine {
    pub person_id: i64,
    pub full_name: String,
    /// "12/2037"
    pub retires: String,
    pub months_left: i64,
    pub counts: bool,
    /// "Còn 59 tháng, đủ điều kiện kế cận" or why not.
    pub reason: String,
}

/// The years the grid marks (see `rules::forecast::milestones`).
fn milestones(data: &PlanData, from: i32, to: i32) -> Vec<YearHead> {
    crate::rules::forecast::milestones(data, from, to)
        .into_iter()
        .map(|(year, why)| YearHead {
            year,
            milestone: !why.is_empty(),
            milestone_label: why,
        })
        .collect()
}

fn name_of(f: &Forecast, code: &str) -> String {
    f.post(code)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| code.to_string())
}

/// The screen's view of a forecast (see [`ForecastView`]).
pub fn view(store: &Store, input: &ForecastInput) -> Result<ForecastView> {
    let (data, f) = load(store, input)?;
    let names: HashMap<i64, String> = data
        .people
        .iter()
        .map(|(id, p)| (*id, p.full_name.clone()))
        .collect();
    let rows = f
        .posts
        .iter()
        .map(|p| RowView {
            code: p.code.clone(),
            name: p.name.clone(),
            seats: p.seats,
            holders: if p.holders.is_empty() {
                "chưa ai đang giữ".into()
            } else {
                p.holders
                    .iter()
                    .map(Holder::describe)
                    .collect::<Vec<_>>()
                    .join("; ")
            },
            planned: p.planned.len(),
            cells: p
                .years
                .iter()
                .map(|c| {
                    let leaving: Vec<String> = p
                        .holders
                        .iter()
                        .filter(|h| h.leaves.year == c.year)
                        .map(|h| format!("{} nghỉ {}", h.full_name, h.leaves.display()))
                        .collect();
                    let mut title = format!(
                        "{}, năm {}: {} người kế cận – {}",
                        p.name,
                        c.year,
                        c.successors.len(),
                        c.status.label()
                    );
                    if !leaving.is_empty() {
                        title.push_str(&format!("; {}", leaving.join("; ")));
                    }
                    CellView {
                        year: c.year,
                        count: c.successors.len(),
                        status: c.status,
                        holder_leaves: !leaving.is_empty(),
                        title,
                    }
                })
                .collect(),
        })
        .collect();
    let c = &f.counters;
    let tone = |n: usize| {
        if n == 0 {
            CellStatus::Xanh
        } else {
            CellStatus::Do
        }
    };
    let post_names = |codes: &[String]| codes.iter().map(|code| name_of(&f, code)).collect();
    let counters = vec![
        CounterView {
            label: "Chức danh chưa có ai trong quy hoạch".into(),
            count: c.posts_without_successor.len(),
            items: post_names(&c.posts_without_successor),
            status: tone(c.posts_without_successor.len()),
        },
        CounterView {
            label: "Chức danh có người đang giữ nghỉ trong kỳ dự báo mà năm đó không còn ai kế cận"
                .into(),
            count: c.holders_leaving_uncovered.len(),
            items: post_names(&c.holders_leaving_uncovered),
            status: tone(c.holders_leaving_uncovered.len()),
        },
        CounterView {
            label: format!(
                "Người trong quy hoạch đến tuổi nghỉ hưu trước mốc tính tuổi của nhiệm kỳ ({})",
                f.reference_month.display()
            ),
            count: c.aged_out_before_term.len(),
            items: c
                .aged_out_before_term
                .iter()
                .map(|id| names.get(id).cloned().unwrap_or_else(|| format!("Mã {id}")))
                .collect(),
            status: tone(c.aged_out_before_term.len()),
        },
        CounterView {
            label: "Chỉ tiêu của đơn vị không đạt trong kỳ dự báo".into(),
            count: c.targets_missed.len(),
            items: c
                .targets_missed
                .iter()
                .map(|m| {
                    format!(
                        "{} – {}: không đạt từ năm {} (chỉ tiêu {} đặt cho năm {})",
                        body_label(&m.body),
                        m.indicator.label().to_lowercase(),
                        m.year,
                        m.indicator.target_text(m.target),
                        m.since
                    )
                })
                .collect(),
            status: tone(c.targets_missed.len()),
        },
    ];
    let structure = STRUCTURE_BODIES
        .iter()
        .map(|body| {
            let mut order: Vec<StructureIndicator> = Vec::new();
            for r in f.structure.iter().filter(|r| r.body == *body) {
                if !order.contains(&r.indicator) {
                    order.push(r.indicator);
                }
            }
            let lines = order
                .into_iter()
                .map(|ind| {
                    let points: Vec<PointView> = f
                        .structure
                        .iter()
                        .filter(|r| r.body == *body && r.indicator == ind)
                        .map(|r| PointView {
                            year: r.year,
                            value: r.value,
                            text: ind.value_text(r.value, r.count, r.of),
                            target: r.target,
                            target_text: r.target.map(|t| ind.target_text(t)).unwrap_or_default(),
                            met: r.met,
                        })
                        .collect();
                    let first_miss = c
                        .targets_missed
                        .iter()
                        .filter(|m| m.body == *body && m.indicator == ind)
                        .map(|m| {
                            format!(
                                "Không đạt chỉ tiêu {} (đặt cho năm {}) từ năm {}",
                                ind.target_text(m.target),
                                m.since,
                                m.year
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    LineView {
                        indicator: ind,
                        label: ind.label().into(),
                        share: ind.is_share(),
                        points,
                        first_miss,
                    }
                })
                .collect();
            BodyView {
                body: body.to_string(),
                label: body_label(body),
                lines,
            }
        })
        .collect();
    Ok(ForecastView {
        term: f.term.clone(),
        from_year: f.from_year,
        to_year: f.to_year,
        horizon: (f.to_year - f.from_year + 1) as u32,
        horizons: HORIZONS.to_vec(),
        rule: format!(
            "Người kế cận phải còn ít nhất {} tháng công tác, tính từ tháng 01 của năm đến tháng đủ tuổi nghỉ hưu.",
            f.min_months
        ),
        years: milestones(&data, f.from_year, f.to_year),
        rows,
        counters,
        legend: CellStatus::ALL
            .iter()
            .map(|s| LegendItem {
                status: *s,
                label: s.label().into(),
            })
            .collect(),
        structure,
        help: HELP.iter().map(|s| s.to_string()).collect(),
        report_kind: DocKind::BaoCaoDuBao.code(),
        report_file: DocKind::BaoCaoDuBao.file_name(),
    })
}

/// The grid as an Excel workbook, every year of the horizon, each cell on the window's colour;
/// returns the rows written.
pub fn export(store: &Store, input: &ForecastInput, out: &Path) -> Result<usize> {
    let (_, f) = load(store, input)?;
    let years: Vec<i32> = (f.from_year..=f.to_year).collect();
    super::programmes::save_table(store, &grid_table(&f, &years, false), "Du bao", out)
}

/// The definitions the screen's help shows (the README's "Dự báo nguồn kế cận").
const HELP: &[&str] = &[
    "Người đang giữ một chức danh là người còn công tác có chức danh đó trong hồ sơ (chưa có ngày kết thúc, hoặc ngày kết thúc đã ghi chưa tới). Họ rời chức danh vào tháng đủ tuổi nghỉ hưu theo Nghị định 135/2020/NĐ-CP, hoặc vào ngày kết thúc đã ghi nếu sớm hơn.",
    "Một người là nguồn kế cận của chức danh trong một năm khi đang trong quy hoạch chức danh đó của nhiệm kỳ đã chọn (bước cuối không phải \"đưa ra\"), chưa nghỉ hưu ngày 01/01 năm đó và từ tháng 01 năm đó đến tháng đủ tuổi nghỉ hưu còn ít nhất số tháng công tác bộ quy định yêu cầu cho đối tượng 1.",
    "Ô đỏ: không còn ai kế cận; ô vàng: dưới 2 người cho mỗi vị trí; ô xanh: đủ nguồn. Dấu ▼ đánh dấu năm người đang giữ chức danh nghỉ.",
    "Cơ cấu nếu không bổ sung ai: mỗi năm mọi người thêm một tuổi, ai đến tuổi nghỉ hưu thì ra, không ai vào; so với chỉ tiêu đơn vị đặt cho năm đó hoặc năm trước gần nhất.",
];

/// One cell explained: everyone planned for the post, the month they reach retirement age,
/// months left from January of the year, and why someone does not count.
pub fn explain(store: &Store, input: &ForecastInput, code: &str, year: i32) -> Result<CellExplain> {
    let (_, f) = load(store, input)?;
    let Some(post) = f.post(code) else {
        return Err(CoreError::validation(
            "code",
            "unknown",
            format!("Dự báo: không có chức danh {code} trong danh mục."),
        ));
    };
    let Some(cell) = f.cell(code, year) else {
        return Err(CoreError::validation(
            "year",
            "range",
            format!(
                "Dự báo: năm {year} nằm ngoài kỳ dự báo {}–{}.",
                f.from_year, f.to_year
            ),
        ));
    };
    let lines = f
        .explain(code, year)
        .into_iter()
        .map(|l| ExplainLine {
            person_id: l.person_id,
            full_name: l.full_name,
            retires: l.retires.display(),
            months_left: l.months_left,
            counts: l.counts,
            reason: if l.counts {
                format!(
                    "còn {} tháng công tác từ 01/{year}: là nguồn kế cận",
                    l.months_left
                )
            } else {
                l.reason
            },
        })
        .collect();
    Ok(CellExplain {
        heading: format!(
            "{} – năm {year}: {} người kế cận ({})",
            post.name,
            cell.successors.len(),
            cell.status.label().to_lowercase()
        ),
        holders: post
            .holders
            .iter()
            .map(|h| format!("Người đang giữ: {}", h.describe()))
            .collect(),
        lines,
        empty: if post.planned.is_empty() {
            format!(
                "Chưa ai trong quy hoạch chức danh này ở nhiệm kỳ {}.",
                f.term
            )
        } else {
            String::new()
        },
    })
}
