//! What a ward sets once and the app remembers for its documents (signer, recipients, editable
//! paragraphs, margins, the Party-committee term), and the register of document numbers.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::pdf::Margins;
use crate::store::Store;
use crate::text::clean;

/// Who signs: "T/M ĐẢNG ỦY" or "T/M BAN THƯỜNG VỤ" (K/T only for the Office), the post, the name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    pub on_behalf: String,
    pub title: String,
    pub name: String,
}

impl Default for Signer {
    fn default() -> Self {
        Signer {
            on_behalf: "T/M BAN THƯỜNG VỤ".into(),
            title: "BÍ THƯ".into(),
            name: String::new(),
        }
    }
}

/// The paragraphs a clerk edits around the computed parts of a narrative document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocText {
    /// Before the figures ("Căn cứ …").
    #[serde(default)]
    pub opening: Vec<String>,
    /// After the figures ("Ban Thường vụ Đảng ủy kính trình …").
    #[serde(default)]
    pub closing: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocSettings {
    #[serde(default)]
    pub margins: Margins,
    /// The Party-committee term numbers restart in ("2025-2030"); by default the five-year term
    /// holding the document's date.
    #[serde(default)]
    pub committee_term: Option<String>,
    #[serde(default)]
    pub signer: Signer,
    /// Recipients per document kind (without the closing "Lưu Văn phòng Đảng ủy").
    #[serde(default)]
    pub recipients: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub texts: BTreeMap<String, DocText>,
}

impl DocSettings {
    /// The committee term of a date: the setting, or the five-year term from 2025 holding it.
    pub fn term_of(&self, date: NaiveDate) -> String {
        if let Some(t) = &self.committee_term {
            return t.clone();
        }
        let start = 2025 + 5 * (date.year() - 2025).div_euclid(5);
        format!("{start}-{}", start + 5)
    }
}

const KEY: &str = "documents";

impl Store {
    pub fn doc_settings(&self) -> Result<DocSettings> {
        let v: Option<String> = self
            .conn()
            .query_row("SELECT value FROM doc_setting WHERE key = ?1", [KEY], |r| {
                r.get(0)
            })
            .optional()?;
        match v {
            Some(v) => serde_json::from_str(&v)
                .map_err(|e| CoreError::Json(format!("thiết lập văn bản: {e}"))),
            None => Ok(DocSettings::default()),
        }
    }

    pub fn save_doc_settings(&mut self, s: &DocSettings) -> Result<()> {
        let mut s = s.clone();
        s.signer.on_behalf = clean(&s.signer.on_behalf).to_uppercase();
        s.signer.title = clean(&s.signer.title).to_uppercase();
        s.signer.name = clean(&s.signer.name);
        for list in s.recipients.values_mut() {
            *list = list
                .iter()
                .map(|r| clean(r))
                .filter(|r| !r.is_empty())
                .collect();
        }
        let m = s.margins;
        if [m.top, m.bottom, m.left, m.right]
            .iter()
            .any(|v| !(5.0..=60.0).contains(v))
        {
            return Err(CoreError::validation(
                "margins",
                "range",
                "Lề trang: mỗi lề phải từ 5 đến 60 mm.",
            ));
        }
        let old = self.doc_settings()?;
        let json = serde_json::to_string(&s).map_err(|e| CoreError::Json(e.to_string()))?;
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "INSERT INTO doc_setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (KEY, &json),
        )?;
        crate::store::audit::write(&tx, "doc_setting", None, "update", Some(&old), Some(&s))?;
        tx.commit()?;
        Ok(())
    }

    /// The next free number of a document type in a committee term (01 for the first).
    pub fn next_doc_number(&self, type_code: &str, term: &str) -> Result<u32> {
        let n: Option<u32> = self.conn().query_row(
            "SELECT MAX(number) FROM doc_number WHERE type_code = ?1 AND term = ?2",
            (type_code, term),
            |r| r.get(0),
        )?;
        Ok(n.unwrap_or(0) + 1)
    }

    /// Records an issued number; issuing the same number again (a corrected reprint) is allowed.
    pub fn register_doc_number(
        &mut self,
        type_code: &str,
        term: &str,
        number: u32,
        date: NaiveDate,
        summary: &str,
    ) -> Result<()> {
        if number == 0 {
            return Err(CoreError::validation(
                "number",
                "range",
                "Số văn bản: phải từ 1 trở lên.",
            ));
        }
        self.conn().execute(
            "INSERT INTO doc_number (type_code, term, number, date, summary) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (type_code, term, number) DO UPDATE SET date = excluded.date, summary = excluded.summary",
            (type_code, term, number, date.to_string(), summary),
        )?;
        Ok(())
    }
}
