//! The plan of one term as the rules read it: the term, its rule set, the catalogue, the planned
//! people, the entries and the ward's targets. The store loads it (`Store::plan_data`); tests and
//! benchmarks build it directly. The check, the statistics, the candidate list and the exports
//! all read this one type.

use std::collections::HashMap;

use super::facts::{facts, PersonFacts};
use super::ruleset::RuleSet;
use super::stats::{stats, Stats};
use super::targets::{in_body, Target};
use crate::model::plan::{PlanEntry, Position, Term};
use crate::model::Person;
use crate::text::fold;

/// Everything the rules read about a term's plan, owned.
#[derive(Debug, Clone)]
pub struct PlanData {
    pub term: Term,
    pub rules: RuleSet,
    pub positions: Vec<Position>,
    /// The people of the entries (any status), by id.
    pub people: HashMap<i64, Person>,
    /// Entries of this term (any status).
    pub entries: Vec<PlanEntry>,
    pub targets: Vec<Target>,
    /// The ward's place name: people whose home town names it are local.
    pub place_name: String,
    /// Years of the term's review rounds already recorded (the calendar of the yearly review).
    pub review_years: Vec<i32>,
}

impl PlanData {
    /// The catalogue position with this id.
    pub fn position_by_id(&self, id: i64) -> Option<&Position> {
        self.positions.iter().find(|p| p.id == Some(id))
    }

    /// The catalogue position with this code.
    pub fn position_by_code(&self, code: &str) -> Option<&Position> {
        self.positions.iter().find(|p| p.code == code)
    }

    /// What the rules know about a person at the term's reference month.
    pub fn facts(&self, p: &Person) -> PersonFacts {
        facts(
            p,
            self.term.reference_month,
            &self.rules.params,
            &fold(&self.place_name),
        )
    }

    /// The people actively planned for a body ("TAT_CA", "CHU_CHOT" or a position code), each
    /// once, by id.
    pub fn body_people(&self, body_code: &str) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .entries
            .iter()
            .filter(|e| e.is_active())
            .filter(|e| {
                self.position_by_id(e.position_id)
                    .is_some_and(|pos| in_body(body_code, pos))
            })
            .map(|e| e.person_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Statistics of the people actively planned for a body ("TAT_CA", "CHU_CHOT" or a position code).
    pub fn stats(&self, body_code: &str) -> Stats {
        let place = fold(&self.place_name);
        let params = &self.rules.params;
        let ids = self.body_people(body_code);
        let facts: Vec<(&Person, PersonFacts)> = ids
            .iter()
            .filter_map(|id| self.people.get(id))
            .map(|p| (p, facts(p, self.term.reference_month, params, &place)))
            .collect();
        let pairs: Vec<_> = facts.iter().map(|(p, f)| (*p, f)).collect();
        stats(&pairs, params)
    }
}
