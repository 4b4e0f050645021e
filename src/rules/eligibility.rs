//! Whether a person may be planned for a post: ONE function for the check and the candidate
//! list. The check runs [`person_findings`] on each planned person with their posts; the
//! candidate list runs it through [`Judge::verdict`] with the post added to the person's plan.
//! A violation naming the person (for this post or as a whole) makes them not eligible, with its
//! message as the reason; a warning is a note. So the list and the checks can never disagree.

use chrono::NaiveDate;
use serde::Serialize;

use super::check::{person, records, sort_findings, votes, Findings, Index, Severity};
use super::plan::PlanData;
use crate::model::plan::Position;
use crate::model::Person;

/// The answer for one person and one post.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Verdict {
    /// No violation would name this person for this post once planned.
    pub eligible: bool,
    /// Why not: the messages of the violations (empty when eligible).
    pub reasons: Vec<String>,
    /// Warnings the check would give (eligible, but worth knowing).
    pub notes: Vec<String>,
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

/// Judges people for posts of one plan on one day (the plan indexed once).
pub struct Judge<'a> {
    ix: Index<'a>,
}

impl<'a> Judge<'a> {
    pub fn new(data: &'a PlanData, as_of: NaiveDate) -> Self {
        Judge {
            ix: Index::new(data, as_of),
        }
    }

    /// The verdict on `p` for `position`, as if planned there (for one term, đối tượng 1) beside
    /// their other posts.
    pub fn verdict(&self, p: &Person, position: &Position) -> Verdict {
        self.verdict_for_terms(p, position, 1)
    }

    /// The verdict on `p` for `position` planned for `terms` terms (1 or 2).
    pub fn verdict_for_terms(&self, p: &Person, position: &Position, terms: u8) -> Verdict {
        let ix = &self.ix;
        let person_id = p.id.unwrap_or_default();
        let mut posts = ix.posts_of(person_id);
        match posts.iter_mut().find(|(x, _)| x.id == position.id) {
            Some(slot) => slot.1 = terms,
            None => posts.push((position, terms)),
        }
        let mut out = Findings::new(&ix.data.rules.name);
        person_findings(ix, p, &posts, &mut out);
        // The ballots already recorded on this person's entry for the post.
        for e in ix
            .data
            .entries
            .iter()
            .filter(|e| e.person_id == person_id && Some(e.position_id) == position.id)
        {
            votes::entry(ix, e, &mut out);
        }
        let mut v = Verdict::default();
        let mut list = out.list;
        sort_findings(&mut list);
        for f in list {
            if f.position_code
                .as_deref()
                .is_some_and(|c| c != position.code)
            {
                continue;
            }
            match f.severity {
                Severity::Violation => v.reasons.push(f.message),
                Severity::Warning => v.notes.push(f.message),
                Severity::Info => {}
            }
        }
        v.eligible = v.reasons.is_empty();
        v
    }
}

/// The verdict on one person for one post of a plan (see [`Judge`] for many).
pub fn judge(data: &PlanData, as_of: NaiveDate, p: &Person, position: &Position) -> Verdict {
    Judge::new(data, as_of).verdict(p, position)
}
