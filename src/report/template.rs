//! Export templates: the title, sheet name and the set and order of columns of a workbook, as a
//! small JSON file a ward can edit or replace with the province's own (defaults in assets/templates).

use serde::{Deserialize, Serialize};

use super::keys::{ColumnKey, PersonKey, PlanKey};
use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Which value goes in the column (see `keys`; `STRUCTURE_KEYS` for the structure table).
    pub key: String,
    pub header: String,
    /// A header spanning consecutive columns with the same group, e.g. "Ngày sinh" over Nam | Nữ.
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default = "default_width")]
    pub width: f64,
}

fn default_width() -> f64 {
    12.0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub title: String,
    pub sheet: String,
    pub columns: Vec<Column>,
}

/// Columns of the structure and quality table; each count may be followed by its `_pct` share.
pub const STRUCTURE_KEYS: &[&str] = &[
    "stt",
    "group",
    "total",
    "women",
    "minority",
    "young",
    "age_band_0",
    "age_band_1",
    "age_band_2",
    "age_band_3",
    "age_band_4",
    "age_band_5",
    "age_band_6",
    "age_band_7",
    "group3_0",
    "group3_1",
    "group3_2",
    "prof_tien_si",
    "prof_thac_si",
    "prof_dai_hoc",
    "prof_cao_dang_trung_cap",
    "llct_cao_cap_cu_nhan",
    "llct_trung_cap",
    "llct_so_cap",
    "qlnn_cvcc",
    "qlnn_cvc",
    "qlnn_cv",
    "origin_local",
    "origin_other",
];

/// Columns whose text reads left to right; the others (numbers, dates, codes) are centred.
const TEXT_KEYS: &[&str] = &[
    "full_name",
    "other_name",
    "home_town",
    "birthplace",
    "residence",
    "positions",
    "professional",
    "planned_position",
    "lacks",
    "note",
    "reason",
    "decision",
    "group",
    "status_reason",
    "foreign_language",
    "it",
];

/// The workbooks a ward sends, each with its shipped template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// Danh sách cán bộ (everyone on record).
    CanBo,
    /// Danh sách trích ngang of a term's plan, grouped by position.
    TrichNgang,
    /// Biểu tổng hợp cơ cấu, chất lượng of a term's plan.
    CoCau,
    /// Kết quả rà soát, bổ sung quy hoạch of one year.
    RaSoat,
    /// Danh sách cán bộ cần đào tạo, bồi dưỡng.
    DaoTao,
}

impl ExportKind {
    pub const ALL: [ExportKind; 5] = [
        ExportKind::CanBo,
        ExportKind::TrichNgang,
        ExportKind::CoCau,
        ExportKind::RaSoat,
        ExportKind::DaoTao,
    ];

