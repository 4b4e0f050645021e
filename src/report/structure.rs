//! Biểu tổng hợp cơ cấu, chất lượng: one row per planned position and a total row, each count
//! followed (where the template asks) by its share of the row's total as a formula with its value
//! cached. The total row counts people once even when they are planned for several posts, so it
//! holds the counts of the whole plan rather than a SUM of the rows above.

use super::table::{column_letter, Cell, ReportTable, Row};
use super::template::Template;
use crate::error::{CoreError, Result};
use crate::model::{PoliticalTheory, ProfessionalLevel, StateManagement};
use crate::rules::stats::{Bucket, Stats};
use crate::store::plan::PlanData;

fn by_label(buckets: &[Bucket], labels: &[&str]) -> usize {
    buckets
        .iter()
        .filter(|b| labels.contains(&b.label.as_str()))
        .map(|b| b.count)
        .sum()
}

/// The count a structure column shows, or None for a band the ward's rules do not have.
fn count(stats: &Stats, key: &str) -> Option<usize> {
    use PoliticalTheory as L;
    use ProfessionalLevel as P;
    use StateManagement as Q;
    let band = |v: &[Bucket], prefix: &str| {
        key.strip_prefix(prefix)
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| v.get(i))
            .map(|b| b.count)
    };
    Some(match key {
        "total" => stats.total,
        "women" => by_label(&stats.sex, &["Nữ"]),
        "minority" => by_label(&stats.ethnicity, &["Dân tộc thiểu số"]),
        "young" => stats.young.count,
        k if k.starts_with("age_band_") => band(&stats.age_bands, "age_band_")?,
        k if k.starts_with("group3_") => band(&stats.three_age_groups, "group3_")?,
        "prof_tien_si" => by_label(&stats.professional, &[P::TienSi.label()]),
        "prof_thac_si" => by_label(&stats.professional, &[P::ThacSi.label()]),
        "prof_dai_hoc" => by_label(&stats.professional, &[P::DaiHoc.label()]),
        "prof_cao_dang_trung_cap" => by_label(
            &stats.professional,
            &[P::CaoDang.label(), P::TrungCap.label()],
        ),
        "llct_cao_cap_cu_nhan" => by_label(
            &stats.political_theory,
            &[L::CaoCap.label(), L::CuNhan.label()],
        ),
        "llct_trung_cap" => by_label(&stats.political_theory, &[L::TrungCap.label()]),
        "llct_so_cap" => by_label(&stats.political_theory, &[L::SoCap.label()]),
        "qlnn_cvcc" => by_label(&stats.state_management, &[Q::ChuyenVienCaoCap.label()]),
        "qlnn_cvc" => by_label(&stats.state_management, &[Q::ChuyenVienChinh.label()]),
        "qlnn_cv" => by_label(&stats.state_management, &[Q::ChuyenVien.label()]),
        "origin_local" => by_label(&stats.origin, &["Tại chỗ"]),
        "origin_other" => by_label(&stats.origin, &["Nơi khác"]),
        _ => return None,
    })
}

fn row(template: &Template, label: &str, n: Option<usize>, stats: &Stats) -> Result<Vec<Cell>> {
    let total_col = template.columns.iter().position(|c| c.key == "total");
    template
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let missing = || {
                CoreError::validation(
                    &format!("columns[{i}].key"),
                    "unknown_band",
                    format!(
                        "Mẫu xuất Excel, cột {}: “{}” không có trong các nhóm tuổi của bộ quy tắc đang dùng.",
                        i + 1,
                        c.key
                    ),
                )
            };
            Ok(match c.key.as_str() {
                "stt" => n.map(|n| Cell::Number(n as f64)).unwrap_or_else(Cell::empty),
                "group" => Cell::text(label),
                key => match key.strip_suffix("_pct") {
                    Some(base) => {
                        let x = count(stats, base).ok_or_else(missing)?;
                        let base_col = template
                            .columns
                            .iter()
                            .position(|o| o.key == base)
                            .ok_or_else(missing)?;
                        let (b, t) = (
                            column_letter(base_col as u16),
                            column_letter(total_col.ok_or_else(missing)? as u16),
                        );
                        let share = if stats.total == 0 {
                            0.0
                        } else {
                            x as f64 / stats.total as f64
                        };
                        Cell::Formula {
                            text: format!("=IF({t}{{r}}=0,0,{b}{{r}}/{t}{{r}})"),
                            cached: share,
                            percent: true,
                        }
                    }
                    None => Cell::Number(count(stats, key).ok_or_else(missing)? as f64),
                },
            })
        })
        .collect()
}

/// One row per planned position (rank order) and a total row counting each person once.
pub fn structure_rows(data: &PlanData, template: &Template) -> Result<ReportTable> {
    let mut positions: Vec<_> = data
        .positions
        .iter()
        .filter(|pos| {
            data.entries
                .iter()
                .any(|e| Some(e.position_id) == pos.id && e.is_active())
        })
        .collect();
    positions.sort_by(|a, b| b.rank.cmp(&a.rank).then_with(|| a.code.cmp(&b.code)));
    let mut rows = Vec::new();
    for (i, pos) in positions.iter().enumerate() {
        let stats = data.stats(&pos.code);
        rows.push(Row::Data(row(template, &pos.name, Some(i + 1), &stats)?));
    }
    let all = data.stats("TAT_CA");
    let label = format!(
        "Tổng số ({} người, mỗi người tính một lần; {} chức danh)",
        all.total,
        positions.len()
    );
    rows.push(Row::Total(row(template, &label, None, &all)?));
    Ok(template.table(rows))
}
