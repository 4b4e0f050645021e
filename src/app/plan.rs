//! Terms, plan entries and their steps, the yearly review, and what the check says of a term.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{invalid as bad, parse_code, parse_date, parse_month, parse_optional_date};
use crate::error::{CoreError, Result};
use crate::model::plan::{
    PlanEntry, PlanEvent, PlanStep, RemovalReason, ReviewRound, Term, TermKind, VoteTally,
};
use crate::model::{PartialDate, YearMonth};
use crate::rules::check::{self, CheckReport, TrainingGap};
use crate::rules::stats::Stats;
use crate::store::plan::PlanLine;
use crate::store::Store;
use crate::text::clean;

/// A new term as the clerk gives it.
#[derive(Debug, Clone, Deserialize)]
pub struct NewTerm {
    /// "dang" (cấp ủy) or "chinh_quyen" (HĐND, UBND), or the label.
    pub kind: String,
    pub start_year: i32,
    pub end_year: i32,
    /// The month ages are reckoned at, "mm/yyyy"; empty takes the rules' default for the kind
    /// of term (HD 45: Party bodies 07/2030, HĐND/UBND 03/2031).
    #[serde(default)]
    pub reference: String,
}

/// The reference month a new term takes by default: the month the rules in force at its start
/// give for its kind (Hướng dẫn 45-HD/BTCTW: congresses of ward Party bodies in July 2030,
/// elections of HĐND in March 2031).
pub fn default_reference_month(
    store: &Store,
    kind: TermKind,
    start_year: i32,
) -> Result<YearMonth> {
    let probe = Term::new(
        kind,
        start_year,
        start_year + 5,
        YearMonth::new(start_year, 1),
    );
    Ok(store
        .rules_for(&probe)?
        .params
        .default_reference_month(kind, start_year))
}

/// The default reference month of a kind of term, as "mm/yyyy" (the new-term form fills it in).
pub fn default_reference(store: &Store, kind: &str, start_year: i32) -> Result<String> {
    let kind = parse_code(
        "kind",
        "Loại nhiệm kỳ",
        kind,
        TermKind::ALL,
        TermKind::code,
        TermKind::label,
    )?;
    Ok(default_reference_month(store, kind, start_year)?.display())
}

/// A term written as "2030-2035": its first and last year.
pub fn parse_term_code(text: &str) -> Result<(i32, i32)> {
    text.split_once('-')
        .and_then(|(a, b)| Some((a.trim().parse::<i32>().ok()?, b.trim().parse::<i32>().ok()?)))
        .ok_or_else(|| {
            CoreError::validation(
                "term",
                "format",
                format!(
                    "Nhiệm kỳ: “{}” phải có dạng năm đầu-năm cuối, ví dụ 2030-2035.",
                    text.trim()
                ),
            )
        })
}

pub fn terms(store: &Store) -> Result<Vec<Term>> {
    store.terms()
}

/// Adds a term; returns its id.
pub fn add_term(store: &mut Store, new: &NewTerm) -> Result<i64> {
    store.write(|store| {
        let kind = parse_code(
            "kind",
            "Loại nhiệm kỳ",
            &new.kind,
            TermKind::ALL,
            TermKind::code,
            TermKind::label,
        )?;
        if !(1945..=2200).contains(&new.start_year) || new.end_year <= new.start_year {
            return Err(CoreError::validation(
                "end_year",
                "range",
                format!(
                    "Nhiệm kỳ: năm cuối ({}) phải sau năm đầu ({}).",
                    new.end_year, new.start_year
                ),
            ));
        }
        let reference = if new.reference.trim().is_empty() {
            default_reference_month(store, kind, new.start_year)?
        } else {
            parse_month("reference_month", "Mốc tính tuổi", &new.reference)?
        };
        let term = Term::new(kind, new.start_year, new.end_year, reference);
        check_term(&term)?;
        store.add_term(&term)
    })
}

/// A term's code, its years in order, and its reference month inside (or just before) it.
fn check_term(term: &Term) -> Result<()> {
    let code = clean(&term.code);
    if code.is_empty() {
        return Err(bad(
            "code",
            "required",
            "Mã nhiệm kỳ: bắt buộc phải nhập (ví dụ 2030-2035).".into(),
        ));
    }
    if term.end_year <= term.start_year || term.start_year < 1945 {
        return Err(bad(
            "end_year",
            "end_before_start",
            format!(
                "Nhiệm kỳ {code}: năm kết thúc {} phải sau năm bắt đầu {}.",
                term.end_year, term.start_year
            ),
        ));
    }
    let r = term.reference_month;
    if !(term.start_year - 1..=term.end_year).contains(&r.year) {
        return Err(bad(
            "reference_month",
            "reference_outside_term",
            format!(
                "Tháng mốc tính tuổi {} phải nằm trong hoặc ngay trước nhiệm kỳ {code}.",
                r.display()
            ),
        ));
    }
    Ok(())
}