    /// The name used on the command line and in file names.
    pub fn code(self) -> &'static str {
        match self {
            ExportKind::CanBo => "can-bo",
            ExportKind::TrichNgang => "trich-ngang",
            ExportKind::CoCau => "co-cau",
            ExportKind::RaSoat => "ra-soat",
            ExportKind::DaoTao => "dao-tao",
        }
    }

    /// The workbook's name as the Excel card lists it.
    pub fn label(self) -> &'static str {
        match self {
            ExportKind::CanBo => "Danh sách cán bộ",
            ExportKind::TrichNgang => "Danh sách trích ngang quy hoạch",
            ExportKind::CoCau => "Biểu cơ cấu, chất lượng",
            ExportKind::RaSoat => "Kết quả rà soát năm nay",
            ExportKind::DaoTao => "Cần đào tạo, bồi dưỡng",
        }
    }

    /// The start of the file name the window suggests.
    pub fn file_name(self) -> &'static str {
        match self {
            ExportKind::CanBo => "Danh sách cán bộ",
            ExportKind::TrichNgang => "Danh sách trích ngang",
            ExportKind::CoCau => "Biểu cơ cấu, chất lượng",
            ExportKind::RaSoat => "Kết quả rà soát",
            ExportKind::DaoTao => "Danh sách cần đào tạo",
        }
    }

    pub fn from_code(code: &str) -> Option<ExportKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    fn shipped(self) -> &'static str {
        match self {
            ExportKind::CanBo => include_str!("../../assets/templates/danh-sach-can-bo.json"),
            ExportKind::TrichNgang => {
                include_str!("../../assets/templates/trich-ngang-quy-hoach.json")
            }
            ExportKind::CoCau => include_str!("../../assets/templates/co-cau-chat-luong.json"),
            ExportKind::RaSoat => include_str!("../../assets/templates/ket-qua-ra-soat.json"),
            ExportKind::DaoTao => include_str!("../../assets/templates/can-dao-tao.json"),
        }
    }

    fn allows(self, key: &str) -> bool {
        use ColumnKey::{Lacks, Person, Plan};
        match self {
            ExportKind::CoCau => {
                let base = key.strip_suffix("_pct").unwrap_or(key);
                STRUCTURE_KEYS.contains(&base)
                    && !(key.ends_with("_pct") && (base == "group" || base == "stt"))
            }
            ExportKind::CanBo => matches!(ColumnKey::from_code(key), Some(Person(_))),
            ExportKind::TrichNgang | ExportKind::RaSoat => {
                matches!(ColumnKey::from_code(key), Some(Person(_) | Plan(_)))
            }
            ExportKind::DaoTao => matches!(
                ColumnKey::from_code(key),
                Some(Person(_) | Plan(PlanKey::PlannedPosition | PlanKey::Note) | Lacks)
            ),
        }
    }

    /// Every key a template of this kind may name (the structure table's `_pct` shares aside).
    pub fn keys(self) -> Vec<&'static str> {
        let person = PersonKey::ALL.iter().map(|k| k.code());
        let plan = PlanKey::ALL.iter().map(|k| k.code());
        match self {
            ExportKind::CanBo => person.collect(),
            ExportKind::CoCau => STRUCTURE_KEYS.to_vec(),
            ExportKind::TrichNgang | ExportKind::RaSoat => person.chain(plan).collect(),
            ExportKind::DaoTao => person
                .chain([
                    PlanKey::PlannedPosition.code(),
                    ColumnKey::LACKS,
                    PlanKey::Note.code(),
                ])
                .collect(),
        }
    }

    fn keys_hint(self) -> String {
        match self {
            ExportKind::CoCau => format!(
                "{} (mỗi số đếm có thể kèm cột “…_pct”)",
                STRUCTURE_KEYS.join(", ")
            ),
            ExportKind::CanBo
            | ExportKind::TrichNgang
            | ExportKind::RaSoat
            | ExportKind::DaoTao => self.keys().join(", "),
        }
    }

    /// The shipped template of this kind.
    pub fn default_template(self) -> Template {
        // Each shipped file is checked by a unit test; a broken one is a build defect.
        Template::from_json(self.shipped(), self).expect("mẫu xuất Excel có sẵn hợp lệ")
    }
}

impl Template {
    /// The shipped template of the full cadre list.
    pub fn people_default() -> Template {
        ExportKind::CanBo.default_template()
    }

