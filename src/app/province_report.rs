//! The province's report on its wards' plans (PDF or Word, one document model) and the merged
//! workbook of every ward's planned people: what the dashboard and the lists show, on paper.

use std::path::{Path, PathBuf};

use super::province::{list, status, CrossFilter, Dashboard};
use crate::docs::frame;
use crate::docs::DocFormat;
use crate::document::{Block, Document, Orientation, Table};
use crate::error::{CoreError, Result};
use crate::report::table::{CellAlign, Column, Row};
use crate::report::{Cell, ReportTable};
use crate::rules::stats::Stats;
use crate::store::Store;

fn dashboard_table(d: &Dashboard) -> ReportTable {
    let columns = vec![
        Column::new("STT", 6.0, CellAlign::Center),
        Column::new("Đơn vị", 34.0, CellAlign::Left),
        Column::new("Tình trạng", 24.0, CellAlign::Left),
        Column::new("Ngày lập gói", 13.0, CellAlign::Center),
        Column::new("Số người", 9.0, CellAlign::Center),
        Column::new("Vi phạm", 9.0, CellAlign::Center),
        Column::new("Chỉ tiêu đạt", 11.0, CellAlign::Center),
    ];
    let rows = d
        .wards
        .iter()
        .enumerate()
        .map(|(i, w)| {
            Row::Data(vec![
                Cell::Number((i + 1) as f64),
                Cell::text(&w.name),
                Cell::text(&w.status_label),
                Cell::text(w.created_at.as_deref().map(day_of).unwrap_or_default()),
                Cell::Number(w.people as f64),
                Cell::Number(w.violations as f64),
                Cell::text(if w.received {
                    format!("{}/{}", w.targets_met, w.targets_total)
                } else {
                    String::new()
                }),
            ])
        })
        .collect();
    ReportTable {
        title: "Tình hình nhận gói dữ liệu quy hoạch".into(),
        columns,
        rows,
    }
}

/// "2027-03-15T09:00:00+07:00" → "15/03/2027".
fn day_of(rfc: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc)
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| rfc.to_string())
}

fn stats_table(s: &Stats) -> ReportTable {
    let columns = vec![
        Column::new("Tiêu chí", 48.0, CellAlign::Left),
        Column::new("Số lượng", 14.0, CellAlign::Center),
        Column::new("Tỷ lệ", 14.0, CellAlign::Center),
    ];
    let mut rows = vec![Row::Data(vec![
        Cell::text("Tổng số người trong quy hoạch"),
        Cell::Number(s.total as f64),
        Cell::text("100%"),
    ])];
    for (name, list) in s.groups() {
        rows.push(Row::Section(name.to_string()));
        for b in list {
            rows.push(Row::Data(vec![
                Cell::text(&b.label),
                Cell::Number(b.count as f64),
                Cell::text(crate::rules::facts::percent(b.percent / 100.0)),
            ]));
        }
    }
    ReportTable {
        title: "Cơ cấu, chất lượng nguồn quy hoạch toàn tỉnh".into(),
        columns,
        rows,
    }
}

