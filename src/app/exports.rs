//! Excel workbooks sent to the province: one dispatch for every kind, from the window and the CLI.

use std::path::PathBuf;

use chrono::Datelike;
use serde::Deserialize;

use crate::error::{CoreError, Result};
use crate::report::{ExportKind, Template};
use crate::store::Store;
use crate::xlsx::PlanExport;
use crate::xlsx::{ExportMeta, ExportReport};

/// A workbook as the clerk asks for it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ExportInput {
    /// "can-bo", "trich-ngang", "co-cau", "ra-soat", "dao-tao".
    pub kind: String,
    pub term: Option<String>,
    pub out: PathBuf,
    /// "(Kèm theo Tờ trình số …)" under the title.
    pub attached_to: Option<String>,
    /// A template of the ward's own (JSON text), instead of the shipped one.
    pub template: Option<String>,
    /// The year reported on (a review's year; ratings up to the year before). None: this year.
    pub year: Option<i32>,
}

pub fn kind_of(text: &str) -> Result<ExportKind> {
    super::parse_code(
        "kind",
        "Loại bảng tính",
        text,
        &ExportKind::ALL,
        ExportKind::code,
        label,
    )
}

/// The workbook's name as the window lists it.
pub fn label(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::CanBo => "Danh sách cán bộ",
        ExportKind::TrichNgang => "Danh sách trích ngang quy hoạch",
        ExportKind::CoCau => "Biểu tổng hợp cơ cấu, chất lượng",
        ExportKind::RaSoat => "Kết quả rà soát, bổ sung quy hoạch",
        ExportKind::DaoTao => "Danh sách cán bộ cần đào tạo, bồi dưỡng",
    }
}

/// Writes the workbook (never over an existing file; its folder is made if needed).
pub fn export(store: &Store, input: &ExportInput) -> Result<ExportReport> {
    let kind = kind_of(&input.kind)?;
    let template = match input.template.as_deref() {
        Some(json) => Template::from_json(json, kind)?,
        None => kind.default_template(),
    };
    let meta = ExportMeta {
        attached_to: input
            .attached_to
            .as_deref()
            .map(crate::text::clean)
            .filter(|a| !a.is_empty()),
    };
    let term = || {
        input
            .term
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                CoreError::validation(
                    "term",
                    "required",
                    "Bảng tính này cần chọn nhiệm kỳ quy hoạch.",
                )
            })
    };
    if input.out.as_os_str().is_empty() {
        return Err(CoreError::validation(
            "out",
            "required",
            "Xuất Excel: chưa chọn nơi lưu tệp.",
        ));
    }
    if let Some(dir) = input.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let today = store.today();
    let year = input.year.unwrap_or_else(|| today.year());
    let plan = |term_code| PlanExport {
        term_code,
        rating_year: year - 1,
        as_of: today,
    };
    let out = input.out.as_path();
    match kind {
        ExportKind::CanBo => crate::xlsx::export_people(store, out, &template, &meta),
        ExportKind::TrichNgang => {
            crate::xlsx::export_plan_list(store, out, &template, &meta, &plan(term()?))
        }
        ExportKind::CoCau => crate::xlsx::export_structure(store, out, &template, &meta, term()?),
        ExportKind::RaSoat => {
            crate::xlsx::export_review(store, out, &template, &meta, &plan(term()?), year)
        }
        ExportKind::DaoTao => {
            crate::xlsx::export_training_gaps(store, out, &template, &meta, &plan(term()?))
        }
    }
}