    /// Reads a ward's template of a kind, checking every column names a value that kind can show.
    pub fn from_json(text: &str, kind: ExportKind) -> Result<Template> {
        let t: Template = serde_json::from_str(text)
            .map_err(|e| CoreError::Json(format!("mẫu xuất Excel: {e}")))?;
        let mut errors = Vec::new();
        if t.columns.is_empty() {
            errors.push(FieldError::new(
                "columns",
                "required",
                "Mẫu xuất Excel: phải có ít nhất một cột.",
            ));
        }
        for (i, c) in t.columns.iter().enumerate() {
            if !kind.allows(&c.key) {
                errors.push(FieldError::new(
                    format!("columns[{i}].key"),
                    "unknown_column",
                    format!(
                        "Mẫu xuất Excel, cột {}: “{}” không phải giá trị đã biết ({}).",
                        i + 1,
                        c.key,
                        kind.keys_hint()
                    ),
                ));
            }
            if let Some(base) = c.key.strip_suffix("_pct") {
                if !t.columns.iter().any(|o| o.key == base)
                    || !t.columns.iter().any(|o| o.key == "total")
                {
                    errors.push(FieldError::new(
                        format!("columns[{i}].key"),
                        "percent_base",
                        format!(
                            "Mẫu xuất Excel, cột {}: tỷ lệ “{}” cần cả cột “{base}” và cột “total”.",
                            i + 1,
                            c.key
                        ),
                    ));
                }
            }
        }
        if t.sheet.trim().is_empty()
            || t.sheet.chars().count() > 31
            || t.sheet.contains(['[', ']', ':', '*', '?', '/', '\\'])
        {
            errors.push(FieldError::new(
                "sheet",
                "sheet_name",
                format!(
                    "Mẫu xuất Excel: tên trang “{}” phải có 1–31 ký tự, không có [ ] : * ? / \\.",
                    t.sheet
                ),
            ));
        }
        if errors.is_empty() {
            Ok(t)
        } else {
            Err(CoreError::Validation(errors))
        }
    }

    /// Names the planning term in the title: "{NK}" is replaced by it ("2030 – 2035"); a title
    /// without "{NK}" gets " NHIỆM KỲ 2030 – 2035" at its end.
    pub fn with_term(&self, term_code: &str) -> Template {
        let mut t = self.clone();
        t.title = term_title(&t.title, term_code);
        t
    }

    /// The report table of these columns and rows, titled as the template (names and sentences
    /// read from the left when printed, numbers, dates and codes centred).
    pub fn table(&self, rows: Vec<super::Row>) -> super::ReportTable {
        use super::table::{CellAlign, Column as TableColumn};
        super::ReportTable {
            title: self.title.clone(),
            columns: self
                .columns
                .iter()
                .map(|c| TableColumn {
                    key: c.key.clone(),
                    header: c.header.clone(),
                    group: c.group.clone(),
                    width: c.width,
                    align: if TEXT_KEYS.contains(&c.key.as_str()) {
                        CellAlign::Left
                    } else {
                        CellAlign::Center
                    },
                })
                .collect(),
            rows,
        }
    }

    /// Replaces "{N}", "{N-1}", "{N-2}" in headers with the years of the ratings shown.
    pub fn with_year(&self, year: i32) -> Template {
        let fill = |s: &str| {
            s.replace("{N-2}", &(year - 2).to_string())
                .replace("{N-1}", &(year - 1).to_string())
                .replace("{N}", &year.to_string())
        };
        let mut t = self.clone();
        t.title = fill(&t.title);
        for c in &mut t.columns {
            c.header = fill(&c.header);
            c.group = c.group.as_deref().map(fill);
        }
        t
    }
}

/// A title naming a term: "{NK}" replaced by "2030 – 2035", or " NHIỆM KỲ 2030 – 2035" added.
pub fn term_title(title: &str, term_code: &str) -> String {
    let term = term_code.replace('-', " – ");
    if title.contains("{NK}") {
        title.replace("{NK}", &term)
    } else if !term_code.is_empty() {
        format!("{title} NHIỆM KỲ {term}")
    } else {
        title.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_templates_are_valid() {
        for kind in ExportKind::ALL {
            let t = kind.default_template();
            let text = serde_json::to_string(&t).unwrap();
            assert_eq!(Template::from_json(&text, kind).unwrap(), t);
            assert_eq!(ExportKind::from_code(kind.code()), Some(kind));
        }
    }

    #[test]
    fn unknown_column_is_named() {
        let err = Template::from_json(
            r#"{"title":"X","sheet":"Trang 1","columns":[{"key":"luong","header":"Lương"}]}"#,
            ExportKind::CanBo,
        )
        .unwrap_err();
        assert_eq!(err.field_errors()[0].field, "columns[0].key");
        assert!(err.field_errors()[0]
            .message
            .starts_with("Mẫu xuất Excel, cột 1: “luong” không phải giá trị đã biết"));
    }
}
