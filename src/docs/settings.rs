//! What a ward sets once and the app remembers for its documents (signer, recipients, editable
//! paragraphs, margins, the Party-committee term), and the rules of the register of document
//! numbers. The SQL is in `store::doc_settings`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
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

impl Store {
    pub fn doc_settings(&self) -> Result<DocSettings> {
        match self.doc_settings_json()? {
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
        self.write_doc_settings(&json, &old, &s)
    }

    /// Records an issued number (issuing it again, a corrected reprint, keeps it). A cancelled
    /// number is refused by name.
    pub(crate) fn register_doc_number(&mut self, n: &NewNumber) -> Result<()> {
        if n.number == 0 {
            return Err(CoreError::validation(
                "number",
                "range",
                "Số văn bản: phải từ 1 trở lên.",
            ));
        }
        if let Some(old) = self.issued_number(n.type_code, &n.term, n.number)? {
            if old.cancelled_at.is_some() {
                return Err(cancelled_error(&old));
            }
        }
        self.write_doc_number(n)
    }

    /// Cancels an issued number with a reason; it stays in the register and is never reused.
    pub fn cancel_doc_number(
        &mut self,
        type_code: &str,
        term: &str,
        number: u32,
        reason: &str,
    ) -> Result<IssuedNumber> {
        let reason = clean(reason);
        let Some(old) = self.issued_number(type_code, term, number)? else {
            return Err(CoreError::validation(
                "number",
                "not_issued",
                format!(
                    "Hủy số: số {number:02}-{type_code} nhiệm kỳ {term} chưa được cấp, không có gì để hủy."
                ),
            ));
        };
        if old.cancelled_at.is_some() {
            return Err(cancelled_error(&old));
        }
        if reason.is_empty() {
            return Err(CoreError::validation(
                "reason",
                "required",
                "Lý do hủy số: bắt buộc (ví dụ “văn bản không ban hành”).",
            ));
        }
        let mut new = old.clone();
        new.cancelled_at = Some(self.today().to_string());
        new.cancel_reason = Some(reason);
        self.write_doc_number_cancelled(&old, &new)?;
        Ok(new)
    }
}

/// A number being issued.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NewNumber {
    pub type_code: &'static str,
    pub term: String,
    pub number: u32,
    pub date: NaiveDate,
    pub summary: String,
    pub kind: &'static str,
    pub plan_term: String,
}

/// One line of the number register.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssuedNumber {
    pub type_code: String,
    /// The Party-committee term numbers restart in ("2025-2030").
    pub term: String,
    pub number: u32,
    /// "Số 05-TTr/ĐU".
    pub text: String,
    /// ISO date of issue.
    pub date: String,
    /// The document kind's code ("to-trinh").
    pub kind: String,
    pub plan_term: String,
    pub summary: String,
    pub cancelled_at: Option<String>,
    pub cancel_reason: Option<String>,
}

pub(crate) fn cancelled_error(n: &IssuedNumber) -> CoreError {
    CoreError::validation(
        "number",
        "cancelled",
        format!(
            "Số văn bản: {} đã bị hủy ngày {} (lý do: {}); số đã hủy không được dùng lại. Hãy để trống để lấy số tiếp theo.",
            n.text,
            crate::model::PartialDate::parse(n.cancelled_at.as_deref().unwrap_or_default())
                .map(|d| d.to_string())
                .unwrap_or_default(),
            n.cancel_reason.as_deref().unwrap_or_default()
        ),
    )
}
