//! The number register's lines as the store reads and writes them: the state of a number, the
//! corrections of an issue date, a number being issued and the numbers left blank. The rules of
//! the register (what a request may do) are in `docs::register`.

use chrono::NaiveDate;
use serde::Serialize;

/// "Số 05-TTr/ĐU": a leading zero below 10.
pub fn number_text(number: u32, type_code: &str, issuer_code: &str) -> String {
    format!("Số {number:02}-{type_code}/{issuer_code}")
}

/// The state of one number of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum NumberState {
    /// Issued to a document.
    #[serde(rename = "da_cap")]
    Issued,
    /// Issued, then cancelled with a reason.
    #[serde(rename = "da_huy")]
    Cancelled,
    /// Left blank on purpose when a later number was issued, with the clerk's reason.
    #[serde(rename = "bo_qua")]
    Skipped,
}

impl NumberState {
    pub fn code(self) -> &'static str {
        match self {
            NumberState::Issued => "da_cap",
            NumberState::Cancelled => "da_huy",
            NumberState::Skipped => "bo_qua",
        }
    }

    pub fn from_code(code: &str) -> NumberState {
        match code {
            "da_huy" => NumberState::Cancelled,
            "bo_qua" => NumberState::Skipped,
            _ => NumberState::Issued,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            NumberState::Issued => "Đã cấp",
            NumberState::Cancelled => "Đã hủy",
            NumberState::Skipped => "Bỏ qua (để trống)",
        }
    }
}

/// A new issue date recorded for an issued number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    /// The day the correction was made (ISO).
    pub recorded_on: String,
    /// The issue date before and after (ISO).
    pub old_date: String,
    pub new_date: String,
    pub reason: String,
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
    pub state: NumberState,
    /// ISO date of the first issue (of a skipped number: the day it was left blank).
    pub date: String,
    /// The document kind's code ("to-trinh"); empty for a skipped number.
    pub kind: String,
    pub plan_term: String,
    /// The approving body of a Tờ trình, the year of a review report, the programme of a
    /// programme report; None for a number issued before the register recorded it.
    pub scope: Option<String>,
    pub summary: String,
    pub cancelled_at: Option<String>,
    pub cancel_reason: Option<String>,
    /// Why the number was left blank.
    pub skip_reason: Option<String>,
    /// The corrections of the issue date, oldest first.
    pub corrections: Vec<Correction>,
}

impl IssuedNumber {
    /// The issue date in force (ISO): the last correction's, else the first.
    pub fn current_date(&self) -> &str {
        self.corrections
            .last()
            .map(|c| c.new_date.as_str())
            .unwrap_or(&self.date)
    }
}

/// A number being issued.
#[derive(Debug, Clone, Serialize)]
pub struct NewNumber {
    /// Always `NumberState::Issued` (the audit log names it).
    pub state: NumberState,
    pub type_code: &'static str,
    pub term: String,
    pub number: u32,
    pub date: NaiveDate,
    pub summary: String,
    pub kind: &'static str,
    pub plan_term: String,
    pub scope: String,
}

/// Numbers left blank when a later one was issued.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedNumbers {
    /// Always `NumberState::Skipped` (the audit log names it).
    pub state: NumberState,
    pub type_code: &'static str,
    pub term: String,
    pub first: u32,
    pub last: u32,
    pub date: NaiveDate,
    /// "Để trống khi cấp Số 50-TTr/ĐU".
    pub summary: String,
    pub reason: String,
}
