//! Export templates: the title, sheet name and the set and order of columns of a workbook, as a
//! small JSON file a ward can edit or replace with the province's own (defaults in assets/templates).

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Which value goes in the column (see `COLUMN_KEYS`).
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

/// The values a column of the cadre list can show.
pub const COLUMN_KEYS: &[&str] = &[
    "stt",
    "full_name",
    "other_name",
    "sex",
    "birth_date",
    "birth_male",
    "birth_female",
    "ethnicity",
    "religion",
    "home_town",
    "birthplace",
    "residence",
    "cccd",
    "positions",
    "party_admission_date",
    "party_official_date",
    "general_education",
    "professional",
    "political_theory",
    "state_management",
    "foreign_language",
    "it",
    "status",
];

impl Template {
    /// The shipped template of the full cadre list.
    pub fn people_default() -> Template {
        // The shipped file is checked by a unit test; a broken one is a build defect.
        serde_json::from_str(include_str!("../../assets/templates/danh-sach-can-bo.json"))
            .expect("mẫu danh sách cán bộ hợp lệ")
    }

    /// Reads a ward's template, checking every column names a known value.
    pub fn from_json(text: &str) -> Result<Template> {
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
            if !COLUMN_KEYS.contains(&c.key.as_str()) {
                errors.push(FieldError::new(
                    format!("columns[{i}].key"),
                    "unknown_column",
                    format!(
                        "Mẫu xuất Excel, cột {}: “{}” không phải giá trị đã biết ({}).",
                        i + 1,
                        c.key,
                        COLUMN_KEYS.join(", ")
                    ),
                ));
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_template_is_valid() {
        let t = Template::people_default();
        let text = serde_json::to_string(&t).unwrap();
        assert_eq!(Template::from_json(&text).unwrap(), t);
    }

    #[test]
    fn unknown_column_is_named() {
        let err = Template::from_json(
            r#"{"title":"X","sheet":"Trang 1","columns":[{"key":"luong","header":"Lương"}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.field_errors()[0].field, "columns[0].key");
        assert!(err.field_errors()[0]
            .message
            .starts_with("Mẫu xuất Excel, cột 1: “luong” không phải giá trị đã biết"));
    }
}
