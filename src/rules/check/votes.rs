//! The ballots of every step of every entry (removed ones too: a failed vote stays on record).

use serde_json::json;

use super::{Findings, Index, RuleCode, Severity};
use crate::model::plan::PlanEntry;
use crate::rules::facts::percent;
use crate::rules::votes::outcome;

pub(crate) fn run(ix: &Index, out: &mut Findings) {
    for e in &ix.data.entries {
        entry(ix, e, out);
    }
}

/// The failed ballots of one entry.
pub(crate) fn entry(ix: &Index, e: &PlanEntry, out: &mut Findings) {
    let rules = ix.params;
    let Some(p) = ix.data.people.get(&e.person_id) else {
        return;
    };
    let pos = ix.position(e.position_id);
    for ev in &e.events {
        let Some(v) = ev.votes else { continue };
        let o = outcome(&v, rules);
        if !o.passed {
            out.push(
                Severity::Violation,
                RuleCode::Votes,
                Some(p),
                pos,
                json!({ "agree": v.agree, "base": o.base, "share": o.share, "threshold": rules.vote_pass_share }),
                format!(
                    "{}: bước “{}” được {}/{} phiếu đồng ý ({}) so với {}, chưa quá {}.",
                    p.full_name,
                    ev.step.label(),
                    v.agree,
                    o.base,
                    percent(o.share),
                    o.base_name,
                    percent(rules.vote_pass_share)
                ),
            );
        }
    }
}
