//! The life of a plan entry: which step may follow which (proposed → approved → continued …;
//! a removed or fulfilled entry is closed), and what each step must carry.

use chrono::NaiveDate;

use super::votes::validate_tally;
use crate::error::{CoreError, Result};
use crate::model::plan::{PlanEntry, PlanEvent, PlanStep, ReviewInput, Term};
use crate::text::clean;

fn bad(field: &str, rule: &str, msg: String) -> CoreError {
    CoreError::validation(field, rule, msg)
}

/// Whether `next` may follow `prev` (None: the entry's first step).
pub fn step_allowed(prev: Option<PlanStep>, next: PlanStep) -> bool {
    use PlanStep::*;
    match prev {
        None => matches!(next, Proposed | Supplemented),
        Some(Removed) | Some(Fulfilled) => false,
        Some(_) => next != Proposed,
    }
}

/// Checks a step against the one before it (if any) on `today`: order, dates, the decision a
/// step needs, the reason of a removal, the review year of a supplement, the ballots.
pub fn validate_event(ev: &PlanEvent, prev: Option<&PlanEvent>, today: NaiveDate) -> Result<()> {
    if !step_allowed(prev.map(|p| p.step), ev.step) {
        return Err(bad(
            "step",
            "step_order",
            match prev {
                Some(p) => format!(
                    "Bước “{}” không thể sau bước “{}”.",
                    ev.step.label(),
                    p.step.label()
                ),
                None => format!(
                    "Bước đầu tiên phải là “Đề xuất” hoặc “Bổ sung”, không phải “{}”.",
                    ev.step.label()
                ),
            },
        ));
    }
    if ev.date.earliest() > today {
        return Err(bad(
            "date",
            "date_in_future",
            format!(
                "Ngày của bước “{}”: {} ở tương lai.",
                ev.step.label(),
                ev.date
            ),
        ));
    }
    if let Some(p) = prev {
        if ev.date.latest() < p.date.earliest() {
            return Err(bad(
                "date",
                "date_before_previous",
                format!("Ngày {} trước bước trước đó ({}).", ev.date, p.date),
            ));
        }
    }
    let needs_decision = matches!(ev.step, PlanStep::Approved | PlanStep::Removed);
    if needs_decision && (clean(&ev.decision_no).is_empty() || ev.decision_date.is_none()) {
        return Err(bad(
            "decision_no",
            "decision_required",
            format!("Bước “{}”: cần số và ngày quyết định.", ev.step.label()),
        ));
    }
    if ev.step == PlanStep::Removed && ev.reason.is_none() {
        return Err(bad(
            "reason",
            "reason_required",
            "Đưa ra khỏi quy hoạch: cần lý do.".into(),
        ));
    }
    if ev.step == PlanStep::Supplemented && ev.review_year.is_none() {
        return Err(bad(
            "review_year",
            "review_year_required",
            "Bổ sung quy hoạch: cần năm của đợt rà soát.".into(),
        ));
    }
    if let Some(v) = &ev.votes {
        validate_tally(v)?;
    }
    Ok(())
}

/// The years a term's plan may be reviewed in: the plan for a term is built and reviewed each
/// year of the term before it (the plan for 2030–2035 from 2025 on) and through its own term.
pub fn review_years(term: &Term) -> std::ops::RangeInclusive<i32> {
    let length = (term.end_year - term.start_year).max(1);
    term.start_year - length..=term.end_year
}

/// Refuses a review round of a year outside [`review_years`] of its term.
pub fn check_review_year(term: &Term, year: i32) -> Result<()> {
    let years = review_years(term);
    if years.contains(&year) {
        return Ok(());
    }
    Err(CoreError::validation(
        "year",
        "review_year_outside_term",
        format!(
            "Năm rà soát: {year} nằm ngoài thời gian của quy hoạch nhiệm kỳ {}; quy hoạch này được rà soát từ năm {} đến năm {}.",
            term.code,
            years.start(),
            years.end()
        ),
    ))
}

/// The steps a yearly review gives the entries of a term (continue or remove each, after the
/// entry's last step), checked line by line in the order given: (entry id, step).
pub fn review_events(
    term_code: &str,
    entries: &[PlanEntry],
    input: &ReviewInput,
    today: NaiveDate,
) -> Result<Vec<(i64, PlanEvent)>> {
    let mut events = Vec::with_capacity(input.items.len());
    for (i, item) in input.items.iter().enumerate() {
        if !matches!(item.step, PlanStep::Continued | PlanStep::Removed) {
            return Err(CoreError::validation(
                &format!("items[{i}].step"),
                "review_step",
                "Rà soát: mỗi người chỉ có thể “Tiếp tục quy hoạch” hoặc “Đưa ra khỏi quy hoạch”.",
            ));
        }
        let entry = entries
            .iter()
            .find(|e| e.id == item.entry_id)
            .ok_or_else(|| {
                CoreError::validation(
                    &format!("items[{i}].entry_id"),
                    "unknown_entry",
                    format!(
                        "Rà soát: không có mục quy hoạch số {} trong nhiệm kỳ {term_code}.",
                        item.entry_id
                    ),
                )
            })?;
        let mut ev = PlanEvent::new(item.step, input.date);
        ev.review_year = Some(input.year);
        ev.decision_no = clean(&input.decision_no);
        ev.decision_date = input.decision_date;
        ev.reason = item.reason;
        ev.note = clean(&item.note);
        validate_event(&ev, entry.events.last(), today)?;
        events.push((entry.id, ev));
    }
    Ok(events)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PlanStep::*;

    #[test]
    fn a_closed_entry_takes_no_step_and_only_a_new_one_is_proposed() {
        assert!(step_allowed(None, Proposed) && step_allowed(None, Supplemented));
        assert!(!step_allowed(None, Approved));
        assert!(step_allowed(Some(Proposed), Approved));
        assert!(step_allowed(Some(Approved), Removed));
        assert!(!step_allowed(Some(Approved), Proposed));
        for closed in [Removed, Fulfilled] {
            for next in PlanStep::ALL {
                assert!(!step_allowed(Some(closed), *next));
            }
        }
    }
}
