//! Per position: the post belongs to the term's kind, at most N people per post (committee
//! membership excepted), and the committees' plan sizes against their coefficient.

use serde_json::json;

use super::{Findings, Index, RuleCode, Severity};
use crate::model::plan::{post, Position, PositionGroup};
use crate::rules::ruleset::RuleParams;

pub(crate) fn run(ix: &Index, out: &mut Findings) {
    let rules = ix.params;
    let term = &ix.data.term;
    for (pos_id, list) in &ix.by_position {
        let Some(pos) = ix.position(*pos_id) else {
            continue;
        };
        if pos.term_kind != term.kind {
            out.push(
                Severity::Warning,
                RuleCode::TermKind,
                None,
                Some(pos),
                json!({ "position_term_kind": pos.term_kind.code(), "term_kind": term.kind.code() }),
                format!(
                    "Chức danh {} thuộc nhiệm kỳ {}, nhưng đang quy hoạch trong nhiệm kỳ {} ({}).",
                    pos.name,
                    pos.term_kind.label(),
                    term.code,
                    term.kind.label()
                ),
            );
        }
        let max = cap_of(rules, pos);
        if pos.group != PositionGroup::CapUy && list.len() > max {
            let seats = pos.seats.max(1);
            out.push(
                Severity::Violation,
                RuleCode::MaxPerPosition,
                None,
                Some(pos),
                json!({ "count": list.len(), "max": max, "seats": seats,
                        "per_seat": rules.max_people_per_position }),
                if seats == 1 {
                    format!(
                        "Chức danh {} có {} người trong quy hoạch, vượt quá {} người cho một chức danh.",
                        pos.name,
                        list.len(),
                        max
                    )
                } else {
                    format!(
                        "Chức danh {} có {} người trong quy hoạch, vượt quá {} người ({} vị trí, mỗi vị trí không quá {} người).",
                        pos.name,
                        list.len(),
                        max,
                        seats,
                        rules.max_people_per_position
                    )
                },
            );
        }
    }

    // Plan sizes of the committees: from the lower to the upper coefficient times the members,
    // halves rounded up (warn only).
    for (code, size, coeff) in [
        (post::BCH, rules.bch_size, rules.bch_plan_coefficient),
        (post::BTV, rules.btv_size, rules.btv_plan_coefficient),
        (post::UBKT, rules.ubkt_size, rules.ubkt_plan_coefficient),
    ] {
        if size == 0 {
            continue;
        }
        let Some(pos) = ix.position_by_code(code) else {
            continue;
        };
        let n = pos
            .id
            .and_then(|id| ix.by_position.get(&id))
            .map(Vec::len)
            .unwrap_or(0);
        let min_coeff = rules.committee_plan_min_coefficient;
        let (min, max) = committee_bounds(size, min_coeff, coeff);
        let comma = |x: f64| x.to_string().replace('.', ",");
        let message = if n > max {
            format!(
                "Quy hoạch {} có {} người, vượt hệ số {} lần số ủy viên ({} × {} = {} người).",
                pos.name,
                n,
                comma(coeff),
                size,
                comma(coeff),
                max
            )
        } else if n < min {
            format!(
                "Quy hoạch {} có {} người, dưới hệ số {} lần số ủy viên ({} × {} = {} người).",
                pos.name,
                n,
                comma(min_coeff),
                size,
                comma(min_coeff),
                min
            )
        } else {
            continue;
        };
        out.push(
            Severity::Warning,
            RuleCode::PlanCoefficient,
            None,
            Some(pos),
            json!({ "count": n, "size": size, "coefficient": coeff, "min_coefficient": min_coeff,
                    "min": min, "max": max }),
            message,
        );
    }
}

/// The most people a post may have in the plan: the rule set's number per seat times the post's
/// seats (committee membership has its own bounds instead, see `committee_bounds`).
pub fn cap_of(rules: &RuleParams, pos: &Position) -> usize {
    rules.max_people_per_position * pos.seats.max(1) as usize
}

/// The bounds of a committee's plan: `size` × each coefficient, halves rounded up (15 × 1,5 =
/// 22,5 → 23).
pub fn committee_bounds(size: usize, min_coeff: f64, max_coeff: f64) -> (usize, usize) {
    let round = |c: f64| (size as f64 * c).round() as usize;
    (round(min_coeff), round(max_coeff))
}
