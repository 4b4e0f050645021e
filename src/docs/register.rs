//! The number register, the office's legal record: which number each issued document holds,
//! which numbers were cancelled and which were left blank on purpose, and every correction of an
//! issue date. The rules here decide what a request to issue a document may do; the SQL is in
//! `store::doc_settings`.
//!
//! - A number belongs to its document. A different document never takes it; the same document
//!   saved again keeps it and its first issue date; a new issue date is a correction recorded
//!   with a reason.
//! - Numbers are given in order. A number ahead of the next free one is refused unless the clerk
//!   confirms the gap with a reason; the numbers skipped are then recorded as "bỏ qua (để
//!   trống)" with that reason, in the same transaction as the number issued.
//! - A cancelled or skipped number is never given to any document.
//! - Issuing the same document (same kind, planning term, scope and date) again without a number
//!   keeps the number it already holds: a second click makes no second record.

use chrono::NaiveDate;
use serde::Serialize;

use super::{DocKind, DocRequest, Scope};
use crate::error::{CoreError, Result};
use crate::model::register::{number_text, NewNumber, SkippedNumbers};
use crate::store::Store;
use crate::text::{clean, fold};

pub use crate::model::register::{Correction, IssuedNumber, NumberState};

/// The highest number of a type in one committee term.
pub const MAX_NUMBER: u32 = 9999;

/// "Tờ trình đề nghị phê duyệt quy hoạch nhiệm kỳ 2030-2035 ngày 02/12/2026".
fn holder(n: &IssuedNumber) -> String {
    let what = if n.summary.is_empty() {
        DocKind::ALL
            .iter()
            .find(|k| k.code() == n.kind)
            .map(|k| k.label().to_string())
            .unwrap_or_else(|| "một văn bản".into())
    } else {
        n.summary.clone()
    };
    format!("{what} ngày {}", day(n.current_date()))
}

/// What makes two saves "the same document": the kind, the planning term it covers and its
/// scope (the approving body of a Tờ trình, the year of a review report, the programme of a
/// programme report).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocIdentity {
    pub kind: &'static str,
    pub plan_term: String,
    pub scope: String,
}

impl DocIdentity {
    pub fn of(req: &DocRequest) -> DocIdentity {
        let scope = match req.kind.spec().scope {
            Scope::ApprovingBody => req.approving_body.as_deref().map(clean).unwrap_or_default(),
            Scope::Year => req.year.to_string(),
            Scope::Programme => req.programme_id.map(|p| p.to_string()).unwrap_or_default(),
            Scope::Term => String::new(),
        };
        DocIdentity {
            kind: req.kind.code(),
            plan_term: req.term_code.clone().unwrap_or_default(),
            scope,
        }
    }

    /// Whether `n` is this document's number. A number issued before scopes were recorded is
    /// compared by kind and planning term only.
    fn holds(&self, n: &IssuedNumber) -> bool {
        n.kind == self.kind
            && n.plan_term == self.plan_term
            && n.scope
                .as_deref()
                .is_none_or(|s| fold(s) == fold(&self.scope))
    }
}

/// What the clerk asks of the register when issuing a document.
pub(crate) struct Asked<'a> {
    pub type_code: &'static str,
    pub issuer: &'a str,
    pub identity: DocIdentity,
    pub date: NaiveDate,
    /// The number typed (None: the next free one, or the one this document already holds).
    pub typed: Option<u32>,
    /// The clerk's confirmation of a gap, with its reason.
    pub gap_reason: Option<String>,
    /// The reason of a new issue date for an issued number.
    pub correction_reason: Option<String>,
    /// For a save: a gap or a changed date is refused until confirmed. A preview (which writes
    /// nothing) shows the number it would print and leaves the question to the save.
    pub saving: bool,
}

/// What issuing will do in the register.
#[derive(Debug, Clone)]
pub(crate) enum Issue {
    /// A new number; `skipped` (first, last) are recorded as left blank with the reason.
    New {
        number: u32,
        skipped: Option<(u32, u32, String)>,
    },
    /// The document already holds this number on this date: saved again, nothing recorded.
    Kept(IssuedNumber),
    /// The document holds this number under another date: the new date is recorded as a
    /// correction with its reason; the first date stays.
    Corrected(IssuedNumber, String),
}

impl Issue {
    pub fn number(&self) -> u32 {
        match self {
            Issue::New { number, .. } => *number,
            Issue::Kept(n) | Issue::Corrected(n, _) => n.number,
        }
    }
}

