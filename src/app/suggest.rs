//! The plan assistant (gợi ý phương án quy hoạch): a proposal for a term, and the rows the clerk
//! accepts written as "đề xuất" steps noted "theo gợi ý", in one transaction.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::parse_code;
use super::plan::{plan_person, StepInput};
use crate::error::{CoreError, Result};
use crate::rules::check::{self, Severity};
use crate::rules::plan::PlanData;
use crate::rules::suggest::{propose, Proposal, SuggestOptions, Weights};
use crate::rules::targets::Indicator;
use crate::store::Store;

/// The note each accepted row's step carries.
pub const NOTE: &str = "theo gợi ý";

/// The plan data of a term with everyone on record (the assistant may propose anyone).
fn everyone(store: &Store, term: &str) -> Result<PlanData> {
    let mut data = store.plan_data(term)?;
    for p in store.all_people()? {
        if let Some(id) = p.id {
            data.people.entry(id).or_insert(p);
        }
    }
    Ok(data)
}

/// The options read against the term: each person, entry and target they name is there.
fn checked(data: &PlanData, options: &SuggestOptions) -> Result<()> {
    for id in &options.excluded {
        if !data.people.contains_key(id) {
            return Err(CoreError::not_found(
                "excluded",
                format!("Không có cán bộ mã số {id} để loại khỏi gợi ý."),
            ));
        }
    }
    for id in options.unlocked.iter().chain(&options.locked) {
        if !data.entries.iter().any(|e| e.id == *id && e.is_active()) {
            return Err(CoreError::not_found(
                "unlocked",
                format!(
                    "Mục quy hoạch số {id} không có (hoặc không còn) trong quy hoạch nhiệm kỳ {}.",
                    data.term.code
                ),
            ));
        }
    }
    for id in &options.hard {
        if !data.targets.iter().any(|t| t.id == Some(*id)) {
            return Err(CoreError::not_found(
                "hard",
                format!("Không có chỉ tiêu số {id} của đơn vị."),
            ));
        }
    }
    Ok(())
}

/// The assistant's proposal for a term (writes nothing).
pub fn suggest(store: &Store, term: &str, options: &SuggestOptions) -> Result<Proposal> {
    let data = everyone(store, term)?;
    checked(&data, options)?;
    propose(&data, store.today(), options)
}

/// The default options with their weights, for the window's form.
pub fn default_options() -> SuggestOptions {
    SuggestOptions {
        weights: Weights::default(),
        ..SuggestOptions::default()
    }
}

/// The ids of the term's targets measuring the indicators named by code or label ("nu", "tre",
/// "Tỷ lệ nữ"): how the CLI says which targets are hard.
pub fn targets_of(store: &Store, term: &str, indicators: &[String]) -> Result<Vec<i64>> {
    let data = store.plan_data(term)?;
    let mut out = Vec::new();
    for text in indicators.iter().filter(|t| !t.trim().is_empty()) {
        let ind = parse_code(
            "hard",
            "Chỉ tiêu bắt buộc",
            text,
            Indicator::ALL,
            Indicator::code,
            Indicator::label,
        )?;
        let ids: Vec<i64> = data
            .targets
            .iter()
            .filter(|t| t.indicator == ind)
            .filter(|t| (data.term.start_year..=data.term.end_year).contains(&t.year))
            .filter_map(|t| t.id)
            .collect();
        if ids.is_empty() {
            return Err(CoreError::validation(
                "hard",
                "no_target",
                format!(
                    "Chỉ tiêu bắt buộc: đơn vị chưa đặt chỉ tiêu “{}” cho nhiệm kỳ {}.",
                    ind.label(),
                    data.term.code
                ),
            ));
        }
        out.extend(ids);
    }
    Ok(out)
}

/// One row of the proposal the clerk accepts: the person for the post ("thêm"), or, with
/// `drop`, the person's entry for the post taken out of the plan ("bỏ").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    pub position: String,
    pub person_id: i64,
    #[serde(default)]
    pub drop: bool,
}

