//! The ward's own targets (chỉ tiêu) for the years of the term, against the actual figures.

use serde_json::json;

use super::{Findings, Index, RuleCode, Severity, TargetResult};
use crate::model::Person;
use crate::rules::facts::{percent, PersonFacts};
use crate::rules::targets::{body_label, in_body, measure, Indicator};

pub(crate) fn run(ix: &Index, out: &mut Findings) -> Vec<TargetResult> {
    let rules = ix.params;
    let term = &ix.data.term;
    let mut results = Vec::new();
    for t in ix
        .data
        .targets
        .iter()
        .filter(|t| (term.start_year..=term.end_year).contains(&t.year))
    {
        let people: Vec<(&Person, &PersonFacts)> = ix
            .by_person
            .iter()
            .filter(|(_, list)| {
                list.iter().any(|e| {
                    ix.position(e.position_id)
                        .is_some_and(|pos| in_body(&t.body, pos))
                })
            })
            .filter_map(|(id, _)| Some((ix.data.people.get(id)?, ix.facts.get(id)?)))
            .collect();
        let young_under = t.age_under.unwrap_or_else(|| rules.young_under());
        let (count, of) = measure(t.indicator, &people, young_under);
        let value = t.indicator.value(count, of);
        let met = t.met_by(value);
        let label = body_label(&t.body);
        let counted = of > 0;
        let verdict = if !counted {
            nobody_to_count(t.indicator).to_string()
        } else if met {
            "đạt".to_string()
        } else {
            "chưa đạt".to_string()
        };
        if !counted {
            out.push(
                Severity::Info,
                RuleCode::TargetEmpty,
                None,
                None,
                json!({ "indicator": t.indicator.code(), "body": t.body, "year": t.year }),
                format!(
                    "Chỉ tiêu năm {}: {} trong {}: {} nên chưa đánh giá được.",
                    t.year,
                    t.indicator.label().to_lowercase(),
                    label,
                    verdict
                ),
            );
        } else if !met {
            let (actual, needed) = if t.indicator.is_count() {
                (format!("{count}"), format!("{}", t.threshold))
            } else {
                (
                    format!("{} ({count}/{of})", percent(value)),
                    percent(t.threshold),
                )
            };
            out.push(
                Severity::Warning,
                RuleCode::Target,
                None,
                None,
                json!({ "indicator": t.indicator.code(), "body": t.body, "count": count, "of": of,
                        "value": value, "threshold": t.threshold, "year": t.year }),
                format!(
                    "Chỉ tiêu năm {}: {} trong {} là {}, yêu cầu {} {}{}.",
                    t.year,
                    t.indicator.label().to_lowercase(),
                    label,
                    actual,
                    if t.strict { "trên" } else { "từ" },
                    needed,
                    if t.strict { "" } else { " trở lên" }
                ),
            );
            if let Some(last) = out.list.last_mut() {
                if !t.source.is_empty() {
                    last.source = t.source.clone();
                }
            }
        }
        results.push(TargetResult {
            target: t.clone(),
            body_label: label,
            count,
            of,
            value,
            met: met && counted,
            counted,
            verdict,
        });
    }
    results
}

/// A target over nobody: there is no one in the plan to count, not a target missed.
fn nobody_to_count(indicator: Indicator) -> &'static str {
    match indicator {
        Indicator::YoungForeignLanguage => "chưa có cán bộ trẻ nào trong quy hoạch để tính",
        _ => "chưa có ai trong quy hoạch để tính",
    }
}
