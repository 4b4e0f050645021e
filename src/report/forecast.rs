//! The succession forecast's tables (issue 23), built once from the forecast: the grid of posts
//! × years, which the workbook writes with the window's colours and the report prints as its
//! annex, and the structure of each body at the years shown.

use super::table::{Cell, CellAlign, Column, ReportTable, Row, Shade};
use crate::rules::forecast::{CellStatus, Forecast, Holder, STRUCTURE_BODIES};
use crate::rules::targets::body_label;

fn shade(status: CellStatus) -> Shade {
    match status {
        CellStatus::Do => Shade::Red,
        CellStatus::Vang => Shade::Amber,
        CellStatus::Xanh => Shade::Green,
    }
}

/// What the marks of the grid mean, said under it (the printed table has no colours).
pub fn grid_legend() -> String {
    format!(
        "Ghi chú: số trong ô là số người trong quy hoạch còn có thể đảm nhiệm chức danh năm đó; (Đ) {}, (V) {}, (X) {}; ▼ năm người đang giữ chức danh nghỉ.",
        CellStatus::Do.label().to_lowercase(),
        CellStatus::Vang.label().to_lowercase(),
        CellStatus::Xanh.label().to_lowercase()
    )
}

fn mark(status: CellStatus) -> &'static str {
    match status {
        CellStatus::Do => "Đ",
        CellStatus::Vang => "V",
        CellStatus::Xanh => "X",
    }
}

/// The grid over `years` (every year of the forecast for the workbook; fewer for a page): one
/// row per post, its seats and holders, then per year the number of successors on the
/// status's colour, "▼" in the year a holder leaves. `marks` adds the status's letter for a
/// printed table.
pub fn grid_table(f: &Forecast, years: &[i32], marks: bool) -> ReportTable {
    let mut columns = vec![
        Column::new("STT", 5.0, CellAlign::Center),
        Column::new("Chức danh", 28.0, CellAlign::Left),
        Column::new("Số vị trí", 6.0, CellAlign::Center),
        Column::new("Người đang giữ, thời điểm nghỉ", 28.0, CellAlign::Left),
    ];
    for y in years {
        let mut c = Column::new(
            &y.to_string(),
            if marks { 7.0 } else { 6.0 },
            CellAlign::Center,
        );
        c.group = Some("Số người kế cận theo năm".into());
        columns.push(c);
    }
    let rows = f
        .posts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut cells = vec![
                Cell::Number((i + 1) as f64),
                Cell::text(&p.name),
                Cell::Number(f64::from(p.seats)),
                Cell::text(
                    p.holders
                        .iter()
                        .map(Holder::describe)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ];
            for y in years {
                let Some(c) = f.cell(&p.code, *y) else {
                    cells.push(Cell::empty());
                    continue;
                };
                let n = c.successors.len();
                let mut text = n.to_string();
                if marks {
                    text.push_str(&format!(" ({})", mark(c.status)));
                }
                if p.holder_leaves_in(*y) {
                    text.push_str(" ▼");
                }
                cells.push(Cell::Shaded {
                    value: n as f64,
                    text,
                    shade: shade(c.status),
                });
            }
            Row::Data(cells)
        })
        .collect();
    ReportTable {
        title: format!(
            "Dự báo nguồn cán bộ kế cận {}–{} (quy hoạch nhiệm kỳ {})",
            f.from_year, f.to_year, f.term
        ),
        columns,
        rows,
    }
}

/// The structure if nothing changes, at `years`: a section per body, a row per indicator, a
/// value per year on red where the ward's target that year is missed, on green where met.
pub fn structure_table(f: &Forecast, years: &[i32]) -> ReportTable {
    let mut columns = vec![Column::new("Chỉ số", 34.0, CellAlign::Left)];
    for y in years {
        let mut c = Column::new(&y.to_string(), 11.0, CellAlign::Center);
        c.group = Some("Năm".into());
        columns.push(c);
    }
    let mut rows = Vec::new();
    for body in STRUCTURE_BODIES {
        rows.push(Row::Section(body_label(body)));
        let mut order = Vec::new();
        for r in f.structure.iter().filter(|r| r.body == body) {
            if !order.contains(&r.indicator) {
                order.push(r.indicator);
            }
        }
        for ind in order {
            let mut cells = vec![Cell::text(ind.label())];
            for y in years {
                let Some(r) = f.structure_row(body, ind, *y) else {
                    cells.push(Cell::empty());
                    continue;
                };
                let mut text = ind.value_text(r.value, r.count, r.of);
                if let Some(t) = r.target {
                    text.push_str(&format!(" / {}", ind.target_text(t)));
                }
                cells.push(match r.met {
                    Some(met) => Cell::Shaded {
                        value: r.value,
                        text,
                        shade: if met { Shade::Green } else { Shade::Red },
                    },
                    None => Cell::Text(text),
                });
            }
            rows.push(Row::Data(cells));
        }
    }
    ReportTable {
        title: "Cơ cấu nếu không bổ sung ai (giá trị / chỉ tiêu của đơn vị)".into(),
        columns,
        rows,
    }
}