/// "02/12/2026" from "2026-12-02" (the text itself if it is not an ISO date).
fn day(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// "số 04" or "các số 04–49".
pub fn span(first: u32, last: u32) -> String {
    if first == last {
        format!("số {first:02}")
    } else {
        format!("các số {first:02}–{last:02}")
    }
}

fn refuse(rule: &str, message: String) -> CoreError {
    CoreError::validation("number", rule, message)
}

fn reason(text: Option<&String>) -> Option<String> {
    text.map(|t| clean(t)).filter(|t| !t.is_empty())
}

/// Decides what issuing a document does, from the register of its type and term (`rows`).
/// Refuses, naming the document that holds a number, anything that would give a number to a
/// second document, reuse a cancelled or skipped one, go back, or leave a gap unconfirmed.
pub(crate) fn decide(rows: &[IssuedNumber], a: &Asked) -> Result<Issue> {
    let text = |n: u32| number_text(n, a.type_code, a.issuer);
    let next = rows.iter().map(|r| r.number).max().unwrap_or(0) + 1;
    let take_next = format!("Để trống ô Số để lấy số tiếp theo ({}).", text(next));
    let date = a.date.to_string();
    let Some(n) = a.typed else {
        // The same document issued again on the same day keeps its number.
        let same = rows.iter().rev().find(|r| {
            r.state == NumberState::Issued && a.identity.holds(r) && r.current_date() == date
        });
        return Ok(match same {
            Some(held) => Issue::Kept(held.clone()),
            None => Issue::New {
                number: next,
                skipped: None,
            },
        });
    };
    if n == 0 || n > MAX_NUMBER {
        return Err(refuse(
            "range",
            format!("Số văn bản: phải từ 1 đến {MAX_NUMBER}."),
        ));
    }
    if let Some(held) = rows.iter().find(|r| r.number == n) {
        return match held.state {
            NumberState::Cancelled => Err(cancelled_error(held)),
            NumberState::Skipped => Err(refuse(
                "skipped",
                format!(
                    "Số văn bản: {} đã để trống (bỏ qua) ngày {} (lý do: {}); số bỏ qua không được cấp cho văn bản nào. {take_next}",
                    held.text,
                    day(&held.date),
                    held.skip_reason.as_deref().unwrap_or_default()
                ),
            )),
            NumberState::Issued if !a.identity.holds(held) => Err(refuse(
                "taken",
                format!(
                    "Số văn bản: {} đã cấp cho {}; văn bản khác không được lấy số này. {take_next}",
                    held.text,
                    holder(held)
                ),
            )),
            NumberState::Issued if held.current_date() == date => Ok(Issue::Kept(held.clone())),
            NumberState::Issued => match reason(a.correction_reason.as_ref()) {
                Some(r) => Ok(Issue::Corrected(held.clone(), r)),
                None if !a.saving => Ok(Issue::Kept(held.clone())),
                None => Err(refuse(
                    "date_changed",
                    format!(
                        "Số văn bản: {} đã cấp cho {}. Đổi ngày ban hành thành {} là đính chính, phải ghi lý do đính chính; nếu đây là văn bản khác, để trống ô Số để lấy số tiếp theo ({}).",
                        held.text,
                        holder(held),
                        a.date.format("%d/%m/%Y"),
                        text(next)
                    ),
                )),
            },
        };
    }
    if n < next {
        return Err(refuse(
            "behind",
            format!(
                "Số văn bản: {} nhỏ hơn số tiếp theo trong sổ ({}) mà không có trong sổ; số được cấp theo thứ tự, không cấp lùi. {take_next}",
                text(n),
                text(next)
            ),
        ));
    }
    if n == next {
        return Ok(Issue::New {
            number: n,
            skipped: None,
        });
    }
    let gap = span(next, n - 1);
    match reason(a.gap_reason.as_ref()) {
        Some(r) => Ok(Issue::New {
            number: n,
            skipped: Some((next, n - 1, r)),
        }),
        None if !a.saving => Ok(Issue::New {
            number: n,
            skipped: None,
        }),
        None => Err(refuse(
            "gap",
            format!(
                "Số văn bản: {} bỏ qua {gap} ({} số chưa cấp). Nếu đúng là để trống, hãy xác nhận và ghi lý do: {gap} được ghi trong sổ là “bỏ qua (để trống)” và không bao giờ được cấp nữa. Nếu không, để trống ô Số để lấy {}.",
                text(n),
                n - next,
                text(next)
            ),
        )),
    }
}

/// What the register says about a save, for the clerk (None: a new number, nothing to add).
pub(crate) fn note(issue: &Issue, date: NaiveDate) -> Option<String> {
    match issue {
        Issue::New {
            skipped: Some((first, last, reason)),
            ..
        } => Some(format!(
            "Sổ đăng ký ghi {} là “bỏ qua (để trống)”, lý do: {reason}.",
            span(*first, *last)
        )),
        Issue::New { .. } => None,
        Issue::Kept(n) => Some(format!(
            "Văn bản này đã được cấp {} ngày {}: lưu lại giữ đúng số và ngày cấp đó, sổ không thêm dòng nào.",
            n.text,
            day(&n.date)
        )),
        Issue::Corrected(n, reason) => Some(format!(
            "Sổ đăng ký ghi đính chính ngày ban hành {}: {} thành {} (lý do: {reason}); ngày cấp số đầu tiên {} vẫn giữ.",
            n.text,
            day(n.current_date()),
            date.format("%d/%m/%Y"),
            day(&n.date)
        )),
    }
}

/// The register's line for a document: what it is, for an inspector reading the register.
fn summary(store: &Store, req: &DocRequest) -> Result<String> {
    let plan_term = req.term_code.clone().unwrap_or_default();
    Ok(match req.kind.spec().scope {
        Scope::Programme => match req.programme_id {
            Some(id) => format!("{}: {}", req.kind.label(), store.programme(id)?.name),
            None => req.kind.label().to_string(),
        },
        Scope::Year => {
            format!(
                "{} nhiệm kỳ {plan_term}, năm {}",
                req.kind.label(),
                req.year
            )
        }
        Scope::ApprovingBody | Scope::Term => {
            let mut s = format!("{} nhiệm kỳ {plan_term}", req.kind.label());
            if let Some(body) = req.approving_body.as_deref().map(clean) {
                if !body.is_empty() {
                    s.push_str(&format!(" (các chức danh do {body} phê duyệt)"));
                }
            }
            s
        }
    })
}

/// Records what `issue` decided, all in one transaction: the number issued and the numbers it
/// skipped, or the correction of an issue date. A document saved again records nothing.
pub(crate) fn record(
    store: &mut Store,
    req: &DocRequest,
    type_code: &'static str,
    term: &str,
    issuer: &str,
    issue: &Issue,
) -> Result<()> {
    match issue {
        Issue::Kept(_) => Ok(()),
        Issue::Corrected(held, reason) => {
            let correction = Correction {
                recorded_on: store.today().to_string(),
                old_date: held.current_date().to_string(),
                new_date: req.date.to_string(),
                reason: reason.clone(),
            };
            store.write_doc_correction(held, &correction)
        }
        Issue::New { number, skipped } => {
            let identity = DocIdentity::of(req);
            let issued = NewNumber {
                state: NumberState::Issued,
                type_code,
                term: term.to_string(),
                number: *number,
                date: req.date,
                summary: summary(store, req)?,
                kind: identity.kind,
                plan_term: identity.plan_term,
                scope: identity.scope,
            };
            let skipped = skipped
                .as_ref()
                .map(|(first, last, reason)| SkippedNumbers {
                    state: NumberState::Skipped,
                    type_code,
                    term: term.to_string(),
                    first: *first,
                    last: *last,
                    date: req.date,
                    summary: format!(
                        "Để trống khi cấp {}",
                        number_text(*number, type_code, issuer)
                    ),
                    reason: reason.clone(),
                });
            store.write_doc_issue(&issued, skipped.as_ref())
        }
    }
}

/// Cancels an issued number with a reason; it stays in the register and is never reused.
pub fn cancel_number(
    store: &mut Store,
    type_code: &str,
    term: &str,
    number: u32,
    reason: &str,
) -> Result<IssuedNumber> {
    let reason = clean(reason);
    let Some(old) = store.issued_number(type_code, term, number)? else {
        return Err(CoreError::validation(
            "number",
            "not_issued",
            format!(
                "Hủy số: số {number:02}-{type_code} nhiệm kỳ {term} chưa được cấp, không có gì để hủy."
            ),
        ));
    };
    match old.state {
        NumberState::Cancelled => return Err(cancelled_error(&old)),
        NumberState::Skipped => {
            return Err(CoreError::validation(
                "number",
                "skipped",
                format!(
                    "Hủy số: {} là số để trống (bỏ qua) ngày {}, không có văn bản nào để hủy.",
                    old.text,
                    day(&old.date)
                ),
            ))
        }
        NumberState::Issued => {}
    }
    if reason.is_empty() {
        return Err(CoreError::validation(
            "reason",
            "required",
            "Lý do hủy số: bắt buộc (ví dụ “văn bản không ban hành”).",
        ));
    }
    let mut new = old.clone();
    new.state = NumberState::Cancelled;
    new.cancelled_at = Some(store.today().to_string());
    new.cancel_reason = Some(reason);
    store.write_doc_number_cancelled(&old, &new)?;
    Ok(new)
}

pub(crate) fn cancelled_error(n: &IssuedNumber) -> CoreError {
    CoreError::validation(
        "number",
        "cancelled",
        format!(
            "Số văn bản: {} đã bị hủy ngày {} (lý do: {}); số đã hủy không được dùng lại. Hãy để trống để lấy số tiếp theo.",
            n.text,
            day(n.cancelled_at.as_deref().unwrap_or_default()),
            n.cancel_reason.as_deref().unwrap_or_default()
        ),
    )
}