/// A plan step as the clerk gives it; codes may also be given as their labels.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StepInput {
    /// "de_xuat", "phe_duyet", "bo_sung", "tiep_tuc", "dua_ra"…
    pub step: String,
    /// The step's date as typed; none is today.
    pub date: Option<String>,
    pub decision_no: String,
    pub decision_date: Option<String>,
    pub review_year: Option<i32>,
    /// Why someone leaves the plan ("qua_tuoi", "ky_luat"…).
    pub reason: Option<String>,
    pub note: String,
    pub votes: Option<VoteTally>,
}

impl StepInput {
    /// The step, read and checked; `today` when no date is given.
    pub fn event(&self, today: NaiveDate) -> Result<PlanEvent> {
        let step = parse_code(
            "step",
            "Bước quy hoạch",
            &self.step,
            PlanStep::ALL,
            PlanStep::code,
            PlanStep::label,
        )?;
        let date = match self.date.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => parse_date("date", "Ngày", t)?,
            _ => PartialDate::from_date(today),
        };
        let mut ev = PlanEvent::new(step, date);
        ev.decision_no = self.decision_no.trim().to_string();
        ev.decision_date = parse_optional_date(
            "decision_date",
            "Ngày quyết định",
            self.decision_date.as_deref(),
        )?;
        ev.review_year = self.review_year;
        ev.reason = match self.reason.as_deref().map(str::trim) {
            Some(r) if !r.is_empty() => Some(parse_code(
                "reason",
                "Lý do đưa ra",
                r,
                RemovalReason::ALL,
                RemovalReason::code,
                RemovalReason::label,
            )?),
            _ => None,
        };
        ev.note = self.note.clone();
        ev.votes = self.votes;
        Ok(ev)
    }
}