/// The decision that takes the accepted "bỏ" rows out of the plan (số, ngày).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Decision {
    pub decision_no: String,
    pub decision_date: String,
}

/// Writes the accepted rows, all or nothing: each "bỏ" as an "đưa ra" step carrying the
/// decision (the reason: not meeting the standards when the check finds a violation in the
/// entry, otherwise another reason), then each "thêm" as a "đề xuất" step; every step noted "theo
/// gợi ý". Refused, with nothing written, when a row is already done, when a "bỏ" has no
/// decision, or when the plan with the rows would have a violation it did not have before (a
/// post over its number because its "bỏ" rows were left out). Returns how many rows entered.
pub fn accept(
    store: &mut Store,
    term: &str,
    rows: &[Accepted],
    decision: &Decision,
) -> Result<usize> {
    store.write(|store| {
        if rows.is_empty() {
            return Err(CoreError::validation(
                "rows",
                "required",
                "Chưa chọn dòng nào của phương án để đưa vào quy hoạch.",
            ));
        }
        let unique: BTreeSet<&Accepted> = rows.iter().collect();
        let violations = |store: &Store| -> Result<BTreeSet<String>> {
            Ok(check::check(&store.plan_data(term)?, store.today())
                .findings
                .into_iter()
                .filter(|f| f.severity == Severity::Violation)
                .map(|f| f.message)
                .collect())
        };
        let before = violations(store)?;
        let data = store.plan_data(term)?;
        for row in unique.iter().filter(|r| r.drop) {
            let pos = store.position(&row.position)?;
            let entry = data
                .entries
                .iter()
                .find(|e| e.is_active() && e.person_id == row.person_id && Some(e.position_id) == pos.id)
                .ok_or_else(|| {
                    CoreError::not_found(
                        "rows",
                        format!(
                            "Cán bộ mã số {} không còn trong quy hoạch chức danh {} nên không bỏ được.",
                            row.person_id, pos.name
                        ),
                    )
                })?;
            let failing = data.people.get(&row.person_id).is_some_and(|p| {
                !crate::rules::eligibility::judge(&data, store.today(), p, &pos).eligible()
            });
            let step = StepInput {
                step: "dua_ra".into(),
                reason: Some(if failing { "tieu_chuan" } else { "khac" }.into()),
                decision_no: decision.decision_no.clone(),
                decision_date: Some(decision.decision_date.clone()),
                note: NOTE.into(),
                ..StepInput::default()
            };
            super::plan::add_step(store, entry.id, &step)?;
        }
        let step = StepInput {
            step: "de_xuat".into(),
            note: NOTE.into(),
            ..StepInput::default()
        };
        for row in unique.iter().filter(|r| !r.drop) {
            plan_person(store, term, &row.position, row.person_id, &step)?;
        }
        let new: Vec<String> = violations(store)?
            .into_iter()
            .filter(|v| !before.contains(v))
            .collect();
        if !new.is_empty() {
            return Err(CoreError::validation(
                "rows",
                "violation",
                format!(
                    "Không ghi: các dòng đã chọn sẽ làm quy hoạch vi phạm quy định — {} Nếu phương án bỏ người ở chức danh đó, hãy chọn cả dòng “Bỏ” (kèm số và ngày quyết định).",
                    new.join(" ")
                ),
            ));
        }
        Ok(unique.len())
    })
}

/// The model the assistant solves for a term, as it is handed to a solver (the tests give it to
/// an independent one and compare the optimum).
pub fn model(
    store: &Store,
    term: &str,
    options: &SuggestOptions,
) -> Result<crate::rules::suggest::lp::Model> {
    let data = everyone(store, term)?;
    checked(&data, options)?;
    Ok(crate::rules::suggest::instance(&data, store.today(), options)?.model())
}
