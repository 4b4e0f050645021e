//! Checks of a term's plan against the rule set and the ward's targets. Each finding says how
//! serious it is, which rule or target and its source, who and which post, the computed values,
//! and one Vietnamese sentence.
//!
//! `check` is a short driver: it indexes the plan once ([`Index`]) and calls each family of rules
//! in its own file — per position (`position`), per person and record (`person_findings`: the same
//! run `rules::eligibility` makes for one person and one post, so the check and the candidate
//! list never disagree), the ballots (`votes`), the structure (`structure`) and the ward's targets
//! (`targets`). The families depend on nothing above them: `eligibility` uses `check`, never
//! the other way round.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::Value;

use super::calendar::{review_calendar, ReviewCalendar};
use super::facts::PersonFacts;
use super::plan::PlanData;
use super::ruleset::RuleParams;
use super::stats::{stats, Stats};
use super::targets::Target;
use crate::model::plan::{post, PlanEntry, Position};
use crate::model::Person;
use crate::model::YearMonth;
use crate::text::fold;

pub use super::codes::{RuleCode, Severity};

pub mod person;
pub mod position;
pub(crate) mod records;
pub(crate) mod structure;
pub(crate) mod targets;
pub(crate) mod votes;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable code of the rule or target: "max_per_position", "months_left", "target"…
    pub rule: RuleCode,
    /// The regulation or the ward's decision behind it.
    pub source: String,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub position_code: Option<String>,
    /// Computed values: months_left, age, ratio, threshold…
    pub values: serde_json::Map<String, Value>,
    pub message: String,
}

impl Finding {
    /// The message without the person's name in front, for a row that already names them
    /// ("Lê Văn Cường: còn 50 tháng…" → "Còn 50 tháng…"; "Lê Văn Cường được quy hoạch 4 chức
    /// danh…" → "Được quy hoạch 4 chức danh…"). A message about no one is returned as is.
    pub fn text(&self) -> String {
        let Some(name) = self.person_name.as_deref().filter(|n| !n.is_empty()) else {
            return self.message.clone();
        };
        let rest = match self.message.strip_prefix(name) {
            Some(r) if r.starts_with(':') => r[1..].trim_start(),
            Some(r) if r.starts_with(' ') => r.trim_start(),
            _ => return self.message.clone(),
        };
        let mut chars = rest.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => self.message.clone(),
        }
    }
}

/// What one planned person lacks for the planned post.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingGap {
    pub person_id: i64,
    pub person_name: String,
    pub position_code: String,
    pub position_name: String,
    pub lacks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetResult {
    pub target: Target,
    pub body_label: String,
    pub count: usize,
    pub of: usize,
    /// A share 0–1, or a count for count indicators.
    pub value: f64,
    /// Reached; false too when nobody is there to count (`counted` false).
    pub met: bool,
    /// Someone in the body to count: with nobody (0/0) the target is neither met nor missed.
    pub counted: bool,
    /// What the documents and the window print for it: "đạt", "chưa đạt", or that nobody in the
    /// plan is there to count ("chưa có ai trong quy hoạch để tính").
    pub verdict: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    pub term: String,
    pub reference_month: YearMonth,
    pub rule_set: String,
    pub as_of: NaiveDate,
    pub findings: Vec<Finding>,
    pub targets: Vec<TargetResult>,
    pub training_gaps: Vec<TrainingGap>,
    /// Statistics of everyone in the plan of the term.
    pub stats: Stats,
    /// Where this year's review round stands (Quarter I, reported by June), in words.
    pub review: ReviewCalendar,
}

/// Findings as the families give them, each with the rule set's name as its source.
pub(crate) struct Findings {
    source: String,
    pub list: Vec<Finding>,
    pub gaps: Vec<TrainingGap>,
}

impl Findings {
    pub fn new(source: &str) -> Self {
        Findings {
            source: source.to_string(),
            list: Vec::new(),
            gaps: Vec::new(),
        }
    }

    pub fn push(
        &mut self,
        severity: Severity,
        rule: RuleCode,
        person: Option<&Person>,
        position: Option<&Position>,
        values: Value,
        message: String,
    ) {
        let values = match values {
            Value::Object(m) => m,
            _ => serde_json::Map::new(),
        };
        self.list.push(Finding {
            severity,
            rule,
            source: self.source.clone(),
            person_id: person.and_then(|p| p.id),
            person_name: person.map(|p| p.full_name.clone()),
            position_code: position.map(|p| p.code.clone()),
            values,
            message,
        });
    }
}

