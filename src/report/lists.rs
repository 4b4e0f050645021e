//! The lists that are not a template's: the young-cadre list, the rotation lists and a source
//! programme's participants, each a report table with its own columns.

use super::table::{Cell, CellAlign, Column, ReportTable, Row};
use crate::model::plan::Programme;
use crate::model::programme::ProgrammeRecordKind;
use crate::rules::rotation::RotationLists;
use crate::rules::young::YoungList;

/// The list as a report table (the Excel export and a printed annex): those meeting every
/// criterion, then those short of one, with the reason.
pub fn young_table(l: &YoungList) -> ReportTable {
    let columns = vec![
        Column::new("STT", 5.0, CellAlign::Center),
        Column::new("Họ và tên", 24.0, CellAlign::Left),
        Column::new("Ngày sinh", 12.0, CellAlign::Center),
        Column::new("Chức vụ hiện nay", 30.0, CellAlign::Left),
        Column::new("Kết quả", 14.0, CellAlign::Left),
        Column::new("Tiêu chí chưa đạt", 40.0, CellAlign::Left),
    ];
    let mut rows = Vec::new();
    let parts = [
        ("Đạt các tiêu chí", &l.meeting),
        ("Còn thiếu một tiêu chí", &l.just_short),
    ];
    let mut i = 0;
    for (name, list) in parts {
        rows.push(Row::Section(format!("{name} ({} người)", list.len())));
        for a in list {
            i += 1;
            rows.push(Row::Data(vec![
                Cell::Number(i as f64),
                Cell::text(&a.full_name),
                Cell::date(Some(&a.birth_date)),
                Cell::text(&a.positions),
                Cell::text(if a.met {
                    "Đạt"
                } else {
                    "Thiếu một tiêu chí"
                }),
                Cell::text(a.reasons()),
            ]));
        }
    }
    ReportTable {
        title: format!(
            "Danh sách cán bộ trẻ (xét tại ngày {})",
            l.as_of.format("%d/%m/%Y")
        ),
        columns,
        rows,
    }
}

/// The lists as a report table (the Excel export): one section per list, each line with its
/// years and the rule.
pub fn rotation_table(l: &RotationLists) -> ReportTable {
    let columns = vec![
        Column::new("STT", 5.0, CellAlign::Center),
        Column::new("Họ và tên", 24.0, CellAlign::Left),
        Column::new("Chức vụ", 28.0, CellAlign::Left),
        Column::new("Giữ từ", 12.0, CellAlign::Center),
        Column::new("Số năm", 8.0, CellAlign::Center),
        Column::new("Quê quán", 20.0, CellAlign::Left),
        Column::new("Quy định", 50.0, CellAlign::Left),
    ];
    let mut rows = Vec::new();
    let parts = [
        (
            format!("Giữ một vị trí lãnh đạo từ {} năm trở lên", l.params.years),
            &l.long_tenure,
        ),
        (
            "Chức danh chủ chốt là người địa phương".to_string(),
            &l.local_key,
        ),
    ];
    let mut i = 0;
    for (name, lines) in parts {
        rows.push(Row::Section(format!("{name} ({} người)", lines.len())));
        for r in lines {
            i += 1;
            rows.push(Row::Data(vec![
                Cell::Number(i as f64),
                Cell::text(&r.full_name),
                Cell::text(&r.title),
                Cell::date(Some(&r.since)),
                Cell::Number(r.years as f64),
                Cell::text(&r.home_town),
                Cell::text(&r.rule),
            ]));
        }
    }
    ReportTable {
        title: format!(
            "Danh sách cán bộ cần xem xét luân chuyển (tại ngày {})",
            l.as_of.format("%d/%m/%Y")
        ),
        columns,
        rows,
    }
}

/// The participants as a report table: one row each, trainings and evaluations listed in their
/// cells, the outcome last.
pub fn programme_table(p: &Programme) -> ReportTable {
    let columns = vec![
        Column::new("STT", 5.0, CellAlign::Center),
        Column::new("Họ và tên", 26.0, CellAlign::Left),
        Column::new("Ngày được đề xuất", 12.0, CellAlign::Center),
        Column::new("Tình trạng", 16.0, CellAlign::Left),
        Column::new("Đào tạo, bồi dưỡng", 34.0, CellAlign::Left),
        Column::new("Đánh giá hằng năm", 30.0, CellAlign::Left),
        Column::new("Kết quả bố trí", 30.0, CellAlign::Left),
    ];
    let mut rows = Vec::new();
    for (i, m) in p.members.iter().enumerate() {
        let trainings: Vec<String> = m
            .records
            .iter()
            .filter(|r| r.kind == ProgrammeRecordKind::Training.code())
            .map(|r| {
                let mut s = r.content.clone();
                if !r.institution.is_empty() {
                    s.push_str(&format!(", {}", r.institution));
                }
                s.push_str(&format!(" (từ {}", r.date.to_display()));
                if let Some(to) = &r.to {
                    s.push_str(&format!(" đến {}", to.to_display()));
                }
                s.push(')');
                if !r.result.is_empty() {
                    s.push_str(&format!(": {}", r.result));
                }
                if !r.certificate.is_empty() {
                    s.push_str(&format!("; {}", r.certificate));
                }
                s
            })
            .collect();
        let evaluations: Vec<String> = m
            .records
            .iter()
            .filter(|r| r.kind == ProgrammeRecordKind::Evaluation.code())
            .map(|r| {
                let rating = r.rating.map(|x| x.label()).unwrap_or(r.result.as_str());
                format!("Năm {}: {rating}. {}", r.date.year(), r.content)
            })
            .collect();
        let outcome = match &m.outcome {
            Some(o) => match o.kind {
                Some(k) => format!(
                    "{} {} từ {} (Quyết định số {})",
                    k.label(),
                    o.post,
                    o.date.to_display(),
                    o.decision_no
                ),
                None => format!(
                    "Ra khỏi đề án từ {}: {} (Quyết định số {})",
                    o.date.to_display(),
                    o.reason,
                    o.decision_no
                ),
            },
            None => String::new(),
        };
        rows.push(Row::Data(vec![
            Cell::Number((i + 1) as f64),
            Cell::text(&m.full_name),
            Cell::date(Some(&m.selected_on)),
            Cell::text(m.stage.label()),
            Cell::text(trainings.join("\n")),
            Cell::text(evaluations.join("\n")),
            Cell::text(outcome),
        ]));
    }
    ReportTable {
        title: format!("Danh sách cán bộ tham gia {}", p.name),
        columns,
        rows,
    }
}