/// The report as a document model.
pub fn describe(store: &Store, term: Option<&str>) -> Result<Document> {
    let d = status(store, term)?;
    let term = d.term.clone().ok_or_else(|| {
        CoreError::validation(
            "package",
            "none",
            "Chưa nhận gói nào của phường, xã: chưa có gì để báo cáo.",
        )
    })?;
    let unit = store.unit()?;
    let settings = crate::docs::settings::settings(store)?;
    let layout = settings.layout;
    let today = store.today();
    let mut sec = frame::section(Orientation::Portrait, &settings);
    sec.push(frame::header(&unit, None, today, &layout));
    for b in frame::title(
        "Báo cáo",
        &format!("Tổng hợp quy hoạch cán bộ của các phường, xã nhiệm kỳ {term}"),
        &layout,
    ) {
        sec.push(b);
    }
    let missing: Vec<&str> = d
        .wards
        .iter()
        .filter(|w| !w.received)
        .map(|w| w.name.as_str())
        .collect();
    let mut paras = vec![
        format!(
            "Thực hiện Hướng dẫn số 45-HD/BTCTW về công tác quy hoạch cán bộ, các đảng bộ phường, xã báo cáo kết quả quy hoạch lên cấp trên trực tiếp trước ngày {}. Đến ngày {}, {} đã nhận gói dữ liệu quy hoạch (có chữ ký số của đơn vị, đã kiểm tra) của {}/{} phường, xã.",
            d.deadline,
            today.format("%d/%m/%Y"),
            d.province,
            d.received,
            d.wards.len()
        ),
        format!(
            "Tổng số người trong quy hoạch của các đơn vị đã gửi: {}. Kiểm tra lại theo bộ quy định của tỉnh ({}): {} vi phạm.",
            d.people,
            if d.rule_set.is_empty() { "—" } else { &d.rule_set },
            d.violations
        ),
    ];
    if !missing.is_empty() {
        paras.push(format!("Các đơn vị chưa gửi: {}.", missing.join("; ")));
    }
    for p in &paras {
        sec.push(frame::body(p, &layout));
    }
    sec.push(frame::heading("1. Tình hình nhận gói dữ liệu", &layout));
    sec.push(Block::Table(Table {
        table: dashboard_table(&d),
        size: 12.0,
        min_size: 8.0,
        number_row: false,
        keep_with_next: false,
    }));
    if let Some(s) = &d.stats {
        sec.push(frame::heading(
            "2. Cơ cấu, chất lượng nguồn quy hoạch toàn tỉnh",
            &layout,
        ));
        sec.push(Block::Table(Table {
            table: stats_table(s),
            size: 12.0,
            min_size: 8.0,
            number_row: false,
            keep_with_next: false,
        }));
    }
    Ok(Document {
        title: format!("Báo cáo tổng hợp quy hoạch cán bộ nhiệm kỳ {term}"),
        sections: vec![sec],
    })
}

/// The merged workbook: everyone planned in every ward's current package, a section per ward.
fn merged_table(store: &Store, term: Option<&str>) -> Result<ReportTable> {
    let rows = list(
        store,
        &CrossFilter {
            term: term.map(String::from),
            ..Default::default()
        },
    )?;
    let columns = vec![
        Column::new("STT", 6.0, CellAlign::Center),
        Column::new("Họ và tên", 28.0, CellAlign::Left),
        Column::new("Ngày sinh", 12.0, CellAlign::Center),
        Column::new("Giới tính", 8.0, CellAlign::Center),
        Column::new("Tuổi", 6.0, CellAlign::Center),
        Column::new("Chức danh quy hoạch", 36.0, CellAlign::Left),
    ];
    let mut out = Vec::new();
    let mut ward = String::new();
    let mut n = 0;
    for r in rows {
        if r.ward_code != ward {
            ward = r.ward_code.clone();
            out.push(Row::Section(format!("{} ({})", r.ward_name, r.ward_code)));
        }
        n += 1;
        out.push(Row::Data(vec![
            Cell::Number(n as f64),
            Cell::text(r.full_name),
            Cell::text(r.birth_date),
            Cell::text(r.sex),
            Cell::Number(r.age as f64),
            Cell::text(r.position_name),
        ]));
    }
    Ok(ReportTable {
        title: "Danh sách quy hoạch của các phường, xã".into(),
        columns,
        rows: out,
    })
}

/// Writes the report (.pdf or .docx) or the merged workbook (.xlsx) at `out`, never over an
/// existing file.
pub fn report(store: &Store, term: Option<&str>, out: &Path) -> Result<PathBuf> {
    super::province::require(store)?;
    if out.exists() {
        return Err(CoreError::FileExists(out.to_path_buf()));
    }
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    if ext == "xlsx" {
        let table = merged_table(store, term)?;
        crate::xlsx::sheet::save(
            out,
            &store.unit()?,
            "Tổng hợp",
            &table,
            &crate::xlsx::ExportMeta::default(),
        )?;
        return Ok(out.to_path_buf());
    }
    let doc = describe(store, term)?;
    let bytes = match DocFormat::of_path(out).unwrap_or_default() {
        DocFormat::Pdf => crate::pdf::render(&doc).finish(),
        DocFormat::Docx => crate::docx::write(&doc)?,
    };
    let tmp = out.with_extension(format!("dang-ghi.{ext}"));
    std::fs::write(&tmp, &bytes)?;
    std::fs::rename(&tmp, out).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    Ok(out.to_path_buf())
}