/// Names and aliases of every catalogue position, folded once per check.
pub(crate) struct PositionNames<'a> {
    names: Vec<(&'a Position, Vec<String>)>,
}

impl<'a> PositionNames<'a> {
    pub(crate) fn new(positions: &'a [Position]) -> Self {
        let names = positions
            .iter()
            .map(|pos| {
                let folded = std::iter::once(&pos.name)
                    .chain(pos.aliases.iter())
                    .map(|n| fold(n))
                    .filter(|n| !n.is_empty())
                    .collect();
                (pos, folded)
            })
            .collect();
        PositionNames { names }
    }

    /// The catalogue positions a title names (its name or an alias), the title already folded.
    pub fn named<'s>(&'s self, folded_title: &'s str) -> impl Iterator<Item = &'a Position> + 's {
        self.names
            .iter()
            .filter(move |(_, names)| names.iter().any(|n| n == folded_title))
            .map(|(pos, _)| *pos)
    }

    /// Catalogue positions a person holds on `day`, matched on name or alias (ignoring case and
    /// diacritics): a post decided to begin later is not held yet.
    pub fn held_by(&self, p: &Person, day: NaiveDate) -> Vec<&'a Position> {
        let titles: Vec<String> = p.positions_on(day).map(|h| fold(&h.title)).collect();
        if titles.is_empty() {
            return Vec::new();
        }
        self.names
            .iter()
            .filter(|(_, names)| names.iter().any(|n| titles.contains(n)))
            .map(|(pos, _)| *pos)
            .collect()
    }
}

/// The plan of a term indexed once for the families: positions by id, active entries by post and
/// by person, the facts of everyone planned, and what the rule set asks for.
pub struct Index<'a> {
    pub data: &'a PlanData,
    pub params: &'a RuleParams,
    pub as_of: NaiveDate,
    pub(crate) positions: HashMap<i64, &'a Position>,
    pub(crate) names: PositionNames<'a>,
    /// The ward's place name, folded.
    pub(crate) place: String,
    /// Discipline forms that exclude while in effect, folded.
    pub(crate) excluding: Vec<String>,
    /// The rating years the check reads, oldest first.
    pub rating_years: Vec<i32>,
    pub(crate) by_position: BTreeMap<i64, Vec<&'a PlanEntry>>,
    pub(crate) by_person: BTreeMap<i64, Vec<&'a PlanEntry>>,
    pub(crate) facts: HashMap<i64, PersonFacts>,
}

impl<'a> Index<'a> {
    pub fn new(data: &'a PlanData, as_of: NaiveDate) -> Self {
        let params = &data.rules.params;
        let place = fold(&data.place_name);
        let mut by_position: BTreeMap<i64, Vec<&PlanEntry>> = BTreeMap::new();
        let mut by_person: BTreeMap<i64, Vec<&PlanEntry>> = BTreeMap::new();
        let mut facts = HashMap::new();
        for e in data.entries.iter().filter(|e| e.is_active()) {
            by_position.entry(e.position_id).or_default().push(e);
            by_person.entry(e.person_id).or_default().push(e);
            if let Some(p) = data.people.get(&e.person_id) {
                facts.entry(e.person_id).or_insert_with(|| {
                    super::facts::facts(p, data.term.reference_month, params, &place)
                });
            }
        }
        Index {
            data,
            params,
            as_of,
            positions: data
                .positions
                .iter()
                .filter_map(|p| p.id.map(|id| (id, p)))
                .collect(),
            names: PositionNames::new(&data.positions),
            place,
            excluding: params
                .excluding_discipline
                .iter()
                .map(|s| fold(s))
                .collect(),
            rating_years: (1..=params.rating_years)
                .map(|k| as_of.year() - k)
                .rev()
                .collect(),
            by_position,
            by_person,
            facts,
        }
    }