/// A vote as six numbers "triệu tập, có mặt, phát ra, thu về, hợp lệ, đồng ý" ("15,15,15,15,15,12").
pub fn parse_votes(text: &str) -> Result<VoteTally> {
    let bad = || {
        CoreError::validation(
            "votes",
            "format",
            format!(
                "Kết quả bỏ phiếu: “{}” phải là đúng 6 số cách nhau bởi dấu phẩy (triệu tập, có mặt, phát ra, thu về, hợp lệ, đồng ý).",
                text.trim()
            ),
        )
    };
    let n: Vec<u32> = text
        .split(',')
        .map(|x| x.trim().parse::<u32>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    match n[..] {
        [summoned, present, issued, returned, valid, agree] => Ok(VoteTally {
            summoned,
            present,
            issued,
            returned,
            valid,
            agree,
        }),
        _ => Err(bad()),
    }
}

/// Puts a person in the plan for a post of a term; returns the entry's id.
pub fn plan_person(
    store: &mut Store,
    term: &str,
    position: &str,
    person_id: i64,
    step: &StepInput,
) -> Result<i64> {
    store.write(|store| plan_person_for_terms(store, term, position, person_id, step, 1))
}

/// Puts a person in the plan for one term (đối tượng 1) or two (đối tượng 2), in one go: a
/// refused number of terms writes no entry, no step and no audit line.
pub fn plan_person_for_terms(
    store: &mut Store,
    term: &str,
    position: &str,
    person_id: i64,
    step: &StepInput,
    terms: u8,
) -> Result<i64> {
    store.write(|store| {
        // What is asked for must be there before the step is judged (the refusal names the
        // missing term, post or person first).
        store.term(term)?;
        store.position(position)?;
        store.person(person_id)?;
        let ev = checked_event(step.event(store.today())?, None, store.today())?;
        let id = store.plan_person(term, position, person_id, &ev)?;
        if terms != 1 {
            check_entry_terms(terms)?;
            store.set_entry_terms(id, terms)?;
        }
        Ok(id)
    })
}

/// Whether a plan entry is for one term (đối tượng 1: 60 months left needed) or two (đối tượng
/// 2: 120 months), HD 45 §II.5.2.
pub fn set_entry_terms(store: &mut Store, entry_id: i64, terms: u8) -> Result<()> {
    store.write(|store| {
        check_entry_terms(terms)?;
        store.set_entry_terms(entry_id, terms)
    })
}

/// One term (đối tượng 1) or two (đối tượng 2); nothing else.
fn check_entry_terms(terms: u8) -> Result<()> {
    if !(1..=2).contains(&terms) {
        return Err(bad(
            "terms",
            "terms_one_or_two",
            format!("Đối tượng quy hoạch: {terms} không hợp lệ; chỉ có đối tượng 1 (một nhiệm kỳ) hoặc đối tượng 2 (hai nhiệm kỳ)."),
        ));
    }
    Ok(())
}

/// Records a further step of a plan entry (approval, continuation, removal…).
pub fn add_step(store: &mut Store, entry_id: i64, step: &StepInput) -> Result<PlanEvent> {
    store.write(|store| {
        let ev = step.event(store.today())?;
        add_event(store, entry_id, &ev)
    })
}

/// Records a further step given as a `PlanEvent`, checked against the entry's last step first;
/// returns the step as stored.
pub fn add_event(store: &mut Store, entry_id: i64, ev: &PlanEvent) -> Result<PlanEvent> {
    store.write(|store| {
        let prev = store.plan_entry(entry_id)?.events.last().cloned();
        let ev = checked_event(ev.clone(), prev.as_ref(), store.today())?;
        store.add_plan_step(entry_id, &ev)?;
        Ok(ev)
    })
}

/// A step as it will be stored (decision number and note tidied), checked against the step
/// before it (`rules::steps::validate_event`: the order of steps, dates, decisions, reasons).
fn checked_event(
    mut ev: PlanEvent,
    prev: Option<&PlanEvent>,
    today: NaiveDate,
) -> Result<PlanEvent> {
    ev.decision_no = clean(&ev.decision_no);
    ev.note = clean(&ev.note);
    crate::rules::steps::validate_event(&ev, prev, today)?;
    Ok(ev)
}

pub fn lines(store: &Store, term: &str) -> Result<Vec<PlanLine>> {
    store.plan_lines(term)
}

pub fn entries(store: &Store, term: &str) -> Result<Vec<PlanEntry>> {
    store.plan_entries(term)
}

/// Opens a review round of a year; returns its id.
pub fn add_review_round(
    store: &mut Store,
    term: &str,
    year: i32,
    name: &str,
    decision: &str,
) -> Result<i64> {
    store.write(|store| {
        crate::rules::steps::check_review_year(&store.term(term)?, year)?;
        store.add_review_round(term, year, name, decision)
    })
}

pub fn review_rounds(store: &Store, term: &str) -> Result<Vec<ReviewRound>> {
    store.review_rounds(term)
}

/// The yearly review of a term in one go (continue or remove each planned person).
pub fn review(
    store: &mut Store,
    term: &str,
    input: &crate::store::review::ReviewInput,
) -> Result<crate::store::review::ReviewOutcome> {
    store.write(|store| {
        crate::rules::steps::check_review_year(&store.term(term)?, input.year)?;
        let events = crate::rules::steps::review_events(
            term,
            &store.plan_entries(term)?,
            input,
            store.today(),
        )?;
        store.review_round(term, input, &events)
    })
}

/// The day a check is made: the given date as typed, or today.
pub fn as_of(store: &Store, text: Option<&str>) -> Result<NaiveDate> {
    Ok(match parse_optional_date("as_of", "Ngày kiểm tra", text)? {
        Some(d) => d.earliest(),
        None => store.today(),
    })
}

/// The term's plan checked against its rules and the ward's targets.
pub fn check(store: &Store, term: &str, as_of: NaiveDate) -> Result<CheckReport> {
    Ok(check::check(&store.plan_data(term)?, as_of))
}

/// Only the violations (not the warnings) of a term's plan, today.
pub fn violations(store: &Store, term: &str) -> Result<Vec<crate::rules::check::Finding>> {
    Ok(check(store, term, store.today())?
        .findings
        .into_iter()
        .filter(|f| f.severity == crate::rules::check::Severity::Violation)
        .collect())
}

/// Structure and quality of a body's planned people ("BCH", "BTV", a post's code…).
pub fn stats(store: &Store, term: &str, body: &str) -> Result<Stats> {
    Ok(store.plan_data(term)?.stats(body))
}

/// Who needs training for the post they are planned for.
pub fn training_gaps(store: &Store, term: &str) -> Result<Vec<TrainingGap>> {
    Ok(check(store, term, store.today())?.training_gaps)
}
