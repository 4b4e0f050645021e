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

    /// The next free number of a document type in a committee term (01 for the first). A
    /// cancelled number stays in the register, so it is never given again.
    pub fn next_doc_number(&self, type_code: &str, term: &str) -> Result<u32> {
        let n: Option<u32> = self.conn().query_row(
            "SELECT MAX(number) FROM doc_number WHERE type_code = ?1 AND term = ?2",
            (type_code, term),
            |r| r.get(0),
        )?;
        Ok(n.unwrap_or(0) + 1)
    }

    /// One number of the register, if it was issued.
    pub fn issued_number(
        &self,
        type_code: &str,
        term: &str,
        number: u32,
    ) -> Result<Option<IssuedNumber>> {
        let issuer = self.unit()?.issuer_code;
        Ok(self
            .conn()
            .query_row(
                &format!("{REGISTER_SELECT} WHERE type_code = ?1 AND term = ?2 AND number = ?3"),
                (type_code, term, number),
                |r| register_row(r, &issuer),
            )
            .optional()?)
    }

    /// The register: every issued number, newest first, cancelled ones with their reason.
    pub fn doc_register(&self) -> Result<Vec<IssuedNumber>> {
        let issuer = self.unit()?.issuer_code;
        let mut stmt = self.conn().prepare(&format!(
            "{REGISTER_SELECT} ORDER BY date DESC, type_code, term DESC, number DESC"
        ))?;
        let rows = stmt
            .query_map([], |r| register_row(r, &issuer))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
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
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "INSERT INTO doc_number (type_code, term, number, date, summary, kind, plan_term)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (type_code, term, number) DO UPDATE SET date = excluded.date,
                 summary = excluded.summary, kind = excluded.kind, plan_term = excluded.plan_term",
            (
                n.type_code,
                &n.term,
                n.number,
                n.date.to_string(),
                &n.summary,
                n.kind,
                &n.plan_term,
            ),
        )?;
        crate::store::audit::write(&tx, "doc_number", None, "create", None, Some(n))?;
        tx.commit()?;
        Ok(())
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
        let today = self.today().to_string();
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "UPDATE doc_number SET cancelled_at = ?4, cancel_reason = ?5
             WHERE type_code = ?1 AND term = ?2 AND number = ?3",
            (type_code, term, number, &today, &reason),
        )?;
        let mut new = old.clone();
        new.cancelled_at = Some(today);
        new.cancel_reason = Some(reason);
        crate::store::audit::write(&tx, "doc_number", None, "update", Some(&old), Some(&new))?;
        tx.commit()?;
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

const REGISTER_SELECT: &str = "SELECT type_code, term, number, date, kind, plan_term, summary,
    cancelled_at, cancel_reason FROM doc_number";

fn register_row(r: &rusqlite::Row, issuer: &str) -> rusqlite::Result<IssuedNumber> {
    let type_code: String = r.get(0)?;
    let number: u32 = r.get(2)?;
    Ok(IssuedNumber {
        text: super::frame::number_text(number, &type_code, issuer),
        type_code,
        term: r.get(1)?,
        number,
        date: r.get(3)?,
        kind: r.get(4)?,
        plan_term: r.get(5)?,
        summary: r.get(6)?,
        cancelled_at: r.get(7)?,
        cancel_reason: r.get(8)?,
    })
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