    pub fn position(&self, id: i64) -> Option<&'a Position> {
        self.positions.get(&id).copied()
    }

    /// The catalogue position with this code (the committees: `post::BCH`…).
    pub fn position_by_code(&self, code: &str) -> Option<&'a Position> {
        self.data.positions.iter().find(|p| p.code == code)
    }

    /// The id of the BCH membership post, if the catalogue has it.
    pub fn bch_id(&self) -> Option<i64> {
        self.position_by_code(post::BCH).and_then(|p| p.id)
    }

    /// A person's facts at the reference month (computed for people not planned yet).
    pub fn facts_of(&self, p: &Person) -> PersonFacts {
        match p.id.and_then(|id| self.facts.get(&id)) {
            Some(f) => f.clone(),
            None => {
                super::facts::facts(p, self.data.term.reference_month, self.params, &self.place)
            }
        }
    }

    /// The posts a person is actively planned for in the term, with each entry's terms.
    pub fn posts_of(&self, person_id: i64) -> Vec<(&'a Position, u8)> {
        self.by_person
            .get(&person_id)
            .map(|list| {
                list.iter()
                    .filter_map(|e| Some((self.position(e.position_id)?, e.terms)))
                    .collect()
            })
            .unwrap_or_default()
    }
}

pub fn check(data: &PlanData, as_of: NaiveDate) -> CheckReport {
    let ix = Index::new(data, as_of);
    let mut out = Findings::new(&data.rules.name);
    position::run(&ix, &mut out);
    for (person_id, list) in &ix.by_person {
        let Some(p) = data.people.get(person_id) else {
            continue;
        };
        if !ix.facts.contains_key(person_id) {
            continue;
        }
        let posts: Vec<(&Position, u8)> = list
            .iter()
            .filter_map(|e| Some((ix.position(e.position_id)?, e.terms)))
            .collect();
        person_findings(&ix, p, &posts, &mut out);
    }
    votes::run(&ix, &mut out);
    let planned: Vec<(&Person, &PersonFacts)> = ix
        .by_person
        .keys()
        .filter_map(|id| Some((data.people.get(id)?, ix.facts.get(id)?)))
        .collect();
    let all_stats = stats(&planned, ix.params);
    structure::run(&ix, &planned, &mut out);
    let target_results = targets::run(&ix, &mut out);

    let Findings {
        list: mut findings,
        gaps,
        ..
    } = out;
    sort_findings(&mut findings);
    CheckReport {
        term: data.term.code.clone(),
        reference_month: data.term.reference_month,
        rule_set: data.rules.name.clone(),
        as_of,
        findings,
        targets: target_results,
        training_gaps: gaps,
        stats: all_stats,
        review: review_calendar(data, as_of),
    }
}

/// The report's order: most serious first, then by post, person and rule (stable within).
pub(crate) fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (
            a.severity,
            a.position_code.as_deref(),
            a.person_name.as_deref(),
            a.rule.code(),
        )
            .cmp(&(
                b.severity,
                b.position_code.as_deref(),
                b.person_name.as_deref(),
                b.rule.code(),
            ))
    });
}

/// Every finding of the person-level families for `p` planned for `posts`: the person's own
/// rules (age, posts per person, only higher, standards, ratings, discipline…) and the record's.
pub(crate) fn person_findings(
    ix: &Index,
    p: &Person,
    posts: &[(&Position, u8)],
    out: &mut Findings,
) {
    let f = ix.facts_of(p);
    person::run(ix, p, &f, posts, out);
    records::run(ix, p, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(name: Option<&str>, message: &str) -> Finding {
        Finding {
            severity: Severity::Violation,
            rule: RuleCode::MonthsLeft,
            source: String::new(),
            person_id: name.map(|_| 7),
            person_name: name.map(Into::into),
            position_code: None,
            values: serde_json::Map::new(),
            message: message.into(),
        }
    }

    #[test]
    fn text_drops_the_name_in_front_only() {
        let t = |n, m| finding(n, m).text();
        assert_eq!(
            t(Some("Lê Văn An"), "Lê Văn An: còn 50 tháng công tác."),
            "Còn 50 tháng công tác."
        );
        assert_eq!(
            t(Some("Võ Thị Ánh"), "Võ Thị Ánh được quy hoạch 4 chức danh."),
            "Được quy hoạch 4 chức danh."
        );
        // A longer name beginning the same way is not this person's.
        assert_eq!(
            t(Some("Lê Văn An"), "Lê Văn Anh: còn 50 tháng."),
            "Lê Văn Anh: còn 50 tháng."
        );
        assert_eq!(t(None, "Tỷ lệ nữ 20%."), "Tỷ lệ nữ 20%.");
        assert_eq!(
            t(Some("Đặng Đức"), "Đặng Đức: đang trong thời hạn kỷ luật."),
            "Đang trong thời hạn kỷ luật."
        );
    }
}
